// Every subcommand, loaded lazily so `yaoli --help` and the kiosk start stay fast.
// Each module exports `run(argv): Promise<number>` (the exit code).

export interface CommandModule {
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  name: string;
  summary: { 'zh-TW': string; en: string };
  load: () => Promise<CommandModule>;
}

export const commands: CommandEntry[] = [
  {
    name: 'kiosk',
    summary: { 'zh-TW': '櫃台查詢站（預設）：插卡查詢雲端藥歷', en: 'the counter kiosk (default): insert cards, look up MediCloud history' },
    load: () => import('./kiosk.ts'),
  },
  {
    name: 'analyze',
    summary: { 'zh-TW': '分析一份雲端藥歷 JSON：餘藥、重複用藥、慢箋、管制藥', en: 'analyze a MediCloud JSON bundle: leftover, duplicates, refills, care list' },
    load: () => import('./analyze.ts'),
  },
  {
    name: 'sim',
    summary: { 'zh-TW': '啟動健保雲端模擬器（合成資料）', en: 'run the MediCloud simulator (synthetic data)' },
    load: () => import('./sim.ts'),
  },
  {
    name: 'cache',
    summary: { 'zh-TW': '本機快取：資訊、清除、更換金鑰', en: 'local cache: info, purge, rotate-key' },
    load: () => import('./cache.ts'),
  },
  {
    name: 'audit',
    summary: { 'zh-TW': '稽核紀錄：驗證雜湊鏈、顯示最近紀錄', en: 'audit log: verify the hash chain, show recent rows' },
    load: () => import('./audit.ts'),
  },
  {
    name: 'report',
    summary: { 'zh-TW': '報表：查詢次數、回應時間、醫事人員、查詢率、關懷名單開啟率（表格／CSV／JSON）', en: 'reports: lookups, response times, staff, lookup share, care-list open rate (table/CSV/JSON)' },
    load: () => import('./report.ts'),
  },
  {
    name: 'card',
    summary: { 'zh-TW': '讀卡機：讀卡、插入虛擬卡（vpcd）、建立示範 SAM 檔', en: 'card readers: read a card, insert a virtual card (vpcd), write the demo SAM file' },
    load: () => import('./card.ts'),
  },
  {
    name: 'prefetch',
    summary: { 'zh-TW': '批次下載：預先把病人清單的雲端藥歷存入快取（可中斷續傳）', en: 'batch prefetch: cache a list of patients’ MediCloud history ahead of time (resumable)' },
    load: () => import('./prefetch.ts'),
  },
  {
    name: 'doctor',
    summary: { 'zh-TW': '技術人員診斷：讀卡機、卡片、pcscd、SAM 檔、網路、TLS、時鐘、快取（--json 可寄回）', en: 'technician diagnostics: readers, cards, pcscd, SAM file, network, TLS, clock, cache (--json to send back)' },
    load: () => import('./doctor.ts'),
  },
  {
    name: 'config',
    summary: { 'zh-TW': '顯示生效的設定與每個值的來源（預設、設定檔、環境變數、參數；--json）', en: 'show the effective configuration and where each value came from (default, file, env, flag; --json)' },
    load: () => import('./config.ts'),
  },
];
