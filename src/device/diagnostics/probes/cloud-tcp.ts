// Does a TCP connection to the cloud's port open? Connects to the address the DNS check found
// (so a second lookup cannot give a different answer) and closes at once.
import { connect } from 'node:net';
import { bi, errorText } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';
import { NETWORK_CODE, cloudTarget, networkHint } from './cloud-target.ts';
import { awaitSocketEvent } from './socket-wait.ts';

const text = {
  title: { 'zh-TW': '雲端 TCP 連線', en: 'cloud TCP connection' },
  ok: { 'zh-TW': '{address}:{port} 連線成功（{ms} 毫秒）', en: 'connected to {address}:{port} ({ms} ms)' },
  failed: { 'zh-TW': '{address}:{port} 無法連線：{detail}', en: 'cannot connect to {address}:{port}: {detail}' },
};

/** Opens a TCP connection and closes it; resolves with the connect time in ms. */
export function tcpConnect(address: string, port: number, signal: AbortSignal, now: () => number): Promise<number> {
  const start = now();
  return awaitSocketEvent(connect({ host: address, port }), 'connect', signal, () => now() - start);
}

export const cloudTcpProbe: Probe = {
  id: 'cloud.tcp',
  title: text.title,
  dependsOn: ['cloud.dns'],
  timeoutMs: 3000,
  timeoutNhiCode: NETWORK_CODE,
  async run({ setup, signal, now, dependency }: ProbeContext): Promise<ProbeOutcome> {
    const parsed = cloudTarget(setup);
    if ('outcome' in parsed) return parsed.outcome;
    const { host, port } = parsed.target;
    const found = dependency('cloud.dns')?.data?.['addresses'];
    const addresses = Array.isArray(found) && found.length > 0 ? found.filter((a): a is string => typeof a === 'string') : [host];
    // Like a browser, try each address the name has (localhost may list ::1 before 127.0.0.1).
    let failure: { address: string; error: unknown } | null = null;
    for (const address of addresses.slice(0, 4)) {
      try {
        const ms = Math.round(await tcpConnect(address, port, signal, now));
        return { status: 'PASS', detail: bi(text.ok, { address, port, ms }), data: { address, port, connectMs: ms } };
      } catch (error) {
        failure ??= { address, error };
        if (signal.aborted) break;
      }
    }
    const { address, error } = failure ?? { address: host, error: new Error('no address') };
    return {
      status: 'FAIL',
      detail: bi(text.failed, { address, port, detail: errorText(error) }),
      hint: networkHint,
      nhiCode: NETWORK_CODE,
      data: { address, port, code: (error as { code?: string }).code ?? null },
    };
  },
};
