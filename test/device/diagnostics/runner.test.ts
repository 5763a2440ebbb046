// The runner's promises: a stuck probe becomes FAIL "timed out" (and is told to stop), the
// overall deadline holds, independent probes run at the same time, a failed prerequisite
// skips its dependants with the reason, the report keeps the probes' order, the exit code is
// 1 exactly when something FAILed, and the JSON has the shape a technician sends back.
import test from 'ava';
import { exitCodeOf, reportJson, runDiagnostics, streamDiagnostics, summarize } from '../../../src/device/diagnostics/index.ts';
import { renderReport } from '../../../src/device/diagnostics/render-text.ts';
import type { CheckStatus, DiagnosticCheck, Probe } from '../../../src/device/diagnostics/types.ts';
import { ManualTimers, testSetup } from './helpers.ts';

const title = { 'zh-TW': '測試', en: 'test' };

function fixed(id: string, status: CheckStatus, extra: Partial<Probe> = {}): Probe {
  return { id, title, run: async () => ({ status, detail: { 'zh-TW': `${id} 結果`, en: `${id} result` } }), ...extra };
}

test('a probe that never answers becomes FAIL "timed out" when its timer fires, and its signal is aborted', async (t) => {
  const timers = new ManualTimers();
  let signal: AbortSignal | undefined;
  const stuck: Probe = {
    id: 'stuck',
    title,
    timeoutMs: 1234,
    run: (context) => {
      signal = context.signal;
      return new Promise(() => undefined);
    },
  };
  const running = runDiagnostics({ probes: [stuck, fixed('fine', 'PASS')], setup: testSetup(), timers, deadlineMs: 60_000 });
  await timers.scheduled(1);
  t.true(timers.delays.includes(1234), 'the probe timer uses the probe timeout');
  timers.fireAll();
  const report = await running;
  const check = report.checks[0] as DiagnosticCheck;
  t.is(check.status, 'FAIL');
  t.regex(check.detail.en, /timed out/);
  t.regex(check.detail['zh-TW'], /逾時/);
  t.true(signal?.aborted, 'the stuck probe was told to stop');
  t.is(report.checks[1]?.status, 'PASS');
});

test('with real timers a stuck probe fails within a short limit while the others pass', async (t) => {
  const report = await runDiagnostics({
    probes: [{ id: 'stuck', title, run: () => new Promise(() => undefined) }, fixed('a', 'PASS'), fixed('b', 'WARN')],
    setup: testSetup(),
    probeTimeoutMs: 30,
  });
  t.deepEqual(
    report.checks.map((c) => [c.id, c.status]),
    [
      ['stuck', 'FAIL'],
      ['a', 'PASS'],
      ['b', 'WARN'],
    ],
  );
});

test('the timeout carries the probe NHI code (4061 for the network)', async (t) => {
  const report = await runDiagnostics({
    probes: [{ id: 'net', title, timeoutMs: 20, timeoutNhiCode: '4061', run: () => new Promise(() => undefined) }],
    setup: testSetup(),
  });
  t.is(report.checks[0]?.nhiCode, '4061');
});

test('the overall deadline: a probe that would start after it FAILs without running', async (t) => {
  let clock = 0;
  let ran = false;
  const slow: Probe = {
    id: 'slow',
    title,
    run: async () => {
      clock += 150; // the injected monotonic clock moves past the deadline while this runs
      return { status: 'PASS', detail: title };
    },
  };
  const late: Probe = { id: 'late', title, dependsOn: ['slow'], run: async () => ((ran = true), { status: 'PASS', detail: title }) };
  const report = await runDiagnostics({ probes: [slow, late], setup: testSetup(), now: () => clock, deadlineMs: 100 });
  t.is(report.checks[0]?.status, 'PASS');
  t.is(report.checks[0]?.ms, 150);
  t.is(report.checks[1]?.status, 'FAIL');
  t.regex(report.checks[1]?.detail.en ?? '', /overall time limit/);
  t.false(ran);
});

test('independent probes run concurrently (each waits for the other to have started)', async (t) => {
  let started = 0;
  let release!: () => void;
  const both = new Promise<void>((resolve) => (release = resolve));
  const waiter = (id: string): Probe => ({
    id,
    title,
    run: async () => {
      started += 1;
      if (started === 2) release();
      await both;
      return { status: 'PASS', detail: title };
    },
  });
  const report = await runDiagnostics({ probes: [waiter('x'), waiter('y')], setup: testSetup(), probeTimeoutMs: 5000 });
  t.deepEqual(report.summary, { pass: 2, warn: 0, fail: 0, skip: 0 });
});

test('a failed or skipped prerequisite skips its dependants with the reason', async (t) => {
  const report = await runDiagnostics({
    probes: [
      fixed('base', 'FAIL'),
      fixed('child', 'PASS', { dependsOn: ['base'] }),
      fixed('grandchild', 'PASS', { dependsOn: ['child'] }),
      fixed('quiet', 'SKIP'),
      fixed('after-quiet', 'PASS', { dependsOn: ['quiet'] }),
      fixed('warned', 'WARN'),
      fixed('after-warn', 'PASS', { dependsOn: ['warned'] }),
    ],
    setup: testSetup(),
  });
  const by = new Map(report.checks.map((c) => [c.id, c]));
  t.is(by.get('child')?.status, 'SKIP');
  t.regex(by.get('child')?.detail.en ?? '', /needs "test" to pass first/);
  t.is(by.get('grandchild')?.status, 'SKIP');
  t.is(by.get('after-quiet')?.status, 'SKIP');
  t.is(by.get('after-quiet')?.detail.en, 'quiet result', 'a skipped prerequisite passes its own reason on');
  t.is(by.get('after-warn')?.status, 'PASS', 'a WARN does not block');
});

