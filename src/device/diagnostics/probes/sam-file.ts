// The cloud SAM file (雲端安全模組檔): exactly one `<hospId 10><samId 12>.SAM` in the configured
// folder, well-formed, and bound to this computer or not yet bound (research §1.7; NHI codes
// 9200 folder wrong / none / several, 9201 unreadable, 9202 used on another computer, 9203
// production and test mixed). Read only: the binding is written by the kiosk's first real
// load, never by a diagnostic.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CardError, type CardErrorKind } from '../../cards/errors.ts';
import { machineFingerprint } from '../../cards/machine.ts';
import { findSamFile, parseContents } from '../../cards/sam-file.ts';
import type { Bilingual } from '../../../i18n/index.ts';
import { bi, cardErrorDetail, errorText, same } from '../messages.ts';
import type { Probe, ProbeContext, ProbeOutcome } from '../types.ts';

const text = {
  title: { 'zh-TW': '雲端安全模組檔（SAM）', en: 'cloud SAM file' },
  bound: {
    'zh-TW': '院所代碼 {hospId}，SAM {samId}（{environment}），已綁定本機；檔案 {file}',
    en: 'institution {hospId}, SAM {samId} ({environment}), bound to this computer; file {file}',
  },
  unbound: {
    'zh-TW': '院所代碼 {hospId}，SAM {samId}（{environment}），尚未綁定，第一次使用時綁定本機；檔案 {file}',
    en: 'institution {hospId}, SAM {samId} ({environment}), not yet bound; binds to this computer on first use; file {file}',
  },
};

const hints: Partial<Record<CardErrorKind, Bilingual>> = {
  'sam-missing': {
    'zh-TW': '把院所的 .SAM 檔放進此目錄（示範：yaoli card sam-init），或用 --sam-dir 指定目錄',
    en: 'put the institution .SAM file in this folder (demo: yaoli card sam-init) or point --sam-dir at it',
  },
  'sam-several': { 'zh-TW': '目錄內只能留一個 .SAM 檔，移走其他的', en: 'leave exactly one .SAM file in the folder; move the others away' },
  'sam-malformed': {
    'zh-TW': '重新取得院所的 SAM 檔（檔名須為 10 碼院所代碼＋12 碼 SAM 編號.SAM）',
    en: 'get the institution SAM file again (named <10-digit institution code><12-digit SAM id>.SAM)',
  },
  'sam-other-machine': {
    'zh-TW': 'SAM 檔只能用在第一次使用的電腦，請為本機重新申請',
    en: 'a SAM file works only on the computer that used it first; request one for this computer',
  },
  'sam-environment-mixed': { 'zh-TW': '正式與測試不可混用，換成相同環境的 SAM 檔', en: 'do not mix production and test; use a SAM file of the same environment' },
};

function environmentName(environment: 'production' | 'test', lang: 'zh-TW' | 'en'): string {
  if (lang === 'en') return environment;
  return environment === 'production' ? '正式環境' : '測試環境';
}

export const samFileProbe: Probe = {
  id: 'sam.file',
  title: text.title,
  async run({ setup }: ProbeContext): Promise<ProbeOutcome> {
    const folder = setup.samDir;
    try {
      const name = await findSamFile(folder);
      let body: string;
      try {
        body = await readFile(join(folder, name), 'utf8');
      } catch (error) {
        throw new CardError('sam-malformed', { file: name, detail: `cannot be read (${errorText(error)})` });
      }
      const { contents } = parseContents(name, body);
      const machine = setup.machine ?? machineFingerprint();
      if (contents.boundTo !== null && contents.boundTo.machine !== machine) throw new CardError('sam-other-machine');
      const template = contents.boundTo === null ? text.unbound : text.bound;
      const facts = { hospId: contents.hospId, samId: contents.samId, file: join(folder, name) };
      return {
        status: 'PASS',
        detail: {
          'zh-TW': bi(template, { ...facts, environment: environmentName(contents.environment, 'zh-TW') })['zh-TW'],
          en: bi(template, { ...facts, environment: environmentName(contents.environment, 'en') }).en,
        },
        data: { folder, file: name, hospId: contents.hospId, samId: contents.samId, environment: contents.environment, bound: contents.boundTo !== null },
      };
    } catch (error) {
      if (!(error instanceof CardError)) return { status: 'FAIL', detail: same(errorText(error)), data: { folder } };
      const outcome: ProbeOutcome = {
        status: 'FAIL',
        detail: cardErrorDetail(error),
        data: { folder, kind: error.kind },
      };
      const hint = hints[error.kind];
      if (hint) outcome.hint = hint;
      if (error.nhiCode !== null) outcome.nhiCode = String(error.nhiCode);
      return outcome;
    }
  },
};
