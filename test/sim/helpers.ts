// Test helpers: sign a three-card login the way the virtual cards do (deterministic demo
// keys), and fetch the simulator's endpoints over real HTTP on 127.0.0.1.
import { randomBytes, sign } from 'node:crypto';
import { toRoc7 } from '../../src/core/domain/dates.ts';
import type { DemoDeck, DemoPatient, DemoStaff } from '../../src/demo/deck.ts';
import { demoKeyPair } from '../../src/demo/keys.ts';
import type { LoginRequest } from '../../src/sim/login.ts';
import { API_PREFIX, DATA_ENDPOINTS, LOGIN_PATH, type DataEndpointId } from '../../src/sim/endpoints.ts';

export function signMessage(seed: number, label: string, message: string): string {
  return sign('sha256', Buffer.from(message, 'utf8'), { key: demoKeyPair(seed, label).privateKey, dsaEncoding: 'der' }).toString('base64');
}

export function loginRequest(deck: DemoDeck, staff: DemoStaff, patient: DemoPatient, clientRandom = randomBytes(32).toString('hex')): LoginRequest {
  const message = `${clientRandom}|${deck.home.id}|${staff.staffId}|${patient.nationalId}`;
  return {
    hospId: deck.home.id,
    samId: deck.samId,
    clientRandom,
    samSignature: signMessage(deck.seed, `sam:${deck.samId}`, message),
    staffId: staff.staffId,
    staffPublicKey: demoKeyPair(deck.seed, `staff:${staff.deckId}`).publicKeyDer.toString('base64'),
    staffSignature: signMessage(deck.seed, `staff:${staff.deckId}`, message),
    patientId: patient.nationalId,
    patientBirthday: toRoc7(patient.birthDate),
    patientCardNumber: patient.cardNumber,
  };
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export async function login(baseUrl: string, deck: DemoDeck, staff: DemoStaff, patient: DemoPatient): Promise<string> {
  const res = await postJson(`${baseUrl}${LOGIN_PATH}`, loginRequest(deck, staff, patient));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export function dataUrl(baseUrl: string, endpoint: DataEndpointId, cliDatetime = '2026-11-23T10:00:00'): string {
  return `${baseUrl}${API_PREFIX}${DATA_ENDPOINTS[endpoint]}?cli_datetime=${cliDatetime}&insert_log=true`;
}

export async function getData(baseUrl: string, endpoint: DataEndpointId, token: string): Promise<Response> {
  return fetch(dataUrl(baseUrl, endpoint), {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json, text/plain, */*', 'X-Requested-With': 'XMLHttpRequest' },
  });
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; advance: (ms: number) => void } {
  let ms = Date.parse(start);
  return { now: () => new Date(ms), advance: (by) => (ms += by) };
}
