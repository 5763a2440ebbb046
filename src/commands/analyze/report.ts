// The readable report of `yaoli analyze`: alerts first (what the pharmacist must act on),
// then the tables the kiosk shows, then what the cloud cannot show; in one language, dates ROC
// in zh-TW and ISO in English, national ID masked.
import { translate, type Lang } from '../../i18n/index.ts';
import type { Analysis } from '../../core/domain/analysis.ts';
import { dataCaveatMessages } from '../../core/domain/messages.ts';
import { ruleVersionsText } from '../../core/domain/rule-versions.ts';
import { maskNationalId } from '../../core/domain/national-id.ts';
import type { CloudGroupLeftover } from '../../core/domain/types.ts';
import { cloudRowsOnHandWithoutGroup } from '../../core/domain/cloud-leftover.ts';
import { displayWidth, renderTable, type Column } from '../../text/table.ts';
import { wrapToWidth } from '../../text/wrap.ts';
import { shownDate } from './dates.ts';
import { alertText } from './json.ts';
import { analyzeMessages, type AnalyzeMessageKey } from './messages.ts';
import {
  allergyColumns,
  careListColumns,
  cloudOnlyColumns,
  duplicateColumns,
  groupColumns,
  isValidRefill,
  recordColumns,
  refillColumns,
  type Translate,
} from './report-columns.ts';

/** Bundle endpoints that were asked: their empty answer is shown as （無）, not left out. */
export interface CarriedParts {
  chronic: boolean;
  careList: boolean;
  allergy: boolean;
}

/** The endpoints a bundle carries whose empty answer is news (no chronic slip, not on the care list, no allergy on record). */
export function carriedParts(bundle: unknown): CarriedParts {
  const has = (key: string) => typeof bundle === 'object' && bundle !== null && (bundle as Record<string, unknown>)[key] !== undefined;
  return { chronic: has('chronic'), careList: has('careList'), allergy: has('allergy') };
}

export interface ReportOptions {
  /**
   * Terminal columns: every table is fitted to them by cutting names (never dates or numbers),
   * and the other lines are wrapped (alerts hang under their [severity]); unset = no limit.
   */
  width?: number;
  /**
   * The endpoints the bundle carried. Their sections show （無） when empty: 過敏紀錄 （無） says
   * the allergies were looked at and none is on record; a bundle without them leaves them out.
   */
  carried?: CarriedParts;
}

export function renderReport(analysis: Analysis, lang: Lang, cloudLeftover: readonly CloudGroupLeftover[] = [], options: ReportOptions = {}): string {
  const t: Translate = (key, facts) => translate(analyzeMessages, key, lang, facts);
  // No rows, no lines: the section then says （無）.
  const table = <Row>(columns: Column<Row>[], rows: readonly Row[]) => (rows.length === 0 ? [] : renderTable(columns, rows, { width: options.width }));
  // Text that is not a table, wrapped to the width: a terminal would break it mid-word.
  const wrapped = (text: string, indent = 0): string[] => (options.width === undefined ? [text] : wrapToWidth(text, options.width, indent));
  const lines: string[] = [...wrapped(t('title'))];
  const section = (key: AnalyzeMessageKey, body: string[]) => {
    lines.push('', ...wrapped(`■ ${t(key)}`, 2));
    // A loop, not push(...body): a spread of 130k table lines overflows the stack.
    for (const line of body.length > 0 ? body : [t('none')]) lines.push(line);
  };

  const patient = analysis.patient;
  lines.push(...wrapped(
    patient === null
      ? t('patient.none', { today: shownDate(analysis.today, lang) })
      : t('patient.line', {
          id: maskNationalId(patient.nationalId),
          name: patient.name,
          sex: t(`sex.${patient.sex}`),
          birth: shownDate(patient.birthDate, lang),
          age: analysis.age ?? '?',
          today: shownDate(analysis.today, lang),
        }),
  ));

  // Every alert of --json, history.empty (查無資料) among them: an empty history says so once,
  // as an info alert, and its medication tables say （無） like any empty table. The care list
  // (6 months) and allergies come from other endpoints and still show.
  section(
    'section.alerts',
    analysis.alerts.flatMap((alert) => {
      const severity = `[${t(`severity.${alert.severity}`)}] `;
      return wrapped(`${severity}${alertText(alert, lang)}`, displayWidth(severity));
    }),
  );

  section('section.records', table(recordColumns(t, lang), analysis.records));
  const activeGroups = analysis.groups.filter((g) => g.leftoverDays > 0 || g.noCarryLeftoverDays > 0);
  section('section.groups', table(groupColumns(t, lang, cloudLeftover, analysis.today), activeGroups));
  // The cloud's own leftover for an ingredient none of the records above shows: still on hand, maybe.
  const cloudOnly = cloudRowsOnHandWithoutGroup(analysis.groups, cloudLeftover, analysis.today);
  if (cloudOnly.length > 0) section('section.cloudOnly', table(cloudOnlyColumns(t, lang, analysis.today), cloudOnly));

  // SPEC §2: valid and expired prescriptions are listed separately.
  const valid = analysis.refills.filter(isValidRefill);
  const ended = analysis.refills.filter((refill) => !isValidRefill(refill));
  const carried = options.carried;
  // A slip whose fills the cloud left out is not listed (its alert says so): no （無） beside that alert.
  const slipsUnlisted = analysis.alerts.some((alert) => alert.key === 'refill.fills-unknown');
  if (analysis.refills.length > 0 || (carried?.chronic === true && !slipsUnlisted)) {
    section('section.refills', [
      ...(valid.length > 0 ? [...wrapped(`□ ${t('refills.valid')}`, 2), ...table(refillColumns(t, lang, true, analysis.today), valid)] : []),
      ...(valid.length > 0 && ended.length > 0 ? [''] : []),
      ...(ended.length > 0 ? [...wrapped(`□ ${t('refills.ended')}`, 2), ...table(refillColumns(t, lang, false, analysis.today), ended)] : []),
    ]);
  }
  // Worked out from the records above, so （無） is an answer: no duplicate found.
  section('section.duplicates', table(duplicateColumns(t, lang), analysis.duplicates));
  if (analysis.careList.length > 0 || carried?.careList === true) section('section.careList', table(careListColumns(t, lang), analysis.careList));
  if (analysis.allergies.length > 0 || carried?.allergy === true) section('section.allergies', table(allergyColumns(t, lang), analysis.allergies));
  // What the cloud cannot show, as the kiosk's 摘要 says it; no diagnosis is printed here, so
  // its caveat is not.
  lines.push('', ...wrapped(`■ ${dataCaveatMessages.heading[lang]}`, 2), ...wrapped(dataCaveatMessages['self-paid'][lang]), ...wrapped(dataCaveatMessages.lag[lang]), ...wrapped(ruleVersionsText(lang)));
  return lines.join('\n');
}
