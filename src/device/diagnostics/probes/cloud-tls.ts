// The cloud's TLS certificate: trusted chain, right host name, and days to expiry by the
// injected clock (WARN under 30 days, FAIL when expired, not yet valid or untrusted). The
// handshake does not reject, so an untrusted certificate can still be described to the
// technician; no request is sent over this connection.
import { checkServerIdentity, connect, rootCertificates, type PeerCertificate } from 'node:tls';
import { bi, errorText } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';
import { NETWORK_CODE, cloudTarget, isLoopback, networkHint } from './cloud-target.ts';
import { awaitSocketEvent } from './socket-wait.ts';

export const EXPIRY_WARN_DAYS = 30;
const DAY_MS = 86_400_000;

const text = {
  title: { 'zh-TW': '雲端 TLS 憑證', en: 'cloud TLS certificate' },
  plainLocal: { 'zh-TW': '本機 http 端點（模擬器），不使用 TLS', en: 'local http endpoint (simulator); no TLS' },
  plain: { 'zh-TW': '{host} 使用未加密的 http', en: '{host} uses unencrypted http' },
  plainHint: { 'zh-TW': '正式雲端請用 https:// 網址', en: 'use an https:// URL for the real cloud' },
  ok: { 'zh-TW': '有效至 {until}（剩 {days} 天），簽發者 {issuer}', en: 'valid until {until} ({days} days left), issued by {issuer}' },
  soon: { 'zh-TW': '{until} 到期，只剩 {days} 天', en: 'expires {until}, only {days} days left' },
  expired: { 'zh-TW': '已於 {until} 過期', en: 'expired on {until}' },
  notYet: { 'zh-TW': '要到 {from} 才生效', en: 'not valid until {from}' },
  untrusted: { 'zh-TW': '憑證不受信任：{reason}', en: 'certificate not trusted: {reason}' },
  wrongHost: { 'zh-TW': '憑證不屬於 {host}：{reason}', en: 'certificate is not for {host}: {reason}' },
  failed: { 'zh-TW': 'TLS 交握失敗：{detail}', en: 'TLS handshake failed: {detail}' },
  renewHint: { 'zh-TW': '請伺服器管理者更新憑證', en: 'ask the server administrator to renew the certificate' },
  clockHint: {
    'zh-TW': '若憑證其實有效，請檢查本機日期時間；否則請伺服器管理者更新憑證',
    en: 'if the certificate is in fact valid, check this computer\'s date and time; otherwise have it renewed',
  },
  trustHint: {
    'zh-TW': '檢查是否被 proxy 攔截或網址錯誤；自簽憑證需加入信任（NODE_EXTRA_CA_CERTS）',
    en: 'check for an intercepting proxy or a wrong URL; a private CA must be trusted (NODE_EXTRA_CA_CERTS)',
  },
};

interface Handshake {
  certificate: PeerCertificate;
  authorized: boolean;
  reason: string | null;
}

function handshake(options: { host: string; port: number; servername?: string; ca?: string[] }, signal: AbortSignal): Promise<Handshake> {
  const socket = connect({ host: options.host, port: options.port, servername: options.servername, ca: options.ca, rejectUnauthorized: false });
  return awaitSocketEvent(socket, 'secureConnect', signal, () => {
    const error = socket.authorizationError as unknown;
    const reason = error === null || error === undefined ? null : error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
    return { certificate: socket.getPeerCertificate(), authorized: socket.authorized, reason };
  });
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export const cloudTlsProbe: Probe = {
  id: 'cloud.tls',
  title: text.title,
  dependsOn: ['cloud.tcp'],
  timeoutMs: 4000,
  timeoutNhiCode: NETWORK_CODE,
  async run({ setup, signal, clock, dependency }: ProbeContext): Promise<ProbeOutcome> {
    const parsed = cloudTarget(setup);
    if ('outcome' in parsed) return parsed.outcome;
    const { host, port, https, literal } = parsed.target;
    if (!https) {
      if (isLoopback(host)) return { status: 'SKIP', detail: text.plainLocal };
      return { status: 'WARN', detail: bi(text.plain, { host }), hint: text.plainHint };
    }
    const address = dependency('cloud.tcp')?.data?.['address'];
    const extra = setup.ca === undefined ? [] : Array.isArray(setup.ca) ? setup.ca : [setup.ca];
    let result: Handshake;
    try {
      result = await handshake(
        { host: typeof address === 'string' ? address : host, port, servername: literal ? undefined : host, ca: extra.length ? [...rootCertificates, ...extra] : undefined },
        signal,
      );
    } catch (error) {
      return { status: 'FAIL', detail: bi(text.failed, { detail: errorText(error) }), hint: networkHint, nhiCode: NETWORK_CODE };
    }
    const { certificate } = result;
    const validFrom = new Date(certificate.valid_from);
    const validTo = new Date(certificate.valid_to);
    const today = clock();
    const days = Math.floor((validTo.getTime() - today.getTime()) / DAY_MS);
    const issuer = certificate.issuer?.O ?? certificate.issuer?.CN ?? '?';
    const data = { validFrom: validFrom.toISOString(), validTo: validTo.toISOString(), daysLeft: days, issuer, subject: certificate.subject?.CN ?? null, authorized: result.authorized };
    const until = isoDay(validTo);
    if (validTo.getTime() <= today.getTime()) return { status: 'FAIL', detail: bi(text.expired, { until }), hint: text.clockHint, data };
    if (validFrom.getTime() > today.getTime()) return { status: 'FAIL', detail: bi(text.notYet, { from: isoDay(validFrom) }), hint: text.clockHint, data };
    // Node folds the host-name check into authorizationError when SNI was sent; check it first
    // so a right certificate on the wrong name is not reported as "untrusted".
    const identity = checkServerIdentity(host, certificate);
    if (identity) return { status: 'FAIL', detail: bi(text.wrongHost, { host, reason: identity.message }), hint: text.trustHint, data };
    if (!result.authorized) return { status: 'FAIL', detail: bi(text.untrusted, { reason: result.reason ?? '?' }), hint: text.trustHint, data };
    if (days < EXPIRY_WARN_DAYS) return { status: 'WARN', detail: bi(text.soon, { until, days }), hint: text.renewHint, data };
    return { status: 'PASS', detail: bi(text.ok, { until, days, issuer }), data };
  },
};
