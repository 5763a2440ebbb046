// `yaoli analyze --json`: the analysis as one plain object, every date ISO. Every key is
// documented in docs/analyze-json.md; change both together.
import { translate, type Lang } from '../../i18n/index.ts';
import type { Analysis } from '../../core/domain/analysis.ts';
import { maskNationalId } from '../../core/domain/national-id.ts';
import { recordStart } from '../../core/domain/leftover.ts';
import { alertMessages } from '../../core/domain/messages.ts';

export function alertText(alert: Analysis['alerts'][number], lang: Lang): string {
  return translate(alertMessages, alert.key, lang, alert.facts);
}

export function analysisJson(analysis: Analysis, lang: Lang) {
  const patient = analysis.patient;
  return {
    today: analysis.today,
    lang,
    empty: analysis.empty,
    patient:
      patient === null
        ? null
        : { maskedId: maskNationalId(patient.nationalId), name: patient.name, birthDate: patient.birthDate, sex: patient.sex, age: analysis.age },
    records: analysis.records.map((record) => ({
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
      startDate: recordStart(record),
      daysSupply: record.daysSupply,
      frequency: record.frequency,
      leftoverDays: record.leftover.days,
      leftoverNotComputable: record.leftover.notComputable,
      future: record.leftover.future,
    })),
    groups: analysis.groups.map((group) => ({
      ingredient: group.ingredient,
      atc7: group.atc7,
      dosageForm: group.dosageForm,
      leftoverDays: group.leftoverDays,
      noCarryLeftoverDays: group.noCarryLeftoverDays,
      supplyEnd: group.supplyEnd,
      mayUnderestimate: group.mayUnderestimate,
      institutions: group.institutions,
    })),
    refills: analysis.refills.map((refill) => ({
      prescriptionDate: refill.prescriptionDate,
      drugCode: refill.drugCode,
      drugName: refill.drugName,
      fill: refill.fill,
      fills: refill.fills,
      validUntil: refill.validUntil,
      nextFrom: refill.nextFrom,
      nextUntil: refill.nextUntil,
      status: refill.status,
      daysUntilAllowed: refill.daysUntilAllowed,
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
      dddMg: month.dddMg,
      halfYearReferenceMg: month.halfYearReferenceMg,
    })),
    elderly: analysis.elderly.map((caution) => ({
      ruleId: caution.ruleId,
      tier: caution.tier,
      ingredients: caution.ingredients,
      drugCodes: caution.drugCodes,
      active: caution.active,
      cloudMarked: caution.cloudMarked,
    })),
    allergies: analysis.allergies.map((allergy) => ({
      date: allergy.date,
      drugNames: allergy.drugNames,
      symptoms: allergy.symptoms,
      severity: allergy.severity,
    })),
    // Facts stay out: they are display values (ROC dates) for the message templates.
    alerts: analysis.alerts.map((alert) => ({ severity: alert.severity, key: alert.key, message: alertText(alert, lang) })),
  };
}

export type AnalyzeJson = ReturnType<typeof analysisJson>;
