import test from 'ava';
import { initialSession } from '../../../src/core/session/index.ts';
import { deck, loggedIn, nonAudit, run } from './flow.ts';
import { findPatient } from '../../../src/demo/deck.ts';

const p001 = findPatient(deck, 'P001');
const id = p001?.nationalId ?? '';
const birth = p001?.birthDate ?? '';

function emergency() {
  return run(loggedIn(), [{ type: 'emergency-open', at: 5000 }]).state;
}

test('緊急查詢 with a valid ID, birth date and reason starts an emergency lookup and audits the reason', (t) => {
  const r = run(emergency(), [{ type: 'emergency-submit', at: 5100, nationalId: id.toLowerCase(), birthDate: birth, reason: '病人昏迷送醫' }]);
  t.is(r.state.phase.name, 'loading');
  const start = nonAudit(r.effects)[0];
  t.like(start, { type: 'start-lookup', consent: 'emergency', patientReader: null, target: { nationalId: id, birthDate: birth } });
  const audit = r.audits.at(-1);
  t.like(audit, { action: 'lookup-start', consent: 'emergency', reason: '病人昏迷送醫' });
  t.false(JSON.stringify(r.audits).includes(id), 'the audit has the masked ID only');
  t.is(audit?.patientMasked, `${id.slice(0, 3)}****${id.slice(-3)}`);
});

test('the birth date may be typed as ROC yyy/MM/dd', (t) => {
  const [y, m, d] = birth.split('-');
  const roc = `${Number(y) - 1911}/${m}/${d}`;
  const r = run(emergency(), [{ type: 'emergency-submit', at: 5100, nationalId: id, birthDate: roc, reason: '忘記帶卡' }]);
  t.like(nonAudit(r.effects)[0], { target: { birthDate: birth } });
});

test('emergency without a reason is refused and the refusal is audited', (t) => {
  const r = run(emergency(), [{ type: 'emergency-submit', at: 5100, nationalId: id, birthDate: birth, reason: '  ' }]);
  t.is(r.state.phase.name, 'emergency');
  t.is(r.state.notice?.key, 'error.emergency-reason');
  t.deepEqual(nonAudit(r.effects), []);
  t.like(r.audits[0], { action: 'emergency-refused', outcome: 'emergency-no-reason' });
});

test('a national ID with a wrong check digit is refused', (t) => {
  const last = Number(id.at(-1));
  const bad = `${id.slice(0, 9)}${(last + 1) % 10}`;
  const r = run(emergency(), [{ type: 'emergency-submit', at: 5100, nationalId: bad, birthDate: birth, reason: '昏迷' }]);
  t.is(r.state.notice?.key, 'error.emergency-id');
  t.deepEqual(nonAudit(r.effects), []);
});

test('an impossible birth date is refused', (t) => {
  const r = run(emergency(), [{ type: 'emergency-submit', at: 5100, nationalId: id, birthDate: '2023-02-29', reason: '昏迷' }]);
  t.is(r.state.notice?.key, 'error.emergency-birth');
});

test('emergency mode needs a logged-in staff member', (t) => {
  const r = run(initialSession(), [{ type: 'emergency-open', at: 1 }]);
  t.is(r.state.phase.name, 'idle');
  t.is(r.state.notice?.key, 'error.emergency-not-allowed');
  t.like(r.audits[0], { action: 'emergency-open', outcome: 'refused' });
});

test('Esc leaves emergency mode', (t) => {
  t.is(run(emergency(), [{ type: 'cancel', at: 5100 }]).state.phase.name, 'ready');
});
