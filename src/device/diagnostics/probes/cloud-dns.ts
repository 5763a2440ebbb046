// Does the cloud host name resolve? Uses the system resolver (getaddrinfo, so the hosts file
// counts, as it does for the real connection). getaddrinfo cannot be cancelled; the runner's
// timeout bounds the wait.
import { lookup } from 'node:dns/promises';
import { bi, errorText } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';
import { NETWORK_CODE, cloudTarget } from './cloud-target.ts';

const text = {
  title: { 'zh-TW': '雲端主機名稱解析（DNS）', en: 'cloud host name lookup (DNS)' },
  literal: { 'zh-TW': '{host} 是 IP 位址，不需解析', en: '{host} is an IP address; no lookup needed' },
  ok: { 'zh-TW': '{host} → {addresses}', en: '{host} → {addresses}' },
  failed: { 'zh-TW': '無法解析 {host}：{detail}', en: 'cannot resolve {host}: {detail}' },
  hint: {
    'zh-TW': '檢查 DNS 設定與網路連線；健保 VPN 環境請確認 VPN 已連上',
    en: 'check the DNS settings and the network; on the NHI VPN make sure the VPN is up',
  },
};

export const cloudDnsProbe: Probe = {
  id: 'cloud.dns',
  title: text.title,
  timeoutMs: 3000,
  timeoutNhiCode: NETWORK_CODE,
  async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
    const parsed = cloudTarget(setup);
    if ('outcome' in parsed) return parsed.outcome;
    const { host, literal } = parsed.target;
    if (literal) return { status: 'PASS', detail: bi(text.literal, { host }), data: { host, addresses: [host] } };
    try {
      const found = await lookup(host, { all: true });
      const addresses = found.map((a) => a.address);
      return { status: 'PASS', detail: bi(text.ok, { host, addresses: addresses.join(', ') }), data: { host, addresses } };
    } catch (error) {
      return {
        status: 'FAIL',
        detail: bi(text.failed, { host, detail: errorText(error) }),
        hint: text.hint,
        nhiCode: NETWORK_CODE,
        data: { host, code: (error as { code?: string }).code ?? null },
      };
    }
  },
};
