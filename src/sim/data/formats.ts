// The cloud's mixed date formats, each used exactly where the real API uses it (research
// anchors 1(c).12): drug_date 'YYYY/MM/DD', cure_e_date/occur_date ISO with 'T00:00:00',
// s05 func_date and upload_d ROC 'yyy/MM/dd', 餘藥 funcDate 'YYYYMMDD', fee_ym ROC 'yyyMM'.
import { toRocDate } from '../../core/domain/dates.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import type { DemoInstitution } from '../../demo/deck.ts';

export const slashDate = (iso: IsoDate): string => iso.replaceAll('-', '/');
export const isoMidnight = (iso: IsoDate): string => `${iso}T00:00:00`;
export const rocDate = (iso: IsoDate): string => toRocDate(iso);
export const compactDate = (iso: IsoDate): string => iso.replaceAll('-', '');
export const rocMonth = (iso: IsoDate): string => toRocDate(iso).slice(0, 6).replace('/', '');

/** 'name;visit type;id' as in 西醫用藥 rows; allergy rows use 'name;id'. */
export const hospField = (institution: DemoInstitution, visitType: string | null): string =>
  visitType === null ? `${institution.name};${institution.id}` : `${institution.name};${visitType};${institution.id}`;

export const round2 = (value: number): number => Math.round(value * 100) / 100;
