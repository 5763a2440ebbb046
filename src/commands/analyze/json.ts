// `yaoli analyze --json`: the analysis as one plain object, every date ISO. Every key is
// documented in docs/analyze-json.md; change both together.
import { translate, type Lang } from '../../i18n/index.ts';
import type { Analysis } from '../../core/domain/analysis.ts';
import { maskNationalId } from '../../core/domain/national-id.ts';
import { recordStart } from '../../core/domain/leftover.ts';
import { alertMessages } from '../../core/domain/messages.ts';
import { geneticTestResult } from '../../core/domain/allergies.ts';
import { cloudDaysOn, cloudRowFor, cloudRowsWithoutGroup } from '../../core/domain/cloud-leftover.ts';
import type { GroupLeftover } from '../../core/domain/group-leftover.ts';
import type { CloudGroupLeftover, IsoDate } from '../../core/domain/types.ts';
import { RULE_VERSIONS } from '../../core/domain/rule-versions.ts';

/** The alert in `lang`, its dates ROC in zh-TW and ISO in English (the templates' `{x:day}`). */
export function alertText(alert: Analysis['alerts'][number], lang: Lang): string {
  return translate(alertMessages, alert.key, lang, alert.facts);
}

/**
 * The cloud's own 門診藥品餘藥日數 (pres_med_day) for a group, shown beside ours (SPEC §2;
 * cloudRowFor pairs them as the kiosk does), read as of `today` from the cloud's own supply end
 * (cloudDaysOn); null when the cloud has no such group.
 */
export function cloudLeftoverFor(group: Pick<GroupLeftover, 'ingredient' | 'dosageForm'>, cloud: readonly CloudGroupLeftover[], today: IsoDate): number | null {
  const row = cloudRowFor(group, cloud);
  return row === null ? null : cloudDaysOn(row, today);
}

export function analysisJson(analysis: Analysis, lang: Lang, cloudLeftover: readonly CloudGroupLeftover[] = []) {
  const patient = analysis.patient;
  return {
    today: analysis.today,
    lang,
    ruleVersions: RULE_VERSIONS,
    empty: analysis.empty,
    patient:
      patient === null
        ? null
        : { maskedId: maskNationalId(patient.nationalId), name: patient.name, birthDate: patient.birthDate, sex: patient.sex, age: analysis.age },
    records: analysis.records.map(({ record, leftover, dose }) => ({
      id: record.id,
      drugCode: record.drugCode,
      drugName: record.drugName,
      ingredient: record.ingredients.map((i) => i.name).join(' + '),
      ingredients: record.ingredients.map((i) => ({ name: i.name, atc7: i.atc7 })),
      atc7: record.atc7,
      dosageForm: record.dosageForm,
      institution: record.institution.name,
      institutionId: record.institution.id,
      visitDate: record.visitDate,
      refillDate: record.refillDate,
      visitKind: record.institution.visitKind,
      inpatientEndDate: record.inpatientEndDate,
      startDate: recordStart(record),
      daysSupply: record.daysSupply,
      quantity: record.quantity,
      frequency: record.frequency,
      exceptionCode: record.exceptionCode,
      perDose: dose.kind === 'dose' ? dose.amount : null,
      leftoverDays: leftover.days,
      leftoverNotComputable: leftover.notComputable,
      future: leftover.future,
    })),
    groups: analysis.groups.map((group) => ({
      ingredient: group.ingredient,
      atc7: group.atc7,
      dosageForm: group.dosageForm,
      leftoverDays: group.leftoverDays,
      noCarryLeftoverDays: group.noCarryLeftoverDays,
      supplyEnd: group.supplyEnd,
      mayUnderestimate: group.mayUnderestimate,
      cloudLeftoverDays: cloudLeftoverFor(group, cloudLeftover, analysis.today),
      institutions: group.institutions,
    })),
    // The cloud's rows no group above takes: a supply the medication records do not show.
    cloudLeftoverWithoutGroup: cloudRowsWithoutGroup(analysis.groups, cloudLeftover).map((row) => ({
      ingredient: row.ingredient,
      dosageForm: row.dosageFormText,
      lastDispensed: row.lastDispensed,
      supplyEnd: row.supplyEnd,
      leftoverDays: cloudDaysOn(row, analysis.today),
    })),
    refills: analysis.refills.map((refill) => ({
      prescriptionDate: refill.prescriptionDate,
      drugCode: refill.drugCode,
      drugName: refill.drugName,
      institution: refill.institution,
      fill: refill.fill,
      fills: refill.fills,
      validUntil: refill.validUntil,
      nextFrom: refill.nextFrom,
      nextUntil: refill.nextUntil,
      status: refill.status,
      daysUntilAllowed: refill.daysUntilAllowed,
      windowDays: refill.windowDays,
      replacedBy: refill.replacedBy,
      replacedByDrugName: refill.replacedByDrugName,
      anomalies: refill.anomalies,
    })),
    duplicates: analysis.duplicates.map((duplicate) => ({
      level: duplicate.level,
      severity: duplicate.severity,
      drugCodes: duplicate.drugCodes,
      drugNames: duplicate.drugNames,
      ingredients: duplicate.ingredients,
      institutions: duplicate.institutions,
      dates: duplicate.dates,
      overlapDays: duplicate.overlapDays,
      bySupply: duplicate.bySupply,
      doseChanged: duplicate.doseChanged,
      crossInstitution: duplicate.crossInstitution,
    })),
    careList: analysis.careList.map((month) => ({
      ingredientCode: month.ingredientCode,
      ingredient: month.ingredient,
      month: month.month,
      visits: month.visits,
      institutions: month.institutions,
      totalMg: month.totalMg,
      totalDdd: month.totalDdd,
      cloudTotalDdd: month.cloudTotalDdd,
      dddMg: month.dddMg,
      halfYearReferenceMg: month.halfYearReferenceMg,
      noDdd: month.noDdd,
    })),
    elderly: analysis.elderly.map((caution) => ({
      ruleId: caution.ruleId,
      tier: caution.tier,
      ingredients: caution.ingredients,
      drugCodes: caution.drugCodes,
      active: caution.active,
      cloudMarked: caution.cloudMarked,
      dailyMg: caution.dailyMg,
      doseLimitMg: caution.doseLimitMg,
    })),
    allergies: analysis.allergies.map((allergy) => ({
      date: allergy.date,
      drugNames: allergy.drugNames,
      symptoms: allergy.symptoms,
      severity: allergy.severity,
      // The cloud lists genetic tests (HLA-B 1502) among allergies; a negative one is no allergy.
      geneticTest: geneticTestResult(allergy),
    })),
    summary: analysis.summary.map((note) => ({
      kind: note.kind,
      text: note.text,
      egfr: note.egfr ?? null,
      egfrDate: note.egfrDate ?? null,
      icon: note.icon,
    })),
    // Facts stay out: they are display values (ROC dates) for the message templates.
    alerts: analysis.alerts.map((alert) => ({ severity: alert.severity, key: alert.key, message: alertText(alert, lang) })),
  };
}

export type AnalyzeJson = ReturnType<typeof analysisJson>;
