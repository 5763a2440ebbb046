// `yaoli` / `yaoli kiosk`: the counter kiosk. With no options it runs on the embedded
// default — virtual readers with the demo card tray, the built-in MediCloud simulator on a
// random loopback port, the local cache. `--readers pcsc --cloud URL` uses real readers
// and a real endpoint.
import { parseArgs } from 'node:util';
import { bothLanguages, catalogue } from '../i18n/index.ts';
import { isIsoDate } from '../core/domain/dates.ts';
import { DEFAULT_DEMO_SEED } from '../demo/deck.ts';
import { loadConfigForCli } from '../core/config.ts';
import { badArguments } from './args-problem.ts';

const messages = catalogue({
  usage: {
    'zh-TW':
      '用法：yaoli [kiosk] [--readers virtual|pcsc|auto] [--cloud URL] [--sam-folder 資料夾] [--config 檔案] [--seed N] [--today YYYY-MM-DD] [--insert S01,P001] [--ascii]\n' +
      '  預設：虛擬讀卡機＋示範卡匣（F2）、內建雲端模擬器、本機快取（$YAOLI_HOME）；參數優先於 YAOLI_* 環境變數與 config.json（yaoli config 可查看）；NO_COLOR 關閉顏色，--ascii 改用 ASCII 框線。',
    en:
      'usage: yaoli [kiosk] [--readers virtual|pcsc|auto] [--cloud URL] [--sam-folder DIR] [--config FILE] [--seed N] [--today YYYY-MM-DD] [--insert S01,P001] [--ascii]\n' +
      '  default: virtual readers + demo card tray (F2), built-in MediCloud simulator, local cache ($YAOLI_HOME); flags win over YAOLI_* variables and config.json (see yaoli config); NO_COLOR turns colour off, --ascii draws ASCII borders.',
  },
  today: { 'zh-TW': '--today 應為 YYYY-MM-DD', en: '--today must be YYYY-MM-DD' },
  seed: { 'zh-TW': '--seed 應為整數', en: '--seed must be an integer' },
});

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        readers: { type: 'string' },
        config: { type: 'string' },
        cloud: { type: 'string' },
        'sam-folder': { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        insert: { type: 'string' },
        ascii: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(badArguments(error));
    return 2;
  }
  if (values.help) {
    console.log(`${messages.usage['zh-TW']}\n${messages.usage.en}`);
    return 0;
  }
  const fail = (key: keyof typeof messages) => {
    console.error(bothLanguages(messages[key]));
    return 2;
  };
  if (values.today !== undefined && !isIsoDate(values.today)) return fail('today');
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) return fail('seed');
  // Readers, cloud and SAM folder: these flags on top of YAOLI_* and config.json (core/config).
  const loaded = loadConfigForCli({ readers: values.readers, cloudUrl: values.cloud, samFolder: values['sam-folder'], config: values.config });
  if (!loaded) return 2;
  const { config } = loaded;
  // Ink and the screens load only now, so `yaoli kiosk --help` stays instant.
  const { startKiosk } = await import('../kiosk/start.tsx');
  return startKiosk({
    readers: config.readers,
    cloud: config.cloudUrl,
    seed,
    today: values.today ?? null,
    samFolder: config.samFolder,
    cachePath: config.cachePath,
    keyFile: config.keyFile,
    timeouts: config.timeouts,
    insert: values.insert ? values.insert.split(',').map((s) => s.trim()).filter(Boolean) : [],
    stdout: process.stdout,
    stdin: process.stdin,
    // ASCII borders and marks for consoles that draw box-drawing characters double-wide.
    env: values.ascii ? { ...process.env, YAOLI_ASCII: '1' } : process.env,
  });
}
