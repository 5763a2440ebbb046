// The kiosk's terminal plumbing: Ink 6.8's incremental writer drawn into a model screen, with
// and without the stream that drops each frame's trailing line advance; the CI markers that
// would make Ink draw nothing.
import test from 'ava';
import { EventEmitter } from 'node:events';
import { createElement as h } from 'react';
import { forgetCiEnvironment, inkFrameStream } from '../../src/kiosk/terminal.ts';
import { ScreenModel } from './screen-model.ts';

// Ink reads CI when first imported; this worker may run under CI=true.
forgetCiEnvironment();
const { Box, Text, render } = await import('ink');

/** A kiosk-like frame: rows − 1 lines, a title on top, a hint bar last, a moving cursor mark. */
function frameLines(n: number, height: number): string[] {
  return Array.from({ length: height }, (_, i) => (i === 0 ? `TOP ${n}` : i === height - 1 ? `HINTS ${n}` : `row ${i}${i % 5 === n % 5 ? ' >' : ''}`));
}

function Frame({ n, height }: { n: number; height: number }) {
  return h(Box, { flexDirection: 'column', height }, ...frameLines(n, height).map((line, i) => h(Text, { key: i }, line)));
}

async function drawFrames(gate: boolean, frames: number): Promise<{ screens: string[][]; expected: string[][] }> {
  const screen = new ScreenModel(80, 24);
  const stdin = Object.assign(new EventEmitter(), { isTTY: false, setRawMode() {}, setEncoding() {}, ref() {}, unref() {}, read: () => null });
  const stdout = (gate ? inkFrameStream(screen as unknown as NodeJS.WriteStream) : screen) as unknown as NodeJS.WriteStream;
  const height = screen.rows - 1;
  const shown = screen.until((s) => s.includes(`HINTS 0`));
  const ink = render(h(Frame, { n: 0, height }), { stdout, stdin: stdin as unknown as NodeJS.ReadStream, patchConsole: false, exitOnCtrlC: false, incrementalRendering: true, maxFps: 1000 });
  await shown;
  const screens = [screen.text()];
  const expected = [[...frameLines(0, height), '']];
  for (let n = 1; n < frames; n++) {
    const next = screen.until((s) => s.some((line) => line === `HINTS ${n}`));
    ink.rerender(h(Frame, { n, height }));
    await next;
    screens.push(screen.text());
    expected.push([...frameLines(n, height), '']);
  }
  ink.unmount();
  return { screens, expected };
}

test('with the trailing advance dropped, every redraw of a rows − 1 frame lands on rows 0–22 and row 23 stays empty', async (t) => {
  const { screens, expected } = await drawFrames(true, 8);
  t.deepEqual(screens, expected);
});

test("Ink 6.8's own incremental writer draws the second frame out of place (the reason for the gate; if this fails, Ink was fixed: drop inkFrameStream)", async (t) => {
  const { screens, expected } = await drawFrames(false, 3);
  t.deepEqual(screens[0], expected[0], 'the first frame is written whole and is right');
  t.notDeepEqual(screens[1], expected[1]);
});

test('the gate passes other writes through untouched: synchronized-output marks, cursor modes, bytes', (t) => {
  const written: unknown[] = [];
  const target = { write: (chunk: unknown) => (written.push(chunk), true), columns: 80, rows: 24, isTTY: true };
  const gated = inkFrameStream(target as unknown as NodeJS.WriteStream);
  const bytes = Buffer.from('raw\n');
  gated.write('\x1b[?2026h');
  gated.write('\x1b[?25l');
  gated.write(bytes);
  gated.write('frame\x1b[K\n');
  gated.write('\x1b[1Gsame\x1b[E');
  t.deepEqual(written, ['\x1b[?2026h', '\x1b[?25l', bytes, 'frame\x1b[K', '\x1b[1Gsame']);
  t.is(gated.columns, 80);
  t.is(gated.rows, 24);
  t.true('isTTY' in gated && gated.isTTY);
});

test('CI, CONTINUOUS_INTEGRATION and CI_* are removed; other variables stay', (t) => {
  const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', CI_NAME: 'codeship', CIRCLE: 'x', PATH: '/bin', YAOLI_HOME: '/tmp/y' };
  t.deepEqual(forgetCiEnvironment(env).sort(), ['CI', 'CI_NAME', 'CONTINUOUS_INTEGRATION']);
  t.deepEqual(env, { CIRCLE: 'x', PATH: '/bin', YAOLI_HOME: '/tmp/y' });
});