test('a probe that throws is a FAIL naming the error, not a crash', async (t) => {
  const report = await runDiagnostics({
    probes: [{ id: 'boom', title, run: async () => Promise.reject(new Error('kaboom')) }],
    setup: testSetup(),
  });
  t.is(report.checks[0]?.status, 'FAIL');
  t.regex(report.checks[0]?.detail.en ?? '', /kaboom/);
});

test('probe lists whose dependencies come later or repeat ids are refused', async (t) => {
  await t.throwsAsync(runDiagnostics({ probes: [fixed('a', 'PASS', { dependsOn: ['b'] }), fixed('b', 'PASS')], setup: testSetup() }), { message: /must come earlier/ });
  await t.throwsAsync(runDiagnostics({ probes: [fixed('a', 'PASS'), fixed('a', 'PASS')], setup: testSetup() }), { message: /duplicate/ });
});

test('streaming: onCheck sees each check as it finishes; the report keeps the probe order', async (t) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const seen: string[] = [];
  const report = await streamDiagnostics({
    probes: [{ id: 'first-slow', title, run: async () => (await gate, { status: 'PASS', detail: title }) }, fixed('second-fast', 'PASS')],
    setup: testSetup(),
    onCheck: (check) => {
      seen.push(check.id);
      if (check.id === 'second-fast') release();
    },
  });
  t.deepEqual(seen, ['second-fast', 'first-slow']);
  t.deepEqual(
    report.checks.map((c) => c.id),
    ['first-slow', 'second-fast'],
  );
});

test('a cancelled run skips what has not finished', async (t) => {
  const controller = new AbortController();
  const report = await runDiagnostics({
    probes: [
      {
        id: 'waits',
        title,
        run: (context) =>
          new Promise((_, reject) => {
            context.signal.addEventListener('abort', () => reject(new Error('stopped')));
            controller.abort();
          }),
      },
      fixed('later', 'PASS', { dependsOn: ['waits'] }),
    ],
    setup: testSetup(),
    signal: controller.signal,
  });
  t.deepEqual(
    report.checks.map((c) => c.status),
    ['SKIP', 'SKIP'],
  );
});

test('exit code: 0 with PASS, WARN and SKIP only; 1 with any FAIL', (t) => {
  const make = (statuses: CheckStatus[]): { checks: DiagnosticCheck[] } => ({
    checks: statuses.map((status, i) => ({ id: `c${i}`, title, status, detail: title, hint: title, ms: 0 })),
  });
  t.is(exitCodeOf(make(['PASS', 'WARN', 'SKIP'])), 0);
  t.is(exitCodeOf(make([])), 0);
  t.is(exitCodeOf(make(['PASS', 'FAIL'])), 1);
  t.is(exitCodeOf(make(['FAIL'])), 1);
  t.deepEqual(summarize(make(['PASS', 'PASS', 'WARN', 'FAIL', 'SKIP']).checks), { pass: 2, warn: 1, fail: 1, skip: 1 });
});

test('JSON report: { version, at, checks[], summary } with every check field', async (t) => {
  const at = new Date('2026-11-23T01:02:03.000Z');
  const report = await runDiagnostics({
    probes: [
      { id: 'net', title, run: async () => ({ status: 'FAIL', detail: title, hint: { 'zh-TW': '修', en: 'fix' }, nhiCode: '4061', data: { port: 1 } }) },
      fixed('ok', 'PASS'),
    ],
    setup: testSetup(),
    clock: () => at,
    version: '9.9.9',
  });
  const json = JSON.parse(reportJson(report)) as Record<string, unknown>;
  t.deepEqual(Object.keys(json), ['version', 'at', 'checks', 'summary']);
  t.is(json['version'], '9.9.9');
  t.is(json['at'], '2026-11-23T01:02:03.000Z');
  t.deepEqual(json['summary'], { pass: 1, warn: 0, fail: 1, skip: 0 });
  const [net, ok] = json['checks'] as Record<string, unknown>[];
  t.deepEqual(Object.keys(net ?? {}), ['id', 'title', 'status', 'detail', 'hint', 'nhiCode', 'ms', 'data']);
  t.deepEqual(net?.['hint'], { 'zh-TW': '修', en: 'fix' });
  t.is(net?.['nhiCode'], '4061');
  t.is(typeof net?.['ms'], 'number');
  t.false('nhiCode' in (ok ?? {}), 'no nhiCode key when none fits');
  t.deepEqual(ok?.['hint'], { 'zh-TW': '', en: '' });
});

test('text report: both languages on each check line, the NHI code with the hint, colour only when asked', async (t) => {
  const report = await runDiagnostics({
    probes: [{ id: 'net', title: { 'zh-TW': '網路', en: 'network' }, run: async () => ({ status: 'FAIL', detail: { 'zh-TW': '不通', en: 'down' }, hint: { 'zh-TW': '檢查網路線', en: 'check the cable' }, nhiCode: '4061' }) }],
    setup: testSetup(),
  });
  const plain = renderReport(report, { colour: false });
  t.regex(plain, /FAIL {2}網路 \/ network/);
  t.regex(plain, /不通 \/ down/);
  t.regex(plain, /\[4061\] 檢查網路線/);
  t.regex(plain, /check the cable/);
  t.false(plain.includes('\x1b['));
  t.true(renderReport(report, { colour: true }).includes('\x1b[31mFAIL'));
});
