// Pure parts of the cloud client: error classification, retry delays, the signed login
// message, Taipei cli_datetime, token claims and the patient guard.
import test from 'ava';
import { Buffer } from 'node:buffer';
import { sign, verify } from 'node:crypto';
import { demoKeyPair } from '../../../src/demo/keys.ts';
import {
  buildLoginBody,
  cliDatetime,
  CloudError,
  createPatientGuard,
  kindForStatus,
  loginMessage,
  retryDelay,
  sessionExpired,
  sessionFromToken,
  type Signer,
} from '../../../src/core/cloud/index.ts';
import { cloudErrorFromTransport } from '../../../src/core/cloud/errors.ts';

const context = { endpoint: 'imue0008s02', phase: 'connect' as const, headersTimeoutMs: 100, bodyTimeoutMs: 200, aborted: false };

test('HTTP statuses map to the error kinds the kiosk words differently', (t) => {
  t.is(kindForStatus(200), null);
  t.is(kindForStatus(401), 'auth');
  t.is(kindForStatus(403), 'forbidden');
  t.is(kindForStatus(404), 'not-found');
  t.is(kindForStatus(500), 'server');
  t.is(kindForStatus(503), 'server');
  t.is(kindForStatus(400), 'rejected');
});

test('transport errors: refused is network 4061 and provably unsent, header timeout names its limit', (t) => {
  const refused = cloudErrorFromTransport(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), context);
  t.is(refused.kind, 'network');
  t.is(refused.nhiCode, 4061);
  t.true(refused.notSent);
  t.true(refused.offline);
  t.regex(refused.messageIn('zh-TW'), /網路中斷/);
  t.regex(refused.messageIn('en'), /Network down \(4061\)/);

  const wrapped = cloudErrorFromTransport(Object.assign(new Error('fetch failed'), { cause: { code: 'ENOTFOUND' } }), context);
  t.is(wrapped.kind, 'network');

  const timeout = cloudErrorFromTransport(Object.assign(new Error('Headers Timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), context);
  t.is(timeout.kind, 'timeout');
  t.is(timeout.ms, 100);
  t.regex(timeout.messageIn('zh-TW'), /100 毫秒/);

  const cut = cloudErrorFromTransport(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), { ...context, phase: 'body' });
  t.is(cut.kind, 'malformed');
  t.is(cut.detail, 'truncated');

  const reset = cloudErrorFromTransport(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), context);
  t.is(reset.kind, 'network');
  t.false(reset.notSent);

  const aborted = cloudErrorFromTransport(Object.assign(new Error('aborted'), { code: 'UND_ERR_ABORTED' }), context);
  t.is(aborted.kind, 'aborted');
});

test('every message has both languages and no unfilled placeholder', (t) => {
  for (const kind of ['network', 'timeout', 'auth', 'forbidden', 'not-found', 'server', 'rejected', 'schema', 'malformed', 'aborted'] as const) {
    const error = new CloudError({ kind, endpoint: 'imue0008s02', status: 500, ms: 10, detail: 'x' });
    for (const lang of ['zh-TW', 'en'] as const) {
      const text = error.messageIn(lang);
      t.false(/\{\w+\}/.test(text), `${kind} ${lang}: ${text}`);
      t.true(text.length > 5);
    }
  }
});

test('retry delays grow, stay within [half, full] of the exponential step and are capped', (t) => {
  const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  t.is(retryDelay(policy, 0, () => 0), 50);
  t.is(retryDelay(policy, 0, () => 0.999999), 100);
  t.is(retryDelay(policy, 1, () => 0.5), 150);
  t.is(retryDelay(policy, 10, () => 0), 500);
  t.is(retryDelay(policy, 10, () => 0.999999), 1000);
});

function keySigner(label: string): Signer {
  const { privateKey } = demoKeyPair(7, label);
  return { sign: async (message) => new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'der' })) };
}

test('login body: both cards sign `${clientRandom}|${hospId}|${staffId}|${patientId}`, birthday in ROC 7 digits', async (t) => {
  const body = await buildLoginBody(
    {
      hospId: '5912345678',
      samId: '001000000103',
      sam: keySigner('sam:001000000103'),
      staffId: 'A223456789',
      staffPublicKey: demoKeyPair(7, 'staff:S01').publicKeyDer,
      staff: keySigner('staff:S01'),
      patientId: 'F131104875',
      patientBirthday: '2012-02-29',
      patientCardNumber: '000012345678',
    },
    (count) => new Uint8Array(count).fill(0xab),
  );
  t.is(body.clientRandom, 'ab'.repeat(32));
  t.is(body.patientBirthday, '1010229');
  const message = Buffer.from(loginMessage(body));
  t.is(message.toString('utf8'), `${'ab'.repeat(32)}|5912345678|A223456789|F131104875`);
  const staffKey = demoKeyPair(7, 'staff:S01').publicKey;
  const samKey = demoKeyPair(7, 'sam:001000000103').publicKey;
  t.true(verify('sha256', message, { key: staffKey, dsaEncoding: 'der' }, Buffer.from(body.staffSignature, 'base64')));
  t.true(verify('sha256', message, { key: samKey, dsaEncoding: 'der' }, Buffer.from(body.samSignature, 'base64')));
  t.false(verify('sha256', message, { key: samKey, dsaEncoding: 'der' }, Buffer.from(body.staffSignature, 'base64')));
  t.deepEqual(Buffer.from(body.staffPublicKey, 'base64'), demoKeyPair(7, 'staff:S01').publicKeyDer);
});

test('cli_datetime is the Taipei wall clock whatever the process zone', (t) => {
  t.is(cliDatetime(new Date('2026-11-23T17:30:05Z')), '2026-11-24T01:30:05');
});

function token(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2ln`;
}

test('session claims: patient from UserID/UserName/UserBirthday, staff from HPCCName, expiry from exp', (t) => {
  const session = sessionFromToken(
    token({ UserID: 'F131104875', UserName: '測試', UserSex: 'F', UserBirthday: '0660329', HPCCName: '藥師甲', StaffID: 'A223456789', HospID: '5912345678', Permission: '2.1, 2.3,', iat: 100, exp: 200 }),
  );
  t.is(session.patientId, 'F131104875');
  t.deepEqual(session.patient, { nationalId: 'F131104875', name: '測試', birthDate: '1977-03-29', sex: 'F' });
  t.is(session.staffName, '藥師甲');
  t.deepEqual(session.permissions, ['2.1', '2.3']);
  t.false(sessionExpired(session, new Date(199_000)));
  t.true(sessionExpired(session, new Date(200_000)));
  const error = t.throws(() => sessionFromToken('not-a-jwt'), { instanceOf: CloudError });
  t.is(error?.kind, 'auth');
});

test('patient guard: a ticket stops being current when another patient starts or the card is removed', (t) => {
  const guard = createPatientGuard();
  const first = guard.start('P-A');
  t.true(first.isCurrent());
  const second = guard.start('P-B');
  t.false(first.isCurrent());
  t.true(second.isCurrent());
  const again = guard.start('P-B');
  t.false(second.isCurrent(), 'a fresh look-up of the same patient supersedes the older one');
  t.true(again.isCurrent());
  guard.clear();
  t.false(again.isCurrent());
  t.is(guard.current(), null);
});
