// `yaoli card`: the card readers from the command line.
//   read      read the card in a PC/SC reader and print its public profile (--json for scripts)
//   insert    attach a virtual deck card (P001…, S01…, SAM) to pcscd through vpcd until Ctrl-C
//   sam-init  write the demo cloud SAM file for the deck's home pharmacy
import { parseArgs } from 'node:util';
import { loadConfigForCli } from '../core/config.ts';
import { toRocDate } from '../core/domain/dates.ts';
import { maskNationalId } from '../core/domain/national-id.ts';
import { DEFAULT_DEMO_SEED } from '../demo/deck.ts';
import { CardError } from '../device/cards/errors.ts';
import { DEFAULT_SAM_FOLDER } from '../device/cards/sam-file.ts';
import { readCardSummary, type CardSummary } from '../device/cards/summary.ts';
import { PcscReaderHub } from '../device/pcsc/hub.ts';
import type { ReaderHub, ReaderState } from '../device/types.ts';
import { createDeckCard } from '../device/virtual/deck-cards.ts';
import { writeDemoSamFile } from '../device/virtual/demo-sam.ts';
import { VpcdLink, vpcdPort, vpcdReaderName } from '../device/virtual/vpcd-link.ts';
import { waitForEvent } from '../device/wait.ts';
import { badArguments } from './args-problem.ts';

const HELP = `yaoli card <read|insert|sam-init> [options]

  yaoli card read [--reader NAME] [--json] [--wait MS]
    讀取 PC/SC 讀卡機中的卡片（健保卡、醫事人員卡、SAM 卡）
    read the card in a PC/SC reader (patient, staff or SAM card)
  yaoli card insert --slot 0|1 --card P001|S01|SAM [--seed N]
    把虛擬卡插入 pcscd（vsmartcard-vpcd），Ctrl-C 拔卡
    insert a virtual deck card into pcscd through vpcd until Ctrl-C
  yaoli card sam-init [--folder DIR] [--seed N] [--force] [--config FILE]
    寫入示範院所的雲端安全模組檔（預設：設定的 samFolder，即 $YAOLI_SAM_DIR、config.json 或 ${DEFAULT_SAM_FOLDER}）
    write the demo institution's cloud SAM file (default: the configured samFolder: $YAOLI_SAM_DIR, config.json or ${DEFAULT_SAM_FOLDER})`;

const EXIT = { ok: 0, failed: 1, usage: 2, noPcsc: 3, noReader: 4, noCard: 5 } as const;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'read') return read(rest);
  if (sub === 'insert') return insert(rest);
  if (sub === 'sam-init') return samInit(rest);
  console.log(HELP);
  return sub === undefined || sub === '--help' || sub === '-h' ? EXIT.ok : EXIT.usage;
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;
type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Options): Values | null {
  try {
    return parseArgs({ args: argv, options, strict: true }).values as Values;
  } catch (error) {
    console.error(`${badArguments(error)}\n\n${HELP}`);
    return null;
  }
}

function fail(error: unknown): number {
  if (error instanceof CardError) {
    console.error(error.bilingual());
    if (error.kind === 'no-pcsc') return EXIT.noPcsc;
    if (error.kind === 'no-reader') return EXIT.noReader;
    if (error.kind === 'no-card') return EXIT.noCard;
    return EXIT.failed;
  }
  console.error(error instanceof Error ? error.message : String(error));
  return EXIT.failed;
}

