// Without --today the CLI asks the clock once and reads the instant as an Asia/Taipei day,
// whatever the process time zone (tests run under TZ=UTC).
import test from 'ava';
import { run } from '../../src/commands/analyze.ts';

test('the default query day is the Taipei calendar day of now (16:30 UTC is already tomorrow in Taipei)', async (t) => {
  const printed: string[] = [];
  const original = console.log;
  console.log = (text: string) => printed.push(text);
  try {
    const code = await run(['--input', 'examples/empty-history.json', '--json'], () => new Date('2025-11-02T16:30:00Z'));
    t.is(code, 0);
  } finally {
    console.log = original;
  }
  t.is(JSON.parse(printed.join('\n')).today, '2025-11-03');
});
