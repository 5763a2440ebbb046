// `yaoli prefetch --list FILE.csv [--staff S01] [--concurrency N] [--cloud URL] [--restart]`
// 批次下載: fill the cache with a list of patients ahead of time (e.g. tomorrow's chronic
// refills), so the counter shows their history at once, even if the network drops.
//
// Login: MediCloud only opens a patient's record to a three-card login (SAM + staff card +
// that patient's card). The simulator's login checks patient ID + birth date (+ card number),
// which the list supplies, so the demo runs the real login flow per patient with the deck's
// virtual SAM and staff card; the virtual staff card is unlocked with its deck PIN (demo
// only: a real card's PIN is typed at the kiosk and never stored). Without --cloud an
// in-process simulator answers; with --cloud a running `yaoli sim` (same deck seed) does.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bothLanguages, catalogue } from '../i18n/index.ts';
import { openCache } from '../core/cache/index.ts';
import { createCloudClient, serialSigner, type LoginCredentials, type Signer } from '../core/cloud/index.ts';
import { isIsoDate, taipeiDateOf } from '../core/domain/dates.ts';
import { loadConfig, type CloudTimeouts } from '../core/config.ts';
import { errnoCode } from '../core/errno.ts';
import { prefetchList, type BatchSummary } from '../core/lookup/batch.ts';
import { batchMessages, itemLine, progressBar, summaryLines } from '../core/lookup/batch-report.ts';
import { listProblemMessage, parsePatientList, type ListEntry } from '../core/lookup/patient-list.ts';
import { openProgressFile } from '../core/lookup/progress-file.ts';
import { DEFAULT_DEMO_SEED, findStaff } from '../demo/deck.ts';
import { createDeckCard, deckFor, SAM_DECK_ID } from '../device/virtual/deck-cards.ts';
import type { VirtualCard } from '../device/virtual/card-model.ts';
import { readStaffProfile, readStaffPublicKey, staffSign, verifyStaffPin } from '../device/cards/staff-card.ts';
import { openSamCard } from '../device/cards/sam.ts';
import type { CardChannel } from '../device/types.ts';
import { badArguments } from './args-problem.ts';

const messages = catalogue({
  usage: {
    'zh-TW':
      '用法：yaoli prefetch --list 清單.csv [--staff S01] [--concurrency 4] [--cloud URL] [--restart] [--max-age-hours 12] [--today YYYY-MM-DD] [--seed N] [--config 檔案]\n' +
      '  清單每行「身分證號,生日」（生日 YYYY-MM-DD 或民國 7 碼），可有標題列；中斷後再執行會接續。',
    en:
      'usage: yaoli prefetch --list LIST.csv [--staff S01] [--concurrency 4] [--cloud URL] [--restart] [--max-age-hours 12] [--today YYYY-MM-DD] [--seed N] [--config FILE]\n' +
      '  one "nationalId,birthDate" per line (YYYY-MM-DD or ROC 7 digits), header optional; rerun to resume after an interruption.',
  },
  'no-list': { 'zh-TW': '請以 --list 指定病人清單（每行：身分證號,生日）', en: 'give the patient list with --list (one "nationalId,birthDate" per line)' },
  'read-list': { 'zh-TW': '無法讀取清單 {file}：{detail}', en: 'cannot read the list {file}: {detail}' },
  'max-age': { 'zh-TW': '--max-age-hours 應為 0 以上的數字', en: '--max-age-hours must be a number ≥ 0' },
  today: { 'zh-TW': '--today 應為 YYYY-MM-DD', en: '--today must be YYYY-MM-DD' },
  seed: { 'zh-TW': '--seed 應為整數', en: '--seed must be an integer' },
  cards: { 'zh-TW': '醫事人員卡登入失敗：{detail}', en: 'staff card login failed: {detail}' },
  cache: { 'zh-TW': '無法開啟快取：{detail}', en: 'cannot open the cache: {detail}' },
});

