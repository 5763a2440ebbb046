// Which card is in each reader, named the way the kiosk names it: by ATR (the NHI and TW HPC
// entries of smartcard_list.txt), else by the application that answers SELECT, else by
// smartcard_list.txt's description (D's identifyCard). A counter needs the patient's NHI card
// and the staff card; NHI reports their absence as 4013 and 4014 (research §1.6).
import type { Bilingual } from '../../../i18n/index.ts';
import type { CardPresence, HubEvent, ReaderHub } from '../../types.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  title: { 'zh-TW': '卡片（依 ATR 辨識）', en: 'cards (identified by ATR)' },
  empty: { 'zh-TW': '（空）', en: '(empty)' },
  unknown: { 'zh-TW': '未知的卡', en: 'unknown card' },
  allPresent: { 'zh-TW': '健保卡與醫事人員卡都已插入', en: 'patient NHI card and staff card both inserted' },
  noPatient: { 'zh-TW': '未置入健保卡', en: 'no patient NHI card inserted' },
  noStaff: { 'zh-TW': '未置入醫事人員卡', en: 'no healthcare professional card inserted' },
  strange: { 'zh-TW': '有不是健保卡、醫事人員卡或 SAM 卡的卡片', en: 'a card that is not an NHI, staff or SAM card is inserted' },
  hintInsert: {
    'zh-TW': '要測試讀卡，請插入健保卡與醫事人員卡後再執行一次',
    en: 'to test card reading, insert the NHI card and the staff card and run again',
  },
  hintStrange: {
    'zh-TW': '確認插入的是健保卡或醫事人員卡（晶片朝上、方向正確）',
    en: 'make sure the inserted card is an NHI or staff card (chip up, right way round)',
  },
};

/** How long pcscd gets to report the cards already sitting in the readers. */
export const CARD_LISTEN_MS = 600;

function cardLine(reader: string, card: CardPresence | null, lang: 'zh-TW' | 'en'): string {
  if (!card) return `${reader}: ${text.empty[lang]}`;
  const name = card.name ?? text.unknown[lang];
  return `${reader}: ${name} [${card.kind}] (${card.atr})`;
}

/** Resolves when every reader reports a card, or after `ms` (empty readers never report). */
function listen(hub: ReaderHub, ms: number, signal: AbortSignal): Promise<void> {
  const full = (): boolean => hub.readers().every((r) => r.card !== null);
  if (full()) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      unsubscribe();
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const unsubscribe = hub.subscribe((event: HubEvent) => {
      if (event.type === 'card-inserted' && full()) finish();
    });
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}

export function pcscCardsProbe(options: { listenMs?: number } = {}): Probe {
  return {
    id: 'pcsc.cards',
    title: text.title,
    dependsOn: ['pcsc.readers'],
    async run(context: ProbeContext): Promise<ProbeOutcome> {
      const hub = await context.hub();
      await listen(hub, options.listenMs ?? CARD_LISTEN_MS, context.signal);
      const readers = hub.readers();
      const lines = (lang: 'zh-TW' | 'en'): string => readers.map((r) => cardLine(r.reader, r.card, lang)).join('; ');
      const cards = readers.flatMap((r) => (r.card ? [{ reader: r.reader, kind: r.card.kind, atr: r.card.atr, name: r.card.name ?? null }] : []));
      const data = { cards };
      const kinds = new Set(cards.map((c) => c.kind));
      const withLines = (head: Bilingual): Bilingual => ({ 'zh-TW': `${head['zh-TW']}：${lines('zh-TW')}`, en: `${head.en}: ${lines('en')}` });
      if (kinds.has('unknown')) return { status: 'WARN', detail: withLines(text.strange), hint: text.hintStrange, nhiCode: '4033', data };
      if (!kinds.has('patient')) return { status: 'WARN', detail: withLines(text.noPatient), hint: text.hintInsert, nhiCode: '4013', data };
      if (!kinds.has('staff')) return { status: 'WARN', detail: withLines(text.noStaff), hint: text.hintInsert, nhiCode: '4014', data };
      return { status: 'PASS', detail: withLines(text.allPresent), data };
    },
  };
}
