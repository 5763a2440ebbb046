// Through the same reader hub the kiosk uses: can pcsclite establish a PC/SC context
// (SCardEstablishContext throws while pcscd is down, research §4), and which readers does
// pcscd list? A reader list arrives as one batch right after the context starts.
import { CardError } from '../../cards/errors.ts';
import { settle } from '../../open-hub.ts';
import { bi, cardErrorDetail, errorText, same } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  contextTitle: { 'zh-TW': 'PC/SC 連線（建立 context）', en: 'PC/SC context' },
  contextOk: { 'zh-TW': '已建立 PC/SC context', en: 'PC/SC context established' },
  virtual: { 'zh-TW': '主程式正在使用虛擬讀卡機：{message}', en: 'the kiosk is using virtual readers: {message}' },
  contextHint: {
    'zh-TW': '確認 pcscd 正在執行（sudo systemctl start pcscd），或 Windows 的 Smart Card 服務已啟動',
    en: 'make sure pcscd is running (sudo systemctl start pcscd) or the Windows Smart Card service is started',
  },
  readersTitle: { 'zh-TW': '讀卡機', en: 'card readers' },
  readers: { 'zh-TW': '{count} 台：{names}', en: '{count} found: {names}' },
  noReaders: { 'zh-TW': 'PC/SC 沒有列出任何讀卡機', en: 'PC/SC lists no card reader' },
  readersHint: {
    'zh-TW': '插上讀卡機（建議 CCID 相容機型），以 pcsc_scan 確認；虛擬讀卡機需安裝 vsmartcard-vpcd',
    en: 'plug in the reader (a CCID-compliant model), check it with pcsc_scan; virtual readers need vsmartcard-vpcd',
  },
};

export const pcscContextProbe: Probe = {
  id: 'pcsc.context',
  title: text.contextTitle,
  dependsOn: ['pcsc.library'],
  async run(context: ProbeContext): Promise<ProbeOutcome> {
    let hub;
    try {
      hub = await context.hub();
    } catch (error) {
      const detail = error instanceof CardError ? cardErrorDetail(error) : same(errorText(error));
      return { status: 'FAIL', detail, hint: text.contextHint, nhiCode: '9204' };
    }
    const status = hub.status();
    if (hub.backend === 'virtual') return { status: 'SKIP', detail: bi(text.virtual, { message: status.message }), hint: text.contextHint };
    if (!status.ok) {
      const detail = status.error ? cardErrorDetail(status.error) : same(status.message);
      return { status: 'FAIL', detail, hint: text.contextHint, nhiCode: '9204' };
    }
    return { status: 'PASS', detail: text.contextOk };
  },
};

/** How long to wait for pcscd's first reader list when none has arrived yet. */
export const READER_LIST_WAIT_MS = 1000;

export function pcscReadersProbe(options: { waitMs?: number } = {}): Probe {
  return {
    id: 'pcsc.readers',
    title: text.readersTitle,
    dependsOn: ['pcsc.context'],
    async run(context: ProbeContext): Promise<ProbeOutcome> {
      const hub = await context.hub();
      await settle(hub, options.waitMs ?? READER_LIST_WAIT_MS);
      const names = hub.readers().map((r) => r.reader);
      if (names.length === 0) return { status: 'FAIL', detail: text.noReaders, hint: text.readersHint, nhiCode: '9204', data: { readers: [] } };
      return { status: 'PASS', detail: bi(text.readers, { count: names.length, names: names.join(' | ') }), data: { readers: names } };
    },
  };
}
