// 高齡者宜注意用藥: the rule table as versioned data (research §5(f), §6). The rows are the
// AGS Beers Criteria 2019 examples the research verified against the WHO ATC index; NHI's own
// list (shown in the cloud as drug_65_mark) was not retrieved, so the cloud's mark is honoured
// separately. A newer table (Beers 2023, NHI's list) is a new ElderlyRuleSet, not a code change.
import type { Bilingual } from './messages.ts';
import { BENZODIAZEPINE_ATC } from './atc-classes.ts';

export type ElderlyTier = 'avoid' | 'caution';

export interface ElderlyRule {
  id: string;
  category: Bilingual;
  /** WHO level-5 codes of the ingredients (combinations are split before matching). */
  atc7: string[];
  /** Classes the rule holds whole: every code that begins with one of these matches too (atc-classes.ts). */
  atcClasses?: readonly string[];
  tier: ElderlyTier;
  /** The criterion's condition as the pharmacist reads it. */
  condition?: Bilingual;
  /** Flag only when the daily dose is above this many mg (or the dose cannot be computed). */
  dailyMgAbove?: number;
  /** Flag only when the days supplied by records started in the last 90 days (the cloud window) add up to at least this. */
  minTotalDays?: number;
  /**
   * Not flagged when the product name matches (e.g. extended-release nifedipine), as a
   * case-insensitive regular expression. Mark Latin abbreviations off from letters on both
   * sides: a bare 'LA' also matches inside 'ADALAT'.
   */
  exceptNamePattern?: string;
  /**
   * Not flagged when the record's diagnosis code matches, as a case-insensitive regular
   * expression: an alpha-1 blocker prescribed for BPH (ICD-10 N40) is not an antihypertensive.
   */
  exceptDiagnosisPattern?: string;
}

export interface ElderlyRuleSet {
  id: string;
  version: string;
  source: string;
  rules: ElderlyRule[];
}

const AVOID_CHRONIC: Bilingual = { 'zh-TW': '避免長期使用', en: 'avoid chronic use' };

/**
 * An extended-release mark in a product name: the Latin abbreviations standing apart from
 * other letters, with or without dots ('SR', 'S.R.'), the words NHI names spell out
 * ('EXTENDED-RELEASE', 'SUSTAINED RELEASE'), and the Chinese ones.
 */
const EXTENDED_RELEASE_NAME =
  '(?<![A-Z])(X\\.?L|X\\.?R|S\\.?R|E\\.?R|C\\.?R|C\\.?C|L\\.?A|M\\.?R|OROS|GITS|RETARD|PROLONG(ED)?|EXTENDED|SUSTAINED|CONTROLLED|MODIFIED)(?![A-Z])' +
  '|緩釋|持續|長效|控釋';

