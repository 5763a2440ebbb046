// The MediCloud endpoint the network probes look at, parsed once; and the shared NHI wording:
// csHis reports any network failure as 4061 網路不通 with the hint to check the cable or the
// Chunghwa Telecom VPN modem (research §1.6, §5.5).
import { isIP } from 'node:net';
import type { Bilingual } from '../../../i18n/index.ts';
import type { DiagnosticSetup, ProbeOutcome } from '../types.ts';

export interface CloudTarget {
  url: URL;
  /** Host name without IPv6 brackets. */
  host: string;
  port: number;
  https: boolean;
  /** The host is an IP address: no DNS lookup, no SNI. */
  literal: boolean;
}

export const NETWORK_CODE = '4061';

export const networkHint: Bilingual = {
  'zh-TW': '檢查網路線與健保 VPN 數據機（中華電信 0800-080-128），確認防火牆允許連線到此網址',
  en: 'check the network cable and the NHI VPN modem (Chunghwa Telecom 0800-080-128), and that the firewall allows this address',
};

export type TargetOrSkip = { target: CloudTarget } | { outcome: ProbeOutcome };

export function cloudTarget(setup: DiagnosticSetup): TargetOrSkip {
  if (setup.cloudUrl === null) {
    return { outcome: { status: 'SKIP', detail: setup.cloudSkipReason ?? { 'zh-TW': '未設定雲端網址', en: 'no cloud URL configured' } } };
  }
  let url: URL;
  try {
    url = new URL(setup.cloudUrl);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      outcome: {
        status: 'FAIL',
        detail: { 'zh-TW': `雲端網址不是 http(s) 網址：${setup.cloudUrl}`, en: `the cloud URL is not an http(s) URL: ${setup.cloudUrl}` },
        hint: { 'zh-TW': '以 --cloud https://主機/ 指定正確網址', en: 'give a proper URL with --cloud https://host/' },
      },
    };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const https = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : https ? 443 : 80;
  return { target: { url, host, port, https, literal: isIP(host) !== 0 } };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
