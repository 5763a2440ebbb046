// plainText (the 摘要 note's HTML → terminal-safe text): a real note, a page of them, and the
// hostile shapes that would be quadratic without the MAX_NOTE_HTML cut (unclosed <script>,
// nested decoded tags). Median of 20 runs each.
import { MAX_NOTE_HTML, plainText } from '../../src/core/medicloud/summary-text.ts';

const NOTE = "此病人腎功能不佳，<span class='red-sign'>最近一筆eGFR值為[34]，採檢日期為[114/02/28]</span>，開立藥品時請注意劑量調整。";

const CASES: [string, string][] = [
  ['one real CKD note', NOTE],
  ['unclosed <script> × 20,000', '<script>'.repeat(20_000)],
  ['&lt;a × 20,000 + &gt; × 20,000', '&lt;a'.repeat(20_000) + '&gt;'.repeat(20_000)],
  ['&#x1b; × 30,000', '&#x1b;'.repeat(30_000)],
  ['&lt;a × 400 + &gt; × 400 (worst case inside the cut)', '&lt;a'.repeat(400) + '&gt;'.repeat(400)],
];

function medianMs(input: string, runs = 20): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    plainText(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

export default async function bench(): Promise<void> {
  console.log(`input cut at ${MAX_NOTE_HTML} characters`);
  console.log('| input | chars | median ms |');
  console.log('|---|---:|---:|');
  for (const [name, input] of CASES) console.log(`| ${name} | ${input.length} | ${medianMs(input).toFixed(3)} |`);
}
