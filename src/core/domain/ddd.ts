// WHO Defined Daily Doses, as data. The DDD is a unit of measurement (the assumed average
// adult maintenance dose per day for the main indication), not a recommended dose (WHOCC
// guidelines, research §3.1). WHO revises DDDs every three years, so the table carries the
// index snapshot it was copied from; values are research §3.2 (both tables), in mg.

import type { Bilingual } from './messages.ts';

/** WHO route codes: oral, parenteral, sublingual, transdermal, nasal, rectal. */
export type DddRoute = 'O' | 'P' | 'SL' | 'TD' | 'N' | 'R';

export const DDD_TABLE_VERSION = 'WHO ATC/DDD Index 2026-04-25';

export interface DddEntry {
  atc7: string;
  substance: string;
  /** mg per day by route; empty when WHO has not set a DDD. */
  mg: Partial<Record<DddRoute, number>>;
  /** 「WHO 未訂 DDD」: the substance is in the index but has no DDD. */
  noDdd: boolean;
  note?: string;
  /** What the care-list alert adds after the figures, when the DDD reads misleadingly (research §5(e)5). */
  caveat?: Bilingual;
}

function entry(atc7: string, substance: string, mg: Partial<Record<DddRoute, number>>, note?: string): DddEntry {
  return note === undefined ? { atc7, substance, mg, noDdd: false } : { atc7, substance, mg, noDdd: false, note };
}

function noDdd(atc7: string, substance: string, note: string): DddEntry {
  return { atc7, substance, mg: {}, noDdd: true, note };
}

