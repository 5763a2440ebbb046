// Is libpcsclite on this machine, and did node `pcsclite` (an optional dependency with a native
// build, research §4) load? Without it yaoli runs on virtual readers only and says so.
import { readdir, readFile } from 'node:fs/promises';
import { loadPcsclite } from '../../pcsc/binding.ts';
import { bi } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  title: { 'zh-TW': 'PC/SC 函式庫（libpcsclite、pcsclite 模組）', en: 'PC/SC library (libpcsclite, pcsclite module)' },
  ok: { 'zh-TW': '{library}；pcsclite 模組已載入', en: '{library}; pcsclite module loaded' },
  noBinding: { 'zh-TW': '{library}；pcsclite 模組無法載入：{reason}', en: '{library}; pcsclite module not loaded: {reason}' },
  noLibrary: { 'zh-TW': '找不到 libpcsclite', en: 'libpcsclite not found' },
  hintBinding: {
    'zh-TW': '安裝 libpcsclite-dev 後在 yaoli 目錄執行 npm rebuild pcsclite；修好前只能用虛擬讀卡機',
    en: 'install libpcsclite-dev, then run npm rebuild pcsclite in the yaoli folder; until then only virtual readers work',
  },
  hintLibrary: { 'zh-TW': '安裝 pcscd 與 libpcsclite1（sudo apt install pcscd libpcsclite1）', en: 'install pcscd and libpcsclite1 (sudo apt install pcscd libpcsclite1)' },
};

const LIBRARY_FOLDERS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/lib/x86_64-linux-gnu', '/lib64', '/usr/local/lib'];

/** Where libpcsclite is: the copy this process mapped (after the binding loaded), else the first found on disk. */
export async function findLibpcsclite(platform: NodeJS.Platform): Promise<string | null> {
  if (platform === 'win32') return 'winscard.dll';
  if (platform === 'darwin') return '/System/Library/Frameworks/PCSC.framework';
  try {
    const maps = await readFile('/proc/self/maps', 'utf8');
    const mapped = /\s(\/\S*libpcsclite\.so[.\d]*)$/m.exec(maps);
    if (mapped?.[1]) return mapped[1];
  } catch {
    // no /proc: look on disk below
  }
  for (const folder of LIBRARY_FOLDERS) {
    try {
      const name = (await readdir(folder)).find((n) => n.startsWith('libpcsclite.so'));
      if (name) return `${folder}/${name}`;
    } catch {
      // folder not on this distribution
    }
  }
  return null;
}

export const pcscLibraryProbe: Probe = {
  id: 'pcsc.library',
  title: text.title,
  async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
    const loaded = await loadPcsclite();
    const library = await findLibpcsclite(setup.platform);
    const libraryText = library ?? bi(text.noLibrary).en;
    if (library === null) {
      const reason = loaded.ok ? '' : loaded.reason;
      return {
        status: 'FAIL',
        detail: { 'zh-TW': `${text.noLibrary['zh-TW']}${reason ? `；${reason}` : ''}`, en: `${text.noLibrary.en}${reason ? `; ${reason}` : ''}` },
        hint: text.hintLibrary,
        nhiCode: '9204',
        data: { library: null, binding: loaded.ok },
      };
    }
    if (!loaded.ok) {
      return {
        status: 'FAIL',
        detail: bi(text.noBinding, { library: libraryText, reason: loaded.reason }),
        hint: text.hintBinding,
        nhiCode: '9204',
        data: { library, binding: false },
      };
    }
    return { status: 'PASS', detail: bi(text.ok, { library }), data: { library, binding: true } };
  },
};
