// The technician's screen in a terminal: one line per check with the status (coloured unless
// NO_COLOR is set or the output is not a terminal), the title in zh-TW and English and the
// time taken; under it what was seen and, when something is wrong, the NHI code and the fix
// hint, each line in both languages.
import stringWidth from 'string-width';
import type { Bilingual } from '../../i18n/index.ts';
import type { CheckStatus, DiagnosticCheck, DiagnosticReport } from './types.ts';

const COLOURS: Record<CheckStatus, string> = { PASS: '\x1b[32m', WARN: '\x1b[33m', FAIL: '\x1b[31m', SKIP: '\x1b[2m' };
const RESET = '\x1b[0m';

export interface TextStyle {
  colour: boolean;
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org: any non-empty value). */
export function textStyle(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): TextStyle {
  return { colour: stream.isTTY === true && !env['NO_COLOR'] && env['TERM'] !== 'dumb' };
}

function both(text: Bilingual): string {
  if (text['zh-TW'] === text.en) return text.en;
  return `${text['zh-TW']} / ${text.en}`;
}

function label(status: CheckStatus, style: TextStyle): string {
  const word = status.padEnd(4);
  return style.colour ? `${COLOURS[status]}${word}${RESET}` : word;
}

export function renderCheck(check: DiagnosticCheck, style: TextStyle): string {
  const lines = [`${label(check.status, style)}  ${both(check.title)}  (${check.ms} ms)`];
  if (check.detail.en || check.detail['zh-TW']) {
    const joined = both(check.detail);
    // Past one 80-column line, each language gets its own line (the wrapped mix is unreadable).
    if (stringWidth(joined) <= 74 || check.detail['zh-TW'] === check.detail.en) lines.push(`      ${joined}`);
    else lines.push(`      ${check.detail['zh-TW']}`, `      ${check.detail.en}`);
  }
  const wrong = check.status === 'FAIL' || check.status === 'WARN';
  if (wrong && (check.hint.en || check.hint['zh-TW'])) {
    const code = check.nhiCode ? `[${check.nhiCode}] ` : '';
    lines.push(`      → ${code}${check.hint['zh-TW']}`);
    lines.push(`        ${check.hint.en}`);
  } else if (wrong && check.nhiCode) {
    lines.push(`      → [${check.nhiCode}]`);
  }
  return lines.join('\n');
}

export function renderSummary(report: DiagnosticReport, style: TextStyle): string {
  const { pass, warn, fail, skip } = report.summary;
  const counts = `PASS ${pass}  WARN ${warn}  FAIL ${fail}  SKIP ${skip}`;
  const verdict =
    fail > 0
      ? '有項目未通過，請依提示處理 / some checks failed; follow the hints'
      : warn > 0
        ? '可以使用，但有警告 / usable, with warnings'
        : '全部正常 / all good';
  const line = `${counts} — ${verdict}`;
  return style.colour ? `${fail > 0 ? COLOURS.FAIL : warn > 0 ? COLOURS.WARN : COLOURS.PASS}${line}${RESET}` : line;
}

export function renderReport(report: DiagnosticReport, style: TextStyle): string {
  const header = `yaoli doctor ${report.version} — ${report.at}`;
  return [header, '', ...report.checks.map((c) => renderCheck(c, style)), '', renderSummary(report, style)].join('\n');
}
