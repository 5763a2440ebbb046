import test from 'ava';
import { parseKeypress, splitKeySequences } from '../../src/ui/input/keypress.ts';
import { KEYMAP, barBindings, commandFor } from '../../src/ui/keymap.ts';
import { hintText } from '../../src/ui/components/hint-bar.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { zhTW } from '../../src/ui/i18n/zh-TW.ts';
import { en } from '../../src/ui/i18n/en.ts';

test('F-keys from xterm, rxvt and the Linux console are named', (t) => {
  t.is(parseKeypress('\x1bOP').name, 'f1');
  t.is(parseKeypress('\x1b[11~').name, 'f1');
  t.is(parseKeypress('\x1b[[B').name, 'f2');
  t.is(parseKeypress('\x1b[17~').name, 'f6');
  t.is(parseKeypress('\x1b[5~').name, 'pageup');
  t.is(parseKeypress('\x1b[Z').shift, true);
  t.deepEqual(parseKeypress('\x03'), { name: 'char', input: 'c', ctrl: true, shift: false });
  t.is(parseKeypress('王').input, '王');
});

test('every primary action has an F-key alias and a letter', (t) => {
  for (const command of ['app.help', 'app.tray', 'session.emergency', 'session.close'] as const) {
    const keys = KEYMAP.find((b) => b.command === command)?.keys.map((k) => k.key) ?? [];
    t.true(keys.some((k) => /^f\d+$/.test(k)), command);
    t.true(keys.some((k) => k.length === 1), command);
  }
});

test('the first scope wins: Enter is consent on the consent screen, detail in a table, submit while typing', (t) => {
  const enter = parseKeypress('\r');
  t.is(commandFor(['consent', 'global'], enter), 'session.consent');
  t.is(commandFor(['table', 'patient', 'global'], enter), 'table.detail');
  t.is(commandFor(['text', 'table', 'global'], enter), 'text.submit');
});

test('while typing, letters and digits are text; F-keys and Esc still work', (t) => {
  const scopes = ['text', 'table', 'patient', 'global'] as const;
  t.is(commandFor(scopes, parseKeypress('s')), null);
  t.is(commandFor(scopes, parseKeypress('2')), null);
  t.is(commandFor(scopes, parseKeypress('\x1b')), 'session.back');
  t.is(commandFor(scopes, parseKeypress('\x1bOQ')), 'app.tray');
  t.is(commandFor(['table', 'patient', 'global'], parseKeypress('2')), 'tab.2');
  t.is(commandFor(['table', 'patient', 'global'], parseKeypress('s')), 'table.sort-order');
});

test('the hint bar and the help overlay are generated from the keymap in both languages', (t) => {
  const bar = barBindings(['table', 'patient', 'global']);
  t.true(bar.some((b) => b.command === 'table.filter'));
  t.true(hintText(['table', 'patient', 'global'], 'zh-TW').includes('/ 篩選'));
  t.true(hintText(['table', 'patient', 'global'], 'en').includes('/ filter'));
  const help = helpLines('en');
  t.true(help.some((l) => l.keys.includes('F2') && l.description === en['desc.tray']));
  t.true(help.some((l) => l.keys === '1 2 3 4 5 6'), 'the six tab keys share one line');
});

test('zh-TW and en have the same keys', (t) => {
  t.deepEqual(Object.keys(en).sort(), Object.keys(zhTW).sort());
});

test('docs/kiosk.md lists every F-key the keymap binds', async (t) => {
  const { readFile } = await import('node:fs/promises');
  const docs = await readFile(new URL('../../docs/kiosk.md', import.meta.url), 'utf8');
  const fkeys = new Set(KEYMAP.flatMap((b) => b.keys.map((k) => k.key)).filter((k) => /^f\d+$/.test(k)));
  t.true(fkeys.size >= 9);
  for (const key of fkeys) t.true(docs.includes(`| ${key.toUpperCase()} `) || docs.includes(`${key.toUpperCase()} /`), key);
});

test('one stdin chunk with several keys: a PIN typed fast keeps its Enter, two arrows stay two', (t) => {
  t.deepEqual(splitKeySequences('755455\r'), ['755455', '\r']);
  t.deepEqual(splitKeySequences('\x1b[B\x1b[B'), ['\x1b[B', '\x1b[B']);
  t.deepEqual(splitKeySequences('\x1bOP1\x1b'), ['\x1bOP', '1', '\x1b']);
  t.deepEqual(splitKeySequences('\x1b[[5~\x1b[[B\x1b[15;2~'), ['\x1b[[5~', '\x1b[[B', '\x1b[15;2~']);
  t.deepEqual(splitKeySequences('a\x7f\r\n'), ['a', '\x7f', '\r\n']);
  t.deepEqual(splitKeySequences('\x03'), ['\x03']);
  t.deepEqual(
    splitKeySequences('12\r').map((k) => parseKeypress(k).name),
    ['char', 'return'],
  );
});
