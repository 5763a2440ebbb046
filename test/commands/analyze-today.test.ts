// Without --today the CLI asks the clock once and reads the instant as an Asia/Taipei day,
// whatever the process time zone (tests run under TZ=UTC).
import test from 'ava';
import { runAnalyze } from './analyze-run.ts';

test('the default query day is the Taipei calendar day of now (16:30 UTC is already tomorrow in Taipei)', async (t) => {
  const { code, stdout } = await runAnalyze(['--input', 'examples/empty-history.json', '--json'], () => new Date('2025-11-02T16:30:00Z'));
  t.is(code, 0);
  t.is(JSON.parse(stdout).today, '2025-11-03');
});
