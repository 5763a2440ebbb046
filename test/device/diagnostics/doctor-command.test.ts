// `yaoli doctor` as a command: flags reach the probes, --json prints one parseable object, the
// exit code is 1 exactly when a check FAILs, bad flags exit 2. The default probe list runs
// against temp folders with the PC/SC probes left out (pcsc.test.ts covers those).
import test from 'ava';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { doctor, type DoctorIo } from '../../../src/commands/doctor.ts';
import { writeDemoSamFile } from '../../../src/device/virtual/demo-sam.ts';
import { defaultProbes } from '../../../src/device/diagnostics/index.ts';
import { tempFolder } from './helpers.ts';

function io(env: Record<string, string> = { LANG: 'zh_TW.UTF-8' }): DoctorIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  const stderr = new Writable({ write: (chunk, _enc, done) => ((err += String(chunk)), done()) });
  return { stdout, stderr, env, out: () => out, err: () => err };
}

const offline = defaultProbes().filter((p) => !p.id.startsWith('pcsc.'));

test('--json: one object with version, at, checks and summary; exit 0 with a good set-up', async (t) => {
  const dir = tempFolder();
  await writeDemoSamFile(join(dir, 'sam'));
  const streams = io();
  const code = await doctor(['--json', '--sam-dir', join(dir, 'sam'), '--log-dir', dir, '--db', join(dir, 'cache.db')], streams, {
    probes: offline,
    setup: { machine: 'a'.repeat(64) },
  });
  const report = JSON.parse(streams.out()) as { version: string; at: string; checks: { id: string; status: string }[]; summary: Record<string, number> };
  t.deepEqual(Object.keys(report), ['version', 'at', 'checks', 'summary']);
  t.deepEqual(
    report.checks.map((c) => c.id),
    offline.map((p) => p.id),
  );
  const by = new Map(report.checks.map((c) => [c.id, c.status]));
  t.is(by.get('sam.file'), 'PASS');
  t.is(by.get('fs.sam-dir'), 'PASS');
  t.is(by.get('cache.integrity'), 'WARN', 'no cache yet: will be created');
  t.is(by.get('cloud.dns'), 'SKIP', 'no --cloud: the embedded simulator is not a network endpoint');
  t.is(report.summary['fail'], 0);
  t.is(code, 0);
});

test('a missing SAM folder FAILs and the exit code is 1; text output names the NHI code', async (t) => {
  const dir = tempFolder();
  const streams = io();
  const code = await doctor(['--sam-dir', join(dir, 'missing'), '--log-dir', dir, '--db', join(dir, 'cache.db')], streams, { probes: offline });
  t.is(code, 1);
  t.regex(streams.out(), /FAIL {2}雲端安全模組檔（SAM） \/ cloud SAM file/);
  t.regex(streams.out(), /\[9200\]/);
  t.false(streams.out().includes('\x1b['), 'no colour when the output is not a terminal');
});

test('--cloud reaches the network probes (a closed port FAILs with 4061)', async (t) => {
  const dir = tempFolder();
  const streams = io();
  const code = await doctor(['--json', '--cloud', 'http://127.0.0.1:9/', '--sam-dir', dir, '--log-dir', dir, '--db', join(dir, 'c.db')], streams, {
    probes: offline.filter((p) => p.id.startsWith('cloud.')),
  });
  const report = JSON.parse(streams.out()) as { checks: { id: string; status: string; nhiCode?: string }[] };
  const tcp = report.checks.find((c) => c.id === 'cloud.tcp');
  t.is(tcp?.status, 'FAIL');
  t.is(tcp?.nhiCode, '4061');
  t.is(code, 1);
});

test('bad flags exit 2 with the usage; --help exits 0', async (t) => {
  const bad = io();
  t.is(await doctor(['--timeout', 'soon'], bad), 2);
  t.regex(bad.err(), /--timeout/);
  const unknown = io();
  t.is(await doctor(['--frobnicate'], unknown), 2);
  const help = io();
  t.is(await doctor(['--help'], help), 0);
  t.regex(help.out(), /yaoli doctor \[--json\]/);
});