async function read(argv: string[]): Promise<number> {
  const values = parse(argv, {
    reader: { type: 'string' },
    json: { type: 'boolean', default: false },
    wait: { type: 'string', default: '2000' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!values) return EXIT.usage;
  if (values.help) return console.log(HELP), EXIT.ok;
  const waitMs = Number(values.wait);
  if (!Number.isInteger(waitMs) || waitMs < 0) return fail(new Error(`--wait 必須是毫秒數 / --wait must be milliseconds: ${String(values.wait)}`));
  let hub: PcscReaderHub;
  try {
    hub = await PcscReaderHub.start();
  } catch (error) {
    return fail(error);
  }
  try {
    const status = hub.status();
    if (!status.ok) throw status.error ?? new CardError('no-pcsc', { detail: status.message });
    const target = await findReader(hub, values.reader as string | undefined, waitMs);
    const session = await hub.connect(target.reader);
    try {
      const summary = await readCardSummary(session, target.card?.name);
      console.log(values.json ? JSON.stringify(summary) : describe(summary));
    } finally {
      await session.close();
    }
    return EXIT.ok;
  } catch (error) {
    return fail(error);
  } finally {
    await hub.close();
    // pcsclite 1.0.1 may leak a libuv handle when a status thread ends as close() runs; an
    // unref'd timer only fires if something like that still holds the process open.
    setTimeout(() => process.exit(), 1000).unref();
  }
}

/** The named reader (exact, else the one whose name contains it), or the first with a card; waits up to `waitMs`. */
async function findReader(hub: ReaderHub, wanted: string | undefined, waitMs: number): Promise<ReaderState> {
  const pick = (): ReaderState | undefined => {
    const readers = hub.readers();
    if (wanted !== undefined) return readers.find((r) => r.reader === wanted) ?? readers.find((r) => r.reader.includes(wanted));
    return readers.find((r) => r.card?.kind === 'patient') ?? readers.find((r) => r.card !== null);
  };
  const ready = (): ReaderState | undefined => {
    const found = pick();
    return found?.card ? found : undefined;
  };
  const deadline = Date.now() + waitMs;
  while (!ready() && Date.now() < deadline) {
    // Readers and cards are announced asynchronously after the hub starts: wait for the next event.
    await waitForEvent(hub, (e) => e.type === 'reader-added' || e.type === 'card-inserted' || e.type === 'status', { timeoutMs: deadline - Date.now() }).catch(() => undefined);
  }
  const found = ready();
  if (found) return found;
  const readers = hub.readers();
  if (readers.length === 0) throw new CardError('no-reader', { reader: wanted ?? '' });
  const named = pick() ?? (wanted === undefined ? readers[0] : undefined);
  if (!named) throw new CardError('no-reader', { reader: `${wanted ?? ''} (${readers.map((r) => r.reader).join(', ')})` });
  throw new CardError('no-card', { reader: named.reader });
}

const SEX = { M: '男 male', F: '女 female' } as const;
const ROLE = { doctor: '醫師 doctor', pharmacist: '藥師 pharmacist', nurse: '護理師 nurse' } as const;

function describe(card: CardSummary): string {
  const lines = [`讀卡機 reader: ${card.reader}`, `ATR: ${card.atr}`];
  switch (card.kind) {
    case 'patient':
      lines.push(
        '卡別 card: 健保卡 NHI patient card',
        `卡號 card number: ${card.cardNumber}`,
        `姓名 name: ${card.name}`,
        // The screen never shows a full national ID (SPEC §4 privacy); --json is for scripts.
        `身分證號 ID: ${maskNationalId(card.nationalId)}`,
        `出生日期 birth date: ${toRocDate(card.birthDate)} (${card.birthDate})`,
        `性別 sex: ${SEX[card.sex]}`,
        `發卡日期 issue date: ${toRocDate(card.issueDate)} (${card.issueDate})`,
      );
      break;
    case 'staff':
      lines.push('卡別 card: 醫事人員卡 healthcare professional card', `身分證號 ID: ${maskNationalId(card.staffId)}`, `姓名 name: ${card.name}`, `職類 role: ${ROLE[card.role]}`);
      break;
    case 'sam':
      lines.push('卡別 card: 安全模組卡 SAM card', `院所代碼 institution: ${card.hospId}`, `SAM ID: ${card.samId}`);
      break;
    default:
      lines.push(`卡別 card: 未知卡片 unknown${card.description ? ` (${card.description})` : ''}`);
  }
  return lines.join('\n');
}

async function insert(argv: string[]): Promise<number> {
  const values = parse(argv, {
    slot: { type: 'string' },
    card: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!values) return EXIT.usage;
  if (values.help) return console.log(HELP), EXIT.ok;
  const slot = Number(values.slot);
  const seed = Number(values.seed);
  if (values.slot !== '0' && values.slot !== '1') return usage('--slot 必須是 0（Virtual PCD 00 00，示範卡匣放醫事人員卡）或 1（00 01，病人） / --slot must be 0 (Virtual PCD 00 00, staff in the demo tray) or 1 (00 01, patient)');
  if (!Number.isInteger(seed)) return usage(`--seed 必須是整數 / --seed must be an integer: ${String(values.seed)}`);
  const deckId = typeof values.card === 'string' ? values.card : '';
  const card = createDeckCard(deckId, seed);
  if (!card) return usage(`沒有這張示範卡 / no such deck card: ${deckId || '(missing --card)'} (P001–P240, S01–S08, SAM)`);
  const reader = vpcdReaderName(slot);
  let warned = false;
  const link = new VpcdLink({
    card,
    slot,
    host: values.host as string,
    reconnect: true,
    onState: (state) => {
      if (state === 'connected') {
        warned = false;
        console.log(`已插入 ${card.label} 於 ${reader} / inserted ${card.label} into ${reader} (Ctrl-C 拔卡 to remove)`);
      } else if (state === 'disconnected' && !warned) {
        warned = true;
        console.error(
          `無法連到 vpcd ${String(values.host)}:${vpcdPort(slot)}，重試中；請確認 pcscd 與 vsmartcard-vpcd 已啟動（scripts/pcscd-up.sh）/ ` +
            `cannot reach vpcd at ${String(values.host)}:${vpcdPort(slot)}, retrying; is pcscd with vsmartcard-vpcd running (scripts/pcscd-up.sh)?`,
        );
      }
    },
  });
  const stop = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  void link.open();
  await stop;
  await link.close();
  console.log(`已拔出 ${card.label} / removed ${card.label}`);
  return EXIT.ok;
}

async function samInit(argv: string[]): Promise<number> {
  const values = parse(argv, {
    folder: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
    force: { type: 'boolean', default: false },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!values) return EXIT.usage;
  if (values.help) return console.log(HELP), EXIT.ok;
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) return usage(`--seed 必須是整數 / --seed must be an integer: ${String(values.seed)}`);
  // The same folder the kiosk and the doctor read: --folder on top of yaoli's config.
  const loaded = loadConfigForCli(
    { samFolder: values.folder as string | undefined, config: values.config as string | undefined },
    { flagNames: { samFolder: '--folder' } },
  );
  if (!loaded) return EXIT.usage;
  try {
    const { file, replaced } = await writeDemoSamFile(loaded.config.samFolder, { seed, force: values.force === true });
    if (replaced.length > 0) console.log(`已移除 removed: ${replaced.join(', ')}`);
    console.log(`已寫入示範安全模組檔 / wrote the demo SAM file: ${file}`);
    console.log('第一次使用時綁定本機 / it binds to this machine on first use');
    return EXIT.ok;
  } catch (error) {
    console.error(`無法寫入安全模組檔 / cannot write the SAM file: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

function usage(message: string): number {
  console.error(`${message}\n\n${HELP}`);
  return EXIT.usage;
}