const ENTRIES: DddEntry[] = [
  // Hypnotics and anxiolytics
  entry('N05CF02', 'zolpidem', { O: 10 }),
  entry('N05CF01', 'zopiclone', { O: 7.5 }),
  entry('N05CF04', 'eszopiclone', { O: 2 }, 'no DDD in the 2021 snapshot; 2 mg from 2024-07'),
  entry('N05CF03', 'zaleplon', { O: 10 }),
  entry('N05CD09', 'brotizolam', { O: 0.25 }),
  entry('N05CD05', 'triazolam', { O: 0.25, SL: 0.2 }),
  entry('N05CD03', 'flunitrazepam', { O: 1, P: 1 }),
  entry('N05CD04', 'estazolam', { O: 3 }),
  entry('N05CD02', 'nitrazepam', { O: 5 }),
  entry('N05CD01', 'flurazepam', { O: 30 }),
  entry('N05CD06', 'lormetazepam', { O: 1 }),
  entry('N05CD10', 'quazepam', { O: 15 }),
  noDdd('N05CD15', 'nimetazepam', 'WHO 未訂 DDD'),
  entry('N05CD08', 'midazolam', { O: 15, P: 15, SL: 10, N: 5 }),
  entry('N05BA12', 'alprazolam', { O: 1 }),
  entry('N05BA06', 'lorazepam', { O: 2.5, P: 2.5, SL: 2.5 }),
  entry('N05BA01', 'diazepam', { O: 10, P: 10, R: 10 }),
  entry('N05BA17', 'fludiazepam', { O: 0.75 }),
  entry('N05BA08', 'bromazepam', { O: 10 }),
  entry('N05BA04', 'oxazepam', { O: 50 }),
  entry('N05BA09', 'clobazam', { O: 20 }),
  noDdd('N05BA19', 'etizolam', 'WHO 未訂 DDD'),
  {
    ...entry('N03AE01', 'clonazepam', { O: 8, P: 8 }, 'antiepileptic DDD: hypnotic or anxiolytic use looks low'),
    caveat: {
      'zh-TW': '（clonazepam 的 DDD 8 mg 為抗癲癇用量，作安眠或抗焦慮用時 DDD 數偏低）',
      en: " (clonazepam's DDD of 8 mg is the antiepileptic dose: as a hypnotic or anxiolytic its DDDs read low)",
    },
  },
  noDdd('N05CH02', 'ramelteon', 'WHO 未訂 DDD'),
  noDdd('N05CJ01', 'suvorexant', 'WHO 未訂 DDD'),
  noDdd('N05CJ02', 'lemborexant', 'WHO 未訂 DDD'),
  entry('N05CH01', 'melatonin', { O: 2 }),
  // Opioids, stimulants, anaesthetics, barbiturates
  entry('N02AX02', 'tramadol', { O: 300, P: 300, R: 300 }),
  entry('N02AA01', 'morphine', { O: 100, P: 30, R: 30 }),
  entry('N02AA05', 'oxycodone', { O: 75, P: 30 }),
  entry('N02AA03', 'hydromorphone', { O: 20, P: 4, R: 4 }),
  entry('N02AB03', 'fentanyl', { TD: 1.2, N: 0.6, SL: 0.6 }, 'TD DDD changed from 0.6 to 1.2 mg in 2005'),
  entry('N02AE01', 'buprenorphine', { P: 1.2, SL: 1.2, TD: 1.2 }, 'N07BC01 (opioid dependence) is 8 mg SL'),
  entry('N02AB02', 'pethidine', { O: 400, P: 400, R: 400 }),
  entry('R05DA04', 'codeine', { O: 100 }),
  entry('N06BA04', 'methylphenidate', { O: 30 }),
  entry('N06BA07', 'modafinil', { O: 300 }),
  entry('N06BA09', 'atomoxetine', { O: 80 }),
  noDdd('N01AX03', 'ketamine', 'WHO 未訂 DDD (anaesthetic)'),
  entry('N03AA02', 'phenobarbital', { O: 100, P: 100 }),
  // Chronic-drug examples
  entry('A10BA02', 'metformin', { O: 2000 }),
  entry('A10BB12', 'glimepiride', { O: 2 }),
  entry('A10BB09', 'gliclazide', { O: 60 }),
  entry('A10BB07', 'glipizide', { O: 10 }),
  entry('A10BB01', 'glibenclamide', { O: 7 }),
  entry('A10BH01', 'sitagliptin', { O: 100 }),
  entry('A10BH05', 'linagliptin', { O: 5 }),
  entry('A10BK01', 'dapagliflozin', { O: 10 }),
  entry('A10BK03', 'empagliflozin', { O: 17.5 }),
  entry('C09CA03', 'valsartan', { O: 80 }),
  entry('C09CA01', 'losartan', { O: 50 }),
  entry('C09CA04', 'irbesartan', { O: 150 }),
  entry('C09CA07', 'telmisartan', { O: 40 }),
  entry('C09CA08', 'olmesartan', { O: 20 }),
  entry('C08CA01', 'amlodipine', { O: 5 }),
  entry('C08CA05', 'nifedipine', { O: 30 }),
  entry('C07AG02', 'carvedilol', { O: 37.5 }),
  entry('C07AB07', 'bisoprolol', { O: 10 }),
  entry('C10AA05', 'atorvastatin', { O: 20 }, 'was 10 mg before 2009'),
  entry('C10AA07', 'rosuvastatin', { O: 10 }),
  entry('C10AA01', 'simvastatin', { O: 30 }),
  entry('B01AC06', 'acetylsalicylic acid (antithrombotic)', {}, '1 tablet, independent of strength; no mg DDD'),
  entry('N02BA01', 'acetylsalicylic acid (analgesic)', { O: 3000 }),
  entry('B01AC04', 'clopidogrel', { O: 75 }),
  entry('B01AA03', 'warfarin', { O: 7.5 }),
  entry('B01AF01', 'rivaroxaban', { O: 20 }),
  entry('B01AE07', 'dabigatran etexilate', { O: 300 }),
  entry('A02BC01', 'omeprazole', { O: 20 }),
  entry('A02BC05', 'esomeprazole', { O: 30 }),
  entry('N06AB06', 'sertraline', { O: 50 }),
  entry('N06AB10', 'escitalopram', { O: 10 }),
  entry('N06AX11', 'mirtazapine', { O: 30 }),
  entry('N06AX05', 'trazodone', { O: 300 }),
  entry('N05AH04', 'quetiapine', { O: 400 }),
];

export const DDD_TABLE: ReadonlyMap<string, DddEntry> = new Map(ENTRIES.map((e) => [e.atc7, e]));

export function dddEntry(atc7: string | null | undefined): DddEntry | null {
  if (atc7 === null || atc7 === undefined) return null;
  return DDD_TABLE.get(atc7.trim().toUpperCase()) ?? null;
}

/** The WHO DDD in mg for a substance and route (oral by default); null when none is set. */
export function dddFor(atc7: string, route: DddRoute = 'O'): { mg: number } | null {
  const mg = dddEntry(atc7)?.mg[route];
  return mg === undefined ? null : { mg };
}

/** True when WHO lists the substance without a DDD (show 「WHO 未訂 DDD」, mg only). */
export function hasNoWhoDdd(atc7: string | null | undefined): boolean {
  return dddEntry(atc7)?.noDdd ?? false;
}

/** Half a year in days: the reference is 1 DDD a day for this long. */
export const HALF_YEAR_DAYS = 182.5;

/**
 * 1 DDD a day for half a year: DDD × 182.5 (the project's convention, matching the care
 * list's 「每半年約當」: zolpidem 10 mg → 1825 mg; brotizolam 0.25 mg → 45.625 ≈ 46 mg).
 */
export function halfYearReferenceMg(dddMg: number): number {
  return dddMg * HALF_YEAR_DAYS;
}
