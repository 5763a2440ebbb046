// Is pcscd running, and does its socket answer? (research §5.1: on Linux the PC/SC layer is
// the pcscd daemon; with systemd socket activation it starts on demand and exits when idle, so
// "no process but a socket that accepts" is healthy.) Windows and macOS have their own
// service, which the PC/SC context check covers.
import { connect } from 'node:net';
import { readdir, readFile, stat } from 'node:fs/promises';
import { bi, errorText } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  title: { 'zh-TW': 'pcscd 服務', en: 'pcscd service' },
  notLinux: { 'zh-TW': '此系統不用 pcscd（{platform}），由 PC/SC 連線檢查代為確認', en: 'this system does not use pcscd ({platform}); the PC/SC context check covers it' },
  ok: { 'zh-TW': '執行中（pid {pid}），socket {socket} 可連線', en: 'running (pid {pid}), socket {socket} accepts connections' },
  activated: { 'zh-TW': 'socket {socket} 可連線（socket 啟動模式：有程式連線時才啟動 pcscd）', en: 'socket {socket} accepts connections (socket-activated: pcscd starts on demand)' },
  noSocket: { 'zh-TW': '找不到 socket {socket}{process}', en: 'socket {socket} not found{process}' },
  refused: { 'zh-TW': 'socket {socket} 無法連線：{detail}{process}', en: 'socket {socket} does not answer: {detail}{process}' },
  hint: {
    'zh-TW': '啟動 pcscd：sudo systemctl enable --now pcscd.socket（或 sudo pcscd -f）',
    en: 'start pcscd: sudo systemctl enable --now pcscd.socket (or sudo pcscd -f)',
  },
  elsewhere: {
    'zh-TW': 'pcscd 在執行但 socket 不在此路徑：檢查 PCSCLITE_CSOCK_NAME，或重新啟動 pcscd（sudo systemctl restart pcscd）',
    en: 'pcscd runs but its socket is not at this path: check PCSCLITE_CSOCK_NAME or restart pcscd (sudo systemctl restart pcscd)',
  },
};

/** The pid of a process named pcscd, from /proc (no child process, no `ps`). */
export async function findPcscdPid(): Promise<number | null> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readFile(`/proc/${entry}/comm`, 'utf8')).trim() === 'pcscd') return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

/** Opens and closes a connection to a Unix socket; rejects with the system error. */
export function touchSocket(path: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path });
    const done = (error?: unknown): void => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = (): void => done(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done());
    socket.once('error', (error) => done(error));
  });
}

async function isSocket(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isSocket();
  } catch {
    return false;
  }
}

export const pcscdServiceProbe: Probe = {
  id: 'pcsc.service',
  title: text.title,
  async run({ setup, signal }: ProbeContext): Promise<ProbeOutcome> {
    if (setup.platform !== 'linux') return { status: 'SKIP', detail: bi(text.notLinux, { platform: setup.platform }) };
    const socket = setup.pcscSocket;
    const pid = await findPcscdPid();
    const processNote = (lang: 'zh-TW' | 'en'): string =>
      pid === null ? (lang === 'zh-TW' ? '；pcscd 未執行' : '; pcscd is not running') : lang === 'zh-TW' ? `；pcscd 執行中（pid ${pid}）` : `; pcscd is running (pid ${pid})`;
    const data = { pid, socket };
    if (!(await isSocket(socket))) {
      return {
        status: 'FAIL',
        detail: { 'zh-TW': bi(text.noSocket, { socket, process: processNote('zh-TW') })['zh-TW'], en: bi(text.noSocket, { socket, process: processNote('en') }).en },
        hint: pid === null ? text.hint : text.elsewhere,
        nhiCode: '9204',
        data,
      };
    }
    try {
      await touchSocket(socket, signal);
    } catch (error) {
      const detail = errorText(error);
      return {
        status: 'FAIL',
        detail: { 'zh-TW': bi(text.refused, { socket, detail, process: processNote('zh-TW') })['zh-TW'], en: bi(text.refused, { socket, detail, process: processNote('en') }).en },
        hint: text.hint,
        nhiCode: '9204',
        data,
      };
    }
    if (pid === null) return { status: 'PASS', detail: bi(text.activated, { socket }), data: { ...data, socketActivated: true } };
    return { status: 'PASS', detail: bi(text.ok, { pid, socket }), data };
  },
};