export const BEERS_2019_EXAMPLES: ElderlyRuleSet = {
  id: 'beers-2019-examples',
  version: '2019-examples-8',
  source: 'American Geriatrics Society 2019 Updated AGS Beers Criteria, Table 2 (example rows, research §6; the benzodiazepine row holds N05BA, N05CD and clonazepam whole, the Z-drug and non-COX-selective NSAID rows their members); ATC per WHO index 2026-04-25',
  rules: [
    { id: 'antihistamine-first-gen', category: { 'zh-TW': '第一代抗組織胺（強抗膽鹼）', en: 'First-generation antihistamines (strongly anticholinergic)' },
      // Beers 2019 Table 2 names the class by its US products; the research's examples first, then
      // the rest of that list: dexchlorpheniramine, meclizine, brompheniramine, carbinoxamine,
      // clemastine, dexbrompheniramine, dimenhydrinate, triprolidine, pyrilamine (mepyramine).
      atc7: ['R06AB04', 'R06AA02', 'R06AX02', 'N05BB01', 'R06AD02', 'R06AA09', 'R06AB02', 'R06AE05', 'R06AB01', 'R06AA08', 'R06AA04', 'R06AB06', 'R06AA11', 'R06AX07', 'R06AC01'],
      tier: 'avoid' },
    // Beers names clidinium-chlordiazepoxide (LIBRAX, A03CA02) among the antispasmodics.
    { id: 'anticholinergic-antiparkinson-antispasmodic', category: { 'zh-TW': '抗膽鹼抗巴金森／解痙劑', en: 'Anticholinergic antiparkinson agents / antispasmodics' },
      atc7: ['N04AA01', 'A03BA03', 'A03AA07', 'N05CM05', 'A03CA02'], tier: 'avoid' },
    { id: 'benzodiazepine', category: { 'zh-TW': '苯二氮平類', en: 'Benzodiazepines' },
      // Beers names the class: the research's examples, and the whole of N05BA and N05CD with
      // clonazepam (RIVOTRIL, N03AE01), so clotiazepam, cloxazolam, ethyl loflazepate and
      // chlordiazepoxide (in LIBRAX too) are held as well as etizolam (DEPAS).
      atc7: ['N05BA01', 'N05BA12', 'N05BA06', 'N05CD04', 'N05CD09', 'N05CD03', 'N05CD05'],
      atcClasses: BENZODIAZEPINE_ATC,
      tier: 'avoid' },
    // Beers names eszopiclone, zaleplon and zolpidem; zopiclone is the same class.
    { id: 'z-drug', category: { 'zh-TW': 'Z 類安眠藥', en: 'Z-drugs' }, atc7: ['N05CF02', 'N05CF01', 'N05CF04', 'N05CF03'], tier: 'avoid' },
    { id: 'sulfonylurea-long-acting', category: { 'zh-TW': '長效磺醯尿素類', en: 'Long-acting sulfonylureas' },
      atc7: ['A10BB01', 'A10BB12', 'A10BB02'], tier: 'avoid' },
    // Beers 2019: the strongly anticholinergic antidepressants, the tertiary TCAs of the research's
    // examples and the rest of Beers' list (clomipramine, trimipramine, amoxapine, and the
    // secondary nortriptyline, desipramine); paroxetine apart, not being a TCA.
    { id: 'tca-tertiary', category: { 'zh-TW': '強抗膽鹼三環抗憂鬱劑', en: 'Strongly anticholinergic tricyclic antidepressants' },
      atc7: ['N06AA09', 'N06AA02', 'N06AA04', 'N06AA06', 'N06AA17', 'N06AA10', 'N06AA01'], tier: 'avoid' },
    { id: 'paroxetine', category: { 'zh-TW': 'Paroxetine（強抗膽鹼）', en: 'Paroxetine (strongly anticholinergic)' }, atc7: ['N06AB05'], tier: 'avoid' },
    { id: 'barbiturate', category: { 'zh-TW': '巴比妥類', en: 'Barbiturates' }, atc7: ['N03AA02', 'N05CA01', 'N05CA06', 'N05CA02'], tier: 'avoid' },
    { id: 'doxepin-over-6mg', category: { 'zh-TW': 'Doxepin 每日 > 6 mg', en: 'Doxepin > 6 mg/day' }, atc7: ['N06AA12'], tier: 'avoid',
      dailyMgAbove: 6, condition: { 'zh-TW': '每日 > 6 mg', en: '> 6 mg/day' } },
    { id: 'alpha1-blocker', category: { 'zh-TW': 'α1 阻斷劑（作降血壓用）', en: 'Alpha-1 blockers as antihypertensives' },
      // Prazosin too (Beers). Terazosin's only ATC code is the urological G04CA03, and doxazosin is
      // prescribed for BPH as well: a record whose diagnosis is BPH (ICD-10 N40, ICD-9 600) is not flagged.
      atc7: ['C02CA04', 'G04CA03', 'C02CA01'], tier: 'avoid', condition: { 'zh-TW': '避免作為降血壓藥', en: 'avoid as an antihypertensive' },
      exceptDiagnosisPattern: '^(N40|600)' },
    { id: 'central-alpha-agonist', category: { 'zh-TW': '中樞 α 致效劑', en: 'Central alpha agonists' }, atc7: ['C02AC01', 'C02AB01'], tier: 'avoid',
      condition: { 'zh-TW': '避免作為第一線降血壓藥', en: 'avoid as first-line antihypertensive' } },
    { id: 'reserpine-over-0.1mg', category: { 'zh-TW': 'Reserpine 每日 > 0.1 mg', en: 'Reserpine > 0.1 mg/day' }, atc7: ['C02AA02'], tier: 'avoid',
      dailyMgAbove: 0.1, condition: { 'zh-TW': '每日 > 0.1 mg', en: '> 0.1 mg/day' } },
    { id: 'digoxin-over-0.125mg', category: { 'zh-TW': 'Digoxin 每日 > 0.125 mg', en: 'Digoxin > 0.125 mg/day' }, atc7: ['C01AA05'], tier: 'avoid',
      dailyMgAbove: 0.125, condition: { 'zh-TW': '避免作第一線用藥；每日 > 0.125 mg', en: 'avoid as first line; > 0.125 mg/day' } },
    { id: 'amiodarone-first-line', category: { 'zh-TW': 'Amiodarone（心房顫動第一線）', en: 'Amiodarone (first-line for AF)' }, atc7: ['C01BD01'], tier: 'avoid',
      condition: { 'zh-TW': '避免作為心房顫動第一線用藥', en: 'avoid as first-line therapy for atrial fibrillation' } },
    // Beers: 'does not apply to the extended-release combination with aspirin' (AGGRENOX SUSTAINED RELEASE).
    { id: 'dipyridamole-ticlopidine', category: { 'zh-TW': '短效 dipyridamole／ticlopidine', en: 'Short-acting dipyridamole / ticlopidine' },
      atc7: ['B01AC07', 'B01AC05'], tier: 'avoid', exceptNamePattern: EXTENDED_RELEASE_NAME },
    { id: 'nifedipine-immediate-release', category: { 'zh-TW': '速效型 nifedipine', en: 'Immediate-release nifedipine' }, atc7: ['C08CA05'], tier: 'avoid',
      exceptNamePattern: EXTENDED_RELEASE_NAME },
    { id: 'pethidine', category: { 'zh-TW': 'Pethidine（meperidine）', en: 'Pethidine (meperidine)' }, atc7: ['N02AB02'], tier: 'avoid' },
    // Beers: 'avoid chronic use'. The category names the drugs, not the use: a 7-day course is
    // worth a look in an older adult (bleeding, kidneys) but is not called long-term, and the
    // condition says what to avoid. Beers lists US products of the class; the same class as
    // Taiwan prescribes it (aceclofenac, flurbiprofen, lornoxicam…) follows them.
    { id: 'nsaid-chronic', category: { 'zh-TW': '非選擇性 NSAID', en: 'Non-COX-selective NSAIDs' },
      atc7: [
        // Beers 2019 Table 2: ibuprofen, naproxen, diclofenac, piroxicam, meloxicam, mefenamic acid,
        // ketoprofen, etodolac, sulindac, tolmetin, nabumetone, oxaprozin, fenoprofen, meclofenamate, diflunisal.
        'M01AE01', 'M01AE02', 'M01AB05', 'M01AC01', 'M01AC06', 'M01AG01', 'M01AE03', 'M01AB08', 'M01AB02',
        'M01AB03', 'M01AX01', 'M01AE12', 'M01AE04', 'M01AG04', 'N02BA11',
        // Same class, marketed in Taiwan: aceclofenac, acemetacin, flurbiprofen, dexibuprofen,
        // tiaprofenic acid, tenoxicam, lornoxicam, tolfenamic acid.
        'M01AB16', 'M01AB11', 'M01AE09', 'M01AE14', 'M01AE11', 'M01AC02', 'M01AC05', 'M01AG02',
      ],
      tier: 'caution', condition: AVOID_CHRONIC },
    { id: 'aspirin-over-325mg', category: { 'zh-TW': 'Aspirin 每日 > 325 mg', en: 'Aspirin > 325 mg/day' }, atc7: ['N02BA01'], tier: 'caution',
      dailyMgAbove: 325, condition: AVOID_CHRONIC },
    { id: 'indometacin-ketorolac', category: { 'zh-TW': 'Indometacin、ketorolac', en: 'Indometacin, ketorolac' }, atc7: ['M01AB01', 'M01AB15'], tier: 'avoid' },
    // Beers: carisoprodol, methocarbamol, chlorzoxazone, cyclobenzaprine, orphenadrine (metaxalone has no ATC code).
    { id: 'muscle-relaxant', category: { 'zh-TW': '骨骼肌鬆弛劑', en: 'Skeletal muscle relaxants' }, atc7: ['M03BA02', 'M03BA03', 'M03BB03', 'M03BX08', 'M03BC01'], tier: 'avoid' },
    // The category names the drugs; the condition says dementia is what to check, not that the patient has it.
    { id: 'antipsychotic', category: { 'zh-TW': '抗精神病藥', en: 'Antipsychotics' },
      atc7: ['N05AD01', 'N05AH04', 'N05AH03', 'N05AX08'], tier: 'caution',
      condition: { 'zh-TW': '失智者除特定適應症外避免', en: 'in dementia, avoid unless there is a specific indication' } },
    { id: 'metoclopramide', category: { 'zh-TW': 'Metoclopramide', en: 'Metoclopramide' }, atc7: ['A03FA01'], tier: 'avoid' },
    { id: 'ppi-over-8-weeks', category: { 'zh-TW': '質子幫浦抑制劑 > 8 週', en: 'Proton-pump inhibitors > 8 weeks' },
      atc7: ['A02BC01', 'A02BC02', 'A02BC03', 'A02BC04', 'A02BC05', 'A02BC06'], tier: 'caution', minTotalDays: 57,
      condition: { 'zh-TW': '避免規則使用超過 8 週', en: 'avoid scheduled use beyond 8 weeks' } },
    { id: 'megestrol', category: { 'zh-TW': 'Megestrol', en: 'Megestrol' }, atc7: ['G03DB02', 'L02AB01'], tier: 'avoid' },
    { id: 'bladder-antimuscarinic', category: { 'zh-TW': '膀胱抗蕈毒鹼劑', en: 'Bladder antimuscarinics' }, atc7: ['G04BD04', 'G04BD07'], tier: 'caution',
      condition: { 'zh-TW': '失智者小心使用', en: 'caution in dementia' } },
  ],
};
