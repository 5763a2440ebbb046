// One HTTP round trip to the cloud URL: any answer proves the path works end to end (a 404
// from the base URL is fine; a 5xx is a server problem). It records the server's `Date`
// header and our send/receive instants for the clock-skew check. The certificate is judged
// by cloud.tls, so this request does not refuse it; nothing is sent but a bare GET.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { bi, errorText } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';
import { NETWORK_CODE, cloudTarget, networkHint } from './cloud-target.ts';

export const SLOW_ROUND_TRIP_MS = 2000;

const text = {
  title: { 'zh-TW': '雲端 HTTP 往返時間', en: 'cloud HTTP round trip' },
  ok: { 'zh-TW': 'HTTP {status}，{ms} 毫秒', en: 'HTTP {status} in {ms} ms' },
  slow: { 'zh-TW': 'HTTP {status}，{ms} 毫秒，偏慢', en: 'HTTP {status} in {ms} ms, slow' },
  serverError: { 'zh-TW': '伺服器回應錯誤 HTTP {status}（{ms} 毫秒）', en: 'server error HTTP {status} ({ms} ms)' },
  failed: { 'zh-TW': 'HTTP 請求失敗：{detail}', en: 'HTTP request failed: {detail}' },
  slowHint: { 'zh-TW': '網路偏慢：檢查頻寬與 VPN 品質', en: 'the network is slow: check the bandwidth and the VPN line' },
  serverHint: { 'zh-TW': '雲端伺服器暫時異常，稍後再試', en: 'the cloud server has a problem; try again later' },
};

export interface RoundTrip {
  status: number;
  date: string | null;
  ms: number;
  sentAt: Date;
  receivedAt: Date;
}

/** GETs `url` from `address` (the one cloud.tcp reached), with the URL's host in Host and SNI. */
export function roundTrip(url: URL, address: string, signal: AbortSignal, clock: () => Date, now: () => number): Promise<RoundTrip> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const options = {
      method: 'GET',
      host: address,
      port: url.port ? Number(url.port) : https ? 443 : 80,
      path: `${url.pathname}${url.search}`,
      signal,
      rejectUnauthorized: false,
      servername: isIP(hostname) ? undefined : hostname,
      headers: { host: url.host, 'user-agent': 'yaoli-doctor', accept: '*/*', connection: 'close' },
    };
    const sentAt = clock();
    const start = now();
    const request = send(options, (response: IncomingMessage) => {
      const ms = now() - start;
      const receivedAt = clock();
      response.resume(); // the body is not needed; drain it so the socket closes
      response.once('error', () => undefined);
      const date = response.headers.date ?? null;
      resolve({ status: response.statusCode ?? 0, date, ms, sentAt, receivedAt });
      response.once('end', () => request.destroy());
    });
    request.once('error', reject);
    request.end();
  });
}

export const cloudHttpProbe: Probe = {
  id: 'cloud.http',
  title: text.title,
  dependsOn: ['cloud.tcp'],
  timeoutMs: 5000,
  timeoutNhiCode: NETWORK_CODE,
  async run({ setup, signal, clock, now, dependency }: ProbeContext): Promise<ProbeOutcome> {
    const parsed = cloudTarget(setup);
    if ('outcome' in parsed) return parsed.outcome;
    const address = dependency('cloud.tcp')?.data?.['address'];
    let trip: RoundTrip;
    try {
      trip = await roundTrip(parsed.target.url, typeof address === 'string' ? address : parsed.target.host, signal, clock, now);
    } catch (error) {
      return { status: 'FAIL', detail: bi(text.failed, { detail: errorText(error) }), hint: networkHint, nhiCode: NETWORK_CODE };
    }
    const ms = Math.round(trip.ms);
    const data = { httpStatus: trip.status, rttMs: ms, date: trip.date, sentAt: trip.sentAt.toISOString(), receivedAt: trip.receivedAt.toISOString() };
    if (trip.status >= 500) return { status: 'WARN', detail: bi(text.serverError, { status: trip.status, ms }), hint: text.serverHint, data };
    if (ms > SLOW_ROUND_TRIP_MS) return { status: 'WARN', detail: bi(text.slow, { status: trip.status, ms }), hint: text.slowHint, data };
    return { status: 'PASS', detail: bi(text.ok, { status: trip.status, ms }), data };
  },
};
