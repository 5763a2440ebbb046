// 過敏 (imue0040s02) rows and the 摘要 (imue2000s01) notes, as the real API shapes them.
import type { IsoDate } from '../../core/domain/types.ts';
import { hospField, isoMidnight, rocDate } from './formats.ts';
import type { PatientData } from './model.ts';
import { careListStatus } from './render-care.ts';

export function allergyRows(data: PatientData, queryDate: IsoDate): Record<string, unknown>[] {
  return data.allergies
    .filter((a) => a.uploadDate <= queryDate)
    .sort((a, b) => b.uploadDate.localeCompare(a.uploadDate) || a.drugName.localeCompare(b.drugName))
    .map((a) => ({
      upload_flag: 'Y',
      occur_date: a.occurDate === null ? null : isoMidnight(a.occurDate),
      data_type: a.dataType,
      data_source: a.dataSource,
      drug_name: a.drugName,
      allerg_severity_level: a.severity,
      sympton_name: a.symptoms,
      upload_d: rocDate(a.uploadDate),
      hosp: hospField(a.institution, null),
      genetic_test: a.geneticTest,
      del_reason: null,
      allerg_drug_group: a.drugGroup,
      drug_ing_code: null,
      gene_order_code: null,
    }));
}

/** `[{txt, img}]`: HTML text with red-sign spans; summary-icon-3 is the CKD/eGFR note. */
export function summaryRows(data: PatientData, queryDate: IsoDate): { txt: string; img: string }[] {
  const notes: { txt: string; img: string }[] = [];
  if (careListStatus(data, queryDate).isCareList) {
    notes.push({ txt: "此病人為<span class='red-sign'>管制用藥名單(關懷名單)</span>。", img: 'summary-icon-1.png' });
  }
  if (data.egfr !== null && data.egfr.date <= queryDate) {
    notes.push({
      txt: `此病人腎功能不佳，<span class='red-sign'>最近一筆eGFR值為[${data.egfr.value}]，採檢日期為[${rocDate(data.egfr.date)}]</span>，開立藥品時請注意劑量調整。`,
      img: 'summary-icon-3.png',
    });
  }
  return notes;
}
