// This computer's clock against the cloud server's `Date` header: tokens carry `iat`/`exp` and
// the certificate check uses the local date, so a skewed clock breaks logins (WARN > 60 s,
// FAIL > 5 min). `Date` has whole seconds and is truncated, so the server's time lies in
// [Date, Date + 1 s); we compare its middle with the middle of our send and receive instants.
import { bi } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

export const SKEW_WARN_SECONDS = 60;
export const SKEW_FAIL_SECONDS = 300;

const text = {
  title: { 'zh-TW': '本機時鐘（與雲端伺服器比對）', en: 'clock (against the cloud server)' },
  ok: { 'zh-TW': '與伺服器相差 {seconds} 秒', en: 'within {seconds} s of the server' },
  ahead: { 'zh-TW': '本機比伺服器快 {seconds} 秒', en: 'this computer is {seconds} s ahead of the server' },
  behind: { 'zh-TW': '本機比伺服器慢 {seconds} 秒', en: 'this computer is {seconds} s behind the server' },
  noDate: { 'zh-TW': '伺服器回應沒有可用的 Date 標頭', en: 'the server sent no usable Date header' },
  hint: {
    'zh-TW': '校正時間：Windows 執行 w32tm /resync；Linux 執行 sudo timedatectl set-ntp true',
    en: 'sync the clock: Windows w32tm /resync; Linux sudo timedatectl set-ntp true',
  },
};

/** Seconds this computer is ahead (positive) or behind (negative) the server. */
export function clockSkewSeconds(serverDate: Date, sentAt: Date, receivedAt: Date): number {
  const local = (sentAt.getTime() + receivedAt.getTime()) / 2;
  const server = serverDate.getTime() + 500;
  return (local - server) / 1000;
}

export const cloudClockProbe: Probe = {
  id: 'cloud.clock',
  title: text.title,
  dependsOn: ['cloud.http'],
  async run({ dependency }: ProbeContext): Promise<ProbeOutcome> {
    const data = dependency('cloud.http')?.data ?? {};
    const header = typeof data['date'] === 'string' ? data['date'] : null;
    const serverDate = header === null ? null : new Date(header);
    if (serverDate === null || Number.isNaN(serverDate.getTime())) return { status: 'SKIP', detail: text.noDate };
    const skew = clockSkewSeconds(serverDate, new Date(String(data['sentAt'])), new Date(String(data['receivedAt'])));
    const seconds = Math.round(Math.abs(skew));
    const facts = { seconds };
    const result = { skewSeconds: Math.round(skew), serverDate: serverDate.toISOString() };
    if (seconds > SKEW_FAIL_SECONDS) return { status: 'FAIL', detail: bi(skew > 0 ? text.ahead : text.behind, facts), hint: text.hint, data: result };
    if (seconds > SKEW_WARN_SECONDS) return { status: 'WARN', detail: bi(skew > 0 ? text.ahead : text.behind, facts), hint: text.hint, data: result };
    return { status: 'PASS', detail: bi(text.ok, facts), data: result };
  },
};