export interface PrefetchRunOptions {
  list: string;
  staff: string;
  concurrency: number;
  cloud: string | null;
  restart: boolean;
  maxAgeHours: number;
  seed: number;
  today: string;
  cachePath: string;
  keyFile: string;
  signal?: AbortSignal;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  clock?: () => Date;
  /** Client timeouts in ms (tests shorten them); wins over `timeouts`. */
  timeoutMs?: number;
  /** The configured cloud timeouts (core/config). */
  timeouts?: CloudTimeouts;
}

class UsageError extends Error {}

function parseOptions(argv: string[], now: Date): PrefetchRunOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        list: { type: 'string', short: 'l' },
        staff: { type: 'string', default: 'S01' },
        concurrency: { type: 'string' },
        config: { type: 'string' },
        cloud: { type: 'string' },
        restart: { type: 'boolean', default: false },
        'max-age-hours': { type: 'string', default: '12' },
        seed: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(badArguments(error));
  }
  if (values.help) return 'help';
  if (!values.list) throw new UsageError(bothLanguages(messages['no-list']));
  const maxAgeHours = Number(values['max-age-hours']);
  if (!Number.isFinite(maxAgeHours) || maxAgeHours < 0) throw new UsageError(bothLanguages(messages['max-age']));
  // The CLI is the edge where the clock is read, as a Taipei calendar day.
  const today = values.today ?? taipeiDateOf(now);
  if (!isIsoDate(today)) throw new UsageError(bothLanguages(messages.today));
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(bothLanguages(messages.seed));
  // --concurrency, --cloud and the cache paths are the top layer of yaoli's config (1–16 checked there).
  const loaded = loadConfig({ flags: { prefetchConcurrency: values.concurrency, cloudUrl: values.cloud, config: values.config } });
  if (!loaded.ok) throw new UsageError(loaded.error.message);
  const { config } = loaded;
  return {
    list: values.list,
    staff: values.staff,
    concurrency: config.prefetchConcurrency,
    cloud: config.cloudUrl,
    restart: values.restart,
    maxAgeHours,
    seed,
    today,
    cachePath: config.cachePath,
    keyFile: config.keyFile,
    timeouts: config.timeouts,
    stderr: process.stderr,
  };
}

/** The deck's SAM and one staff card, logged in, as the signers of every patient's login. */
interface DemoCards {
  hospId: string;
  samId: string;
  sam: Signer;
  staffId: string;
  role: string;
  staffPublicKey: Uint8Array;
  staff: Signer;
  cardNumberOf(nationalId: string): string | null;
}

function channelOf(card: VirtualCard): CardChannel {
  card.powerOn();
  return { transmit: async (apdu) => card.transmit(apdu) };
}

async function demoCards(seed: number, staffHandle: string): Promise<DemoCards> {
  const deck = deckFor(seed);
  const member = findStaff(deck, staffHandle);
  const staffCard = member ? createDeckCard(member.deckId, seed) : undefined;
  const samCard = createDeckCard(SAM_DECK_ID, seed);
  if (!member || !staffCard || !samCard) throw new Error(`unknown staff card ${staffHandle} (S01…S${String(deck.staff.length).padStart(2, '0')})`);
  const staffChannel = channelOf(staffCard);
  // Demo only: the virtual card is unlocked with the deck's PIN (see the header comment).
  const check = await verifyStaffPin(staffChannel, member.pin);
  if (check.state !== 'verified') throw check.error;
  const profile = await readStaffProfile(staffChannel);
  const sam = await openSamCard(channelOf(samCard));
  return {
    hospId: sam.hospId,
    samId: sam.samId,
    sam: serialSigner(sam),
    staffId: profile.staffId,
    role: profile.role,
    staffPublicKey: await readStaffPublicKey(staffChannel),
    staff: serialSigner({ sign: (message) => staffSign(staffChannel, message) }),
    cardNumberOf: (nationalId) => deck.patients.find((p) => p.nationalId === nationalId)?.cardNumber ?? null,
  };
}

