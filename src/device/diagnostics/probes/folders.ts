// Can yaoli write where it must? The SAM folder (the first load writes the machine binding into
// the SAM file, research §1.7) and the log folder. Proven the only reliable way: create a temp
// file, then delete it (permission bits lie on network drives, ACLs and read-only mounts).
import { randomBytes } from 'node:crypto';
import { open, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Bilingual } from '../../../i18n/index.ts';
import { bi, errorText } from '../messages.ts';
import type { DiagnosticSetup, Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  ok: { 'zh-TW': '{folder} 可寫入', en: '{folder} is writable' },
  notWritable: { 'zh-TW': '{folder} 無法寫入：{detail}', en: '{folder} is not writable: {detail}' },
  notFolder: { 'zh-TW': '{folder} 不是資料夾', en: '{folder} is not a folder' },
  missingFail: { 'zh-TW': '資料夾 {folder} 不存在', en: 'folder {folder} does not exist' },
  missingWarn: { 'zh-TW': '{folder} 尚不存在，將自動建立（上層 {parent} 可寫入）', en: '{folder} does not exist yet and will be created ({parent} is writable)' },
  missingParent: { 'zh-TW': '{folder} 不存在，且上層 {parent} 無法寫入：{detail}', en: '{folder} does not exist and {parent} is not writable: {detail}' },
  hint: {
    'zh-TW': '讓執行 yaoli 的帳號可寫入此資料夾（Linux：sudo chown $USER 資料夾；Windows：資料夾內容→安全性）',
    en: 'give the account running yaoli write access (Linux: sudo chown $USER FOLDER; Windows: folder Properties → Security)',
  },
};

/** Creates and deletes a uniquely named temp file in `folder`; rejects with the system error. */
export async function proveWritable(folder: string): Promise<void> {
  // Not *.SAM, so a SAM loader looking at the same folder at this instant ignores it.
  const probe = join(folder, `.yaoli-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(probe, 'wx', 0o600);
  try {
    await handle.writeFile('yaoli doctor\n');
  } finally {
    await handle.close();
    await unlink(probe);
  }
}

async function kindOf(path: string): Promise<'folder' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

async function nearestExisting(path: string): Promise<string> {
  let current = dirname(path);
  while ((await kindOf(current)) === 'missing' && dirname(current) !== current) current = dirname(current);
  return current;
}

interface FolderProbeSpec {
  id: string;
  title: Bilingual;
  folder: (setup: DiagnosticSetup) => string;
  /** 'fail' when the folder must already exist (the SAM file lives there). */
  whenMissing: 'fail' | 'warn';
  /** NHI code for a missing folder (9200: SAM folder wrong or missing). */
  missingCode?: string;
  missingHint?: Bilingual;
}

export function writableFolderProbe(spec: FolderProbeSpec): Probe {
  return {
    id: spec.id,
    title: spec.title,
    async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
      const folder = spec.folder(setup);
      const data = { folder };
      const kind = await kindOf(folder);
      if (kind === 'other') return { status: 'FAIL', detail: bi(text.notFolder, { folder }), hint: text.hint, data };
      if (kind === 'missing') {
        if (spec.whenMissing === 'fail') {
          const outcome: ProbeOutcome = { status: 'FAIL', detail: bi(text.missingFail, { folder }), hint: spec.missingHint ?? text.hint, data };
          if (spec.missingCode) outcome.nhiCode = spec.missingCode;
          return outcome;
        }
        const parent = await nearestExisting(folder);
        try {
          await proveWritable(parent);
        } catch (error) {
          return { status: 'FAIL', detail: bi(text.missingParent, { folder, parent, detail: errorText(error) }), hint: text.hint, data };
        }
        return { status: 'WARN', detail: bi(text.missingWarn, { folder, parent }), data };
      }
      try {
        await proveWritable(folder);
      } catch (error) {
        return { status: 'FAIL', detail: bi(text.notWritable, { folder, detail: errorText(error) }), hint: text.hint, data };
      }
      return { status: 'PASS', detail: bi(text.ok, { folder }), data };
    },
  };
}

export const samFolderProbe = writableFolderProbe({
  id: 'fs.sam-dir',
  title: { 'zh-TW': 'SAM 資料夾可寫入', en: 'SAM folder writable' },
  folder: (setup) => setup.samDir,
  whenMissing: 'fail',
  missingCode: '9200',
  missingHint: {
    'zh-TW': '建立此資料夾並放入院所的 .SAM 檔（示範：yaoli card sam-init），或用 --sam-dir 指定',
    en: 'create the folder and put the institution .SAM file in it (demo: yaoli card sam-init), or point --sam-dir at it',
  },
});

export const logFolderProbe = writableFolderProbe({
  id: 'fs.log-dir',
  title: { 'zh-TW': '紀錄資料夾可寫入', en: 'log folder writable' },
  folder: (setup) => setup.logDir,
  whenMissing: 'warn',
});
