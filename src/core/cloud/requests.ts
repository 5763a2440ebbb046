// URLs and headers exactly as the MediCloud web page sends them (research anchors 1(b)):
// `?cli_datetime=<Taipei local yyyy-MM-ddTHH:mm:ss>&insert_log=true`, a bearer token and the
// XHR headers. `insert_log=true` asks NHI to log the query, which it must: every look-up at
// the counter is an auditable access to a patient's record.
import { MEDICLOUD_ENDPOINTS, queryOf, type EndpointId } from '../medicloud/index.ts';

export const LOGIN_PATH = 'imue1000/imue1000s01/verify3cards';

/** Taiwan is UTC+8 all year; `cli_datetime` is the counter's wall clock, not UTC. */
export function cliDatetime(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
}

export function apiUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/imu/api/${path}`;
}

/** A path from the server's origin (the Web APIs do not all live under /imu/api/). */
export function originUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/** The URL with the endpoint's own query, as the page sends it (the care-list summary has none, the 摘要 its four switches). */
export function endpointUrl(baseUrl: string, id: EndpointId, now: Date): string {
  const base = apiUrl(baseUrl, MEDICLOUD_ENDPOINTS[id].path);
  const spec = queryOf(id);
  const query = new URLSearchParams(spec.params);
  if (spec.cliDatetime) query.append('cli_datetime', cliDatetime(now));
  if (spec.insertLog) query.append('insert_log', 'true');
  const text = query.toString();
  return text === '' ? base : `${base}?${text}`;
}

export function dataHeaders(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    accept: 'application/json, text/plain, */*',
    'x-requested-with': 'XMLHttpRequest',
  };
}

export function jsonHeaders(): Record<string, string> {
  return { 'content-type': 'application/json', accept: 'application/json' };
}