function credentialsFor(cards: DemoCards, entry: ListEntry): LoginCredentials {
  return {
    hospId: cards.hospId,
    samId: cards.samId,
    sam: cards.sam,
    staffId: cards.staffId,
    staffPublicKey: cards.staffPublicKey,
    staff: cards.staff,
    patientId: entry.nationalId,
    patientBirthday: entry.birthDate,
    // The list may carry the card number; in the demo the deck's card for that ID has it.
    patientCardNumber: entry.cardNumber ?? cards.cardNumberOf(entry.nationalId) ?? '000000000000',
  };
}

/** The whole batch; returns the exit code (0 all done, 1 some failed or bad lines, 130 interrupted). */
export async function runPrefetch(options: PrefetchRunOptions): Promise<{ code: number; summary: BatchSummary | null }> {
  const say = (line: string): void => void options.stderr.write(`${line}\n`);
  let text: string;
  try {
    text = readFileSync(options.list, 'utf8');
  } catch (error) {
    say(bothLanguages(messages['read-list'], { file: options.list, detail: errnoCode(error, 'error') }));
    return { code: 2, summary: null };
  }
  const { entries, problems } = parsePatientList(text);
  if (problems.length > 0) {
    say(bothLanguages(batchMessages['bad-lines'], { count: problems.length }));
    for (const problem of problems) say(`  ${listProblemMessage(problem, 'zh-TW')} / ${listProblemMessage(problem, 'en')}`);
  }

  let cards: DemoCards;
  try {
    cards = await demoCards(options.seed, options.staff);
  } catch (error) {
    say(bothLanguages(messages.cards, { detail: error instanceof Error ? error.message : String(error) }));
    return { code: 2, summary: null };
  }
  let cache;
  try {
    cache = openCache({ path: options.cachePath, keyFile: options.keyFile, ...(options.clock ? { clock: options.clock } : {}) }).cache;
  } catch (error) {
    say(bothLanguages(messages.cache, { detail: error instanceof Error ? error.message : String(error) }));
    return { code: 2, summary: null };
  }
  // The simulator's data set is only loaded when it is the cloud of this run.
  const simulator = options.cloud ? null : await (await import('../sim/server.ts')).startSimulator({ port: 0, seed: options.seed, today: options.today });
  const timeout = options.timeoutMs;
  const client = createCloudClient({
    baseUrl: options.cloud ?? (simulator as { url: string }).url,
    connections: Math.max(8, options.concurrency * 6),
    ...(timeout ? { timeouts: { connectMs: timeout, headersMs: timeout, bodyMs: timeout } } : options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  const progress = openProgressFile(options.list, { restart: options.restart, day: options.today });
  const tty = options.stderr.isTTY === true;
  try {
    say(bothLanguages(batchMessages.start, { total: entries.length, concurrency: options.concurrency }));
    if (progress.resumed > 0) say(bothLanguages(batchMessages.resumed, { count: progress.resumed }));
    const summary = await prefetchList({
      entries,
      concurrency: options.concurrency,
      cache,
      client,
      credentialsFor: (entry) => credentialsFor(cards, entry),
      staff: { staffId: cards.staffId, role: cards.role },
      today: options.today,
      maxCacheAgeMs: options.maxAgeHours * 3_600_000,
      progress,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      onItem: (item, sofar) => {
        if (tty) options.stderr.write(`\r${progressBar(sofar)}`);
        else if (item.outcome !== 'skipped') say(itemLine(item, sofar));
      },
    });
    if (tty) options.stderr.write('\n');
    for (const line of summaryLines(summary)) say(line);
    const code = summary.aborted && !summary.stoppedBy ? 130 : summary.failed > 0 || problems.length > 0 || summary.stoppedBy ? 1 : 0;
    return { code, summary };
  } finally {
    await client.close();
    await simulator?.close();
    cache.close();
  }
}

/** Usage is two lines per language, so each language gets its own block. */
function usageText(): string {
  return `${messages.usage['zh-TW']}\n${messages.usage.en}`;
}

export async function run(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv, new Date());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(usageText());
    return 2;
  }
  if (options === 'help') {
    console.log(usageText());
    return 0;
  }
  // Ctrl-C ends the batch cleanly: finished patients are recorded, a rerun resumes.
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    return (await runPrefetch({ ...options, signal: controller.signal })).code;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
