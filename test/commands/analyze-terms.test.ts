// The CLI report and the kiosk name the same things with the same words: a pharmacist who
// reads 未到 at the counter must not read 太早 in `yaoli analyze` (zh-TW is the source of truth).
import test from 'ava';
import { analyzeMessages, type AnalyzeMessageKey } from '../../src/commands/analyze/messages.ts';
import { en } from '../../src/ui/i18n/en.ts';
import { zhTW, type UiKey } from '../../src/ui/i18n/zh-TW.ts';

/** CLI catalogue key → the kiosk's key for the same term. */
const SAME_TERM: [AnalyzeMessageKey, UiKey][] = [
  ['severity.critical', 'severity.critical'],
  ['severity.warning', 'severity.warning'],
  ['severity.info', 'severity.info'],
  ['status.eligible', 'refill.eligible'],
  ['status.too-early', 'refill.too-early'],
  ['status.expired', 'refill.expired'],
  ['status.completed', 'refill.completed'],
  ['leftover.future', 'leftover.future'],
  ['leftover.not-computable', 'leftover.not-computable'],
  ['care.no-ddd', 'care.no-ddd'],
  ['col.refillDate', 'col.refill-date'],
  ['col.institution', 'col.institution'],
  ['col.institutions', 'col.institution'],
  ['col.code', 'col.code'],
  ['col.drug', 'col.drug'],
  ['col.ingredient', 'col.ingredient'],
  ['col.ingredients', 'col.ingredient'],
  ['col.frequency', 'col.frequency'],
  ['col.days', 'col.days'],
  ['col.leftover', 'col.leftover'],
  ['col.form', 'col.form'],
  ['col.carry', 'col.carry'],
  ['col.noCarry', 'col.no-carry'],
  ['col.supplyEnd', 'col.supply-end'],
  ['col.cloud', 'col.cloud'],
  ['col.prescribed', 'col.prescribed'],
  ['col.fill', 'col.fills'],
  ['col.next', 'col.next'],
  ['col.validUntil', 'col.valid-until'],
  ['col.status', 'col.status'],
  ['col.severity', 'col.severity'],
  ['col.month', 'col.month'],
  ['col.visits', 'col.visits'],
  ['col.places', 'col.institutions'],
  ['col.mg', 'col.total-mg'],
  ['col.reference', 'col.half-year'],
  ['col.symptoms', 'col.symptoms'],
  ['allergy.severe', 'allergy.severe'],
  ['allergy.moderate', 'allergy.moderate'],
  ['allergy.mild', 'allergy.mild'],
  ['allergy.other', 'allergy.other'],
  ['allergy.unknown', 'allergy.unknown'],
];

test('every term the kiosk also shows reads the same in the CLI report (zh-TW)', (t) => {
  for (const [cli, kiosk] of SAME_TERM) t.is(analyzeMessages[cli]['zh-TW'], zhTW[kiosk], `${cli} ↔ ${kiosk}`);
});

test('alert severities read the same in English too, all in one case', (t) => {
  for (const level of ['critical', 'warning', 'info'] as const) t.is(analyzeMessages[`severity.${level}`].en, en[`severity.${level}`]);
});
