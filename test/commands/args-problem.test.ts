// parseArgs' refusals read in both languages: the zh-TW half of a bad-arguments line used to
// carry Node's English ("Option '-i, --input <value>' argument missing").
import test from 'ava';
import { parseArgs } from 'node:util';
import { argsFacts, badArguments } from '../../src/commands/args-problem.ts';

/** What parseArgs throws for `args` against an --input (-i) option and a --json switch. */
function refusal(args: string[]): unknown {
  try {
    parseArgs({ args, options: { input: { type: 'string', short: 'i' }, json: { type: 'boolean' } }, strict: true, allowPositionals: false });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

test('each kind of refusal names the option in both languages, with no English in the zh-TW half', (t) => {
  const cases: [string[], string, string][] = [
    [['--bogus'], '不認得的選項 --bogus', 'unknown option --bogus'],
    [['-x'], '不認得的選項 -x', 'unknown option -x'],
    [['extra'], '多餘的參數 extra（選項須以 -- 開頭）', 'unexpected argument extra (options start with --)'],
    [['-i'], '選項 --input 缺少值', 'option --input needs a value'],
    [['--json=1'], '選項 --json 不接受值', 'option --json takes no value'],
    [['--input', '--json'], '選項 --input 缺少值（以 - 開頭的值請寫成 --input=-值）', 'option --input needs a value (write one starting with - as --input=-value)'],
  ];
  for (const [args, zh, en] of cases) {
    t.deepEqual(argsFacts(refusal(args)), { detail: zh, detailEn: en }, args.join(' '));
    t.is(badArguments(refusal(args)), `參數錯誤：${zh} / bad arguments: ${en}`);
  }
});

test('an error that is not a parseArgs refusal keeps its own message in both halves', (t) => {
  t.deepEqual(argsFacts(new Error('something else')), { detail: 'something else', detailEn: 'something else' });
  t.deepEqual(argsFacts('plain text'), { detail: 'plain text', detailEn: 'plain text' });
});
