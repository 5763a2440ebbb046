// `yaoli` / `yaoli kiosk`: the counter kiosk. With no options it runs on the embedded
// default — virtual readers with the demo card tray, the built-in MediCloud simulator on a
// random loopback port, the local cache. `--readers pcsc --cloud URL` uses real readers
// and a real endpoint.
import { parseArgs } from 'node:util';
import { bothLanguages, catalogue } from '../i18n/index.ts';
import { isIsoDate } from '../core/domain/dates.ts';
import { DEFAULT_DEMO_SEED } from '../demo/deck.ts';

const messages = catalogue({
  usage: {
    'zh-TW':
      '用法：yaoli [kiosk] [--readers virtual|pcsc] [--cloud URL] [--sam-folder 資料夾] [--seed N] [--today YYYY-MM-DD] [--insert S01,P001] [--ascii]\n' +
      '  預設：虛擬讀卡機＋示範卡匣（F2）、內建雲端模擬器、本機快取（$YAOLI_HOME）；NO_COLOR 關閉顏色，--ascii 改用 ASCII 框線。',
    en:
      'usage: yaoli [kiosk] [--readers virtual|pcsc] [--cloud URL] [--sam-folder DIR] [--seed N] [--today YYYY-MM-DD] [--insert S01,P001] [--ascii]\n' +
      '  default: virtual readers + demo card tray (F2), built-in MediCloud simulator, local cache ($YAOLI_HOME); NO_COLOR turns colour off, --ascii draws ASCII borders.',
  },
  args: { 'zh-TW': '參數錯誤：{detail}', en: 'bad arguments: {detail}' },
  readers: { 'zh-TW': '--readers 應為 virtual 或 pcsc', en: '--readers must be virtual or pcsc' },
  today: { 'zh-TW': '--today 應為 YYYY-MM-DD', en: '--today must be YYYY-MM-DD' },
  seed: { 'zh-TW': '--seed 應為整數', en: '--seed must be an integer' },
  cloud: { 'zh-TW': '--cloud 應為 http(s) 網址', en: '--cloud must be an http(s) URL' },
});

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        readers: { type: 'string', default: 'virtual' },
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
    console.error(bothLanguages(messages.args, { detail: error instanceof Error ? error.message : String(error) }));
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
  if (values.readers !== 'virtual' && values.readers !== 'pcsc') return fail('readers');
  if (values.today !== undefined && !isIsoDate(values.today)) return fail('today');
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) return fail('seed');
  if (values.cloud !== undefined && !/^https?:\/\//.test(values.cloud)) return fail('cloud');
  // Ink and the screens load only now, so `yaoli kiosk --help` stays instant.
  const { startKiosk } = await import('../kiosk/start.tsx');
  return startKiosk({
    readers: values.readers,
    cloud: values.cloud ?? null,
    seed,
    today: values.today ?? null,
    samFolder: values['sam-folder'] ?? (values.readers === 'pcsc' ? defaultSamFolder() : null),
    insert: values.insert ? values.insert.split(',').map((s) => s.trim()).filter(Boolean) : [],
    stdout: process.stdout,
    stdin: process.stdin,
    // ASCII borders and marks for consoles that draw box-drawing characters double-wide.
    env: values.ascii ? { ...process.env, YAOLI_ASCII: '1' } : process.env,
  });
}

function defaultSamFolder(): string {
  return process.platform === 'win32' ? 'C:\\NHI\\SAM\\COMX1' : `${process.env.HOME ?? ''}/.yaoli/sam`;
}
