// `yaoli doctor [--json]`: the field technician's check of the whole set-up — pcscd, PC/SC
// library, readers, cards, SAM file, folders, the network path to the cloud (DNS, TCP, TLS,
// HTTP, clock), the cache and the terminal — each PASS / WARN / FAIL / SKIP with a fix hint in
// zh-TW and English. Exit 0 when nothing FAILed, 1 otherwise, 2 for bad arguments.
import { parseArgs } from 'node:util';
import {
  exitCodeOf,
  renderReport,
  reportJson,
  runDiagnostics,
  textStyle,
  type DiagnosticOptions,
  type DiagnosticSetup,
} from '../device/diagnostics/index.ts';
import { loadConfig } from '../core/config.ts';
import { badArguments } from './args-problem.ts';

const HELP = `yaoli doctor [--json] [--cloud URL] [--sam-dir DIR] [--log-dir DIR] [--db FILE] [--config FILE] [--timeout MS] [--deadline MS]

  檢查讀卡機、卡片、pcscd、SAM 檔、網路（DNS、TCP、TLS、HTTP、時鐘）、快取與終端機，
  每項列出 PASS／WARN／FAIL／SKIP 與修正提示；有 FAIL 時結束碼為 1。
  check readers, cards, pcscd, the SAM file, the network (DNS, TCP, TLS, HTTP, clock), the
  cache and the terminal; each check is PASS/WARN/FAIL/SKIP with a fix hint; exit 1 on any FAIL.

  --json          一個 JSON 物件，可寄回技術支援 / one JSON object to send back to support
  --cloud URL     要檢查的雲端網址（預設 $YAOLI_CLOUD_URL；未設定則略過網路檢查）
                  cloud URL to check (default $YAOLI_CLOUD_URL; network checks are skipped without one)
  --sam-dir DIR   雲端安全模組檔目錄 / cloud SAM file folder (default $YAOLI_SAM_DIR or the platform folder)
  --log-dir DIR   紀錄目錄 / log folder (default $YAOLI_LOG_DIR or <data folder>/logs)
  --db FILE       快取資料庫 / cache database (default $YAOLI_DB or <data folder>/cache.db)
  --config FILE   設定檔 / config file (default $YAOLI_CONFIG or <data folder>/config.json; see yaoli config)
  --timeout MS    每項檢查的時限 / time limit per check (default 4000)
  --deadline MS   整體時限 / overall time limit (default 10000)`;

export interface DoctorIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

type Parsed = { help: true } | { help: false; json: boolean; options: DiagnosticOptions } | { error: string } | { configError: string };

function milliseconds(value: string | undefined, name: string): number | string | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  return Number.isInteger(ms) && ms > 0 && ms <= 600_000 ? ms : `${name} 必須是 1 到 600000 的毫秒數 / ${name} must be 1 to 600000 milliseconds: ${value}`;
}

export function parseDoctorArgs(argv: string[], io: DoctorIo): Parsed {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        cloud: { type: 'string' },
        'sam-dir': { type: 'string' },
        'log-dir': { type: 'string' },
        db: { type: 'string' },
        config: { type: 'string' },
        timeout: { type: 'string' },
        deadline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return { error: badArguments(error) };
  }
  if (values['help']) return { help: true };
  const timeout = milliseconds(values['timeout'] as string | undefined, '--timeout');
  const deadline = milliseconds(values['deadline'] as string | undefined, '--deadline');
  if (typeof timeout === 'string') return { error: `參數錯誤 / bad arguments: ${timeout}` };
  if (typeof deadline === 'string') return { error: `參數錯誤 / bad arguments: ${deadline}` };
  // The flags are the top layer of yaoli's config (file → YAOLI_* → flags); a bad value anywhere exits 2.
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const loaded = loadConfig({
    env: io.env,
    flags: { cloudUrl: text('cloud'), samFolder: text('sam-dir'), logDir: text('log-dir'), cachePath: text('db'), config: text('config') },
    flagNames: { samFolder: '--sam-dir' },
  });
  if (!loaded.ok) return { configError: loaded.error.message };
  const setup: Partial<DiagnosticSetup> = {
    env: io.env,
    terminal: { isTTY: io.stdout.isTTY === true, columns: io.stdout.columns, rows: io.stdout.rows },
    cloudUrl: loaded.config.cloudUrl,
    samDir: loaded.config.samFolder,
    logDir: loaded.config.logDir,
    cacheDb: loaded.config.cachePath,
  };
  const options: DiagnosticOptions = { setup };
  if (timeout !== undefined) options.probeTimeoutMs = timeout;
  if (deadline !== undefined) options.deadlineMs = deadline;
  return { help: false, json: values['json'] === true, options };
}

/** The command without process-level effects (tests call this). */
export async function doctor(argv: string[], io: DoctorIo, extra: Partial<DiagnosticOptions> = {}): Promise<number> {
  const parsed = parseDoctorArgs(argv, io);
  if ('configError' in parsed) {
    io.stderr.write(`${parsed.configError}\n`);
    return 2;
  }
  if ('error' in parsed) {
    io.stderr.write(`${parsed.error}\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const options: DiagnosticOptions = { ...parsed.options, ...extra, setup: { ...parsed.options.setup, ...extra.setup } };
  const report = await runDiagnostics(options);
  const output = `${parsed.json ? reportJson(report) : renderReport(report, textStyle(io.stdout, io.env))}\n`;
  // Wait for the write to be taken, so run()'s exit guard never cuts a piped report short.
  await new Promise<void>((resolve) => io.stdout.write(output, () => resolve()));
  return exitCodeOf(report);
}

export async function run(argv: string[]): Promise<number> {
  const code = await doctor(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
  // A probe that timed out may still wait on something the OS cannot cancel (getaddrinfo on a
  // dead DNS server). The report is out; do not let that keep the technician waiting. unref():
  // when nothing is pending the process ends by itself before this fires.
  setTimeout(() => process.exit(code), 300).unref();
  return code;
}
