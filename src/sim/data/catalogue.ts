// The simulator's drug catalogue: commonly dispensed products in Taiwan with their real
// WHO ATC7 codes (research §3.2, §6), NHI-style upper-case ingredient names and brand names
// with strengths as they appear in `drug_ename`. The 10-character NHI drug codes follow the
// real pattern (e.g. 'AC58639100') but are synthetic: they identify nothing real.
import type { DosageForm } from '../../core/domain/types.ts';
import { ATC3_TEXT, ATC5_NAME, drugTypeOf, type DiagnosisKey } from './classes.ts';

export interface CatalogueIngredient {
  name: string;
  atc7: string;
}

export interface CareListIngredient {
  /** 成分代碼 as the care list prints it ('2824801820+2824801810' for zolpidem). */
  code: string;
  /** drug_rel_code_ename. */
  name: string;
  /** WHO DDD in mg (zolpidem 10, brotizolam 0.25, alprazolam 1). */
  dddMg: number;
}

export interface CatalogueDrug {
  code: string;
  /** drug_ename: brand + form + strength (+ maker for generics). */
  name: string;
  ingredients: CatalogueIngredient[];
  atc7: string;
  atc5Name: string;
  atc3Text: string;
  form: DosageForm;
  /** Extended release (緩釋): a different 餘藥 group from the plain tablet. */
  extendedRelease: boolean;
  /** mg per unit for single-ingredient products; null for combinations and non-mass strengths. */
  strengthMg: number | null;
  /** Usual 用法 and units per dose. */
  frequency: string | null;
  dose: number;
  /** Units dispensed per prescription for products not counted per day (tubes, bottles, inhalers). */
  pack: number | null;
  /** On the elderly-caution list (Beers 2019, research §6): drug_65_mark 'Y' for patients ≥ 65. */
  beers: boolean;
  /** 餘藥 drug_type, or null when the drug is outside the tracked classes. */
  drugType: string | null;
  diagnosis: DiagnosisKey;
  careList: CareListIngredient | null;
}

interface Options {
  fre?: string | null;
  dose?: number;
  form?: DosageForm;
  er?: true;
  beers?: true;
  mg?: number;
  pack?: number;
  dx: DiagnosisKey;
  care?: CareListIngredient;
}

/** 'VALSARTAN:C09CA03；AMLODIPINE:C08CA01' for combinations; a plain name takes the product's ATC7. */
function drug(code: string, name: string, ingredients: string, atc7: string, o: Options): CatalogueDrug {
  const parts = ingredients.split('；').map((part): CatalogueIngredient => {
    const [ingredient = part, own] = part.split(':');
    return { name: ingredient, atc7: own ?? atc7 };
  });
  const atc5Name = ATC5_NAME[atc7.slice(0, 5)];
  const atc3Text = ATC3_TEXT[atc7.slice(0, 3)];
  if (!atc5Name || !atc3Text) throw new Error(`catalogue: no class text for ${atc7}`);
  const form = o.form ?? 'oral';
  return {
    code, name, ingredients: parts, atc7, atc5Name, atc3Text, form,
    extendedRelease: o.er === true,
    strengthMg: parts.length === 1 ? (o.mg ?? null) : null,
    frequency: o.fre === undefined ? 'QD' : o.fre,
    dose: o.dose ?? 1,
    pack: o.pack ?? null,
    beers: o.beers === true,
    drugType: form === 'oral' ? drugTypeOf(atc7) : null,
    diagnosis: o.dx,
    careList: o.care ?? null,
  };
}

const ZOLPIDEM_CARE = { code: '2824801820+2824801810', name: 'ZOLPIDEM (TARTRATE+HEMITARTRATE)', dddMg: 10 };
const BROTIZOLAM_CARE = { code: '2824202400', name: 'BROTIZOLAM', dddMg: 0.25 };
const ALPRAZOLAM_CARE = { code: '2812000400', name: 'ALPRAZOLAM', dddMg: 1 };

export const CATALOGUE: readonly CatalogueDrug[] = [
  // Blood pressure and heart
  drug('BC23451100', 'NORVASC TABLETS 5MG', 'AMLODIPINE', 'C08CA01', { mg: 5, dx: 'htn' }),
  drug('AC46208100', 'AMLODIPINE TABLETS 5MG "SINTONG"', 'AMLODIPINE', 'C08CA01', { mg: 5, dx: 'htn' }),
  drug('BC22375100', 'ADALAT OROS EXTENDED RELEASE TABLETS 30MG', 'NIFEDIPINE', 'C08CA05', { mg: 30, er: true, dx: 'htn' }),
  drug('AC33117100', 'NIFEDIPINE CAPSULES 5MG "ROUTE"', 'NIFEDIPINE', 'C08CA05', { mg: 5, fre: 'TID', beers: true, dx: 'htn' }),
  drug('BC22081100', 'DIOVAN F.C. TABLETS 80MG', 'VALSARTAN', 'C09CA03', { mg: 80, dx: 'htn' }),
  drug('BC21936100', 'COZAAR F.C. TABLETS 50MG', 'LOSARTAN POTASSIUM', 'C09CA01', { mg: 50, dx: 'htn' }),
  drug('BC22296100', 'APROVEL TABLETS 150MG', 'IRBESARTAN', 'C09CA04', { mg: 150, dx: 'htn' }),
  drug('BC23012100', 'MICARDIS TABLETS 40MG', 'TELMISARTAN', 'C09CA07', { mg: 40, dx: 'htn' }),
  drug('BC24210100', 'OLMETEC F.C. TABLETS 20MG', 'OLMESARTAN MEDOXOMIL', 'C09CA08', { mg: 20, dx: 'htn' }),
  drug('BC17742100', 'RENITEC TABLETS 5MG', 'ENALAPRIL MALEATE', 'C09AA02', { mg: 5, dx: 'htn' }),
  drug('BC20915100', 'TRITACE TABLETS 5MG', 'RAMIPRIL', 'C09AA05', { mg: 5, dx: 'htn' }),
  drug('BC24771100', 'EXFORGE F.C. TABLETS 5/80MG', 'AMLODIPINE:C08CA01；VALSARTAN:C09CA03', 'C09DB01', { dx: 'htn' }),
  drug('BC22797100', 'CO-DIOVAN F.C. TABLETS 80/12.5MG', 'VALSARTAN:C09CA03；HYDROCHLOROTHIAZIDE:C03AA03', 'C09DA03', { dx: 'htn' }),
  drug('BC20322100', 'CONCOR TABLETS 5MG', 'BISOPROLOL FUMARATE', 'C07AB07', { mg: 5, dx: 'htn' }),
  drug('BC20127100', 'DILATREND TABLETS 25MG', 'CARVEDILOL', 'C07AG02', { mg: 25, fre: 'BID', dx: 'hf' }),
  drug('AC58639100', 'FURIDE TABLETS 40MG "STANDARD" (FUROSEMIDE)', 'FUROSEMIDE', 'C03CA01', { mg: 40, fre: 'QAM', dx: 'hf' }),
  drug('BC06271100', 'ALDACTONE F.C. TABLETS 25MG', 'SPIRONOLACTONE', 'C03DA01', { mg: 25, dx: 'hf' }),
  drug('BC09840100', 'LANOXIN TABLETS 0.25MG', 'DIGOXIN', 'C01AA05', { mg: 0.25, beers: true, dx: 'af' }),
  drug('BC17301100', 'CORDARONE TABLETS 200MG', 'AMIODARONE HCL', 'C01BD01', { mg: 200, beers: true, dx: 'af' }),
  drug('BC18866100', 'CARDURA TABLETS 2MG', 'DOXAZOSIN MESYLATE', 'C02CA04', { mg: 2, fre: 'HS', beers: true, dx: 'htn' }),
  // Lipids, antithrombotics
  drug('BC22710100', 'LIPITOR F.C. TABLETS 20MG', 'ATORVASTATIN CALCIUM', 'C10AA05', { mg: 20, fre: 'HS', dx: 'lipid' }),
  drug('BC23500100', 'CRESTOR F.C. TABLETS 10MG', 'ROSUVASTATIN CALCIUM', 'C10AA07', { mg: 10, dx: 'lipid' }),
  drug('BC20768100', 'ZOCOR F.C. TABLETS 20MG', 'SIMVASTATIN', 'C10AA01', { mg: 20, fre: 'HS', dx: 'lipid' }),
  drug('AC43995100', 'BOKEY ENTERIC MICROENCAPSULATED CAPSULES 100MG', 'ACETYLSALICYLIC ACID', 'B01AC06', { mg: 100, dx: 'cad' }),
  drug('BC23216100', 'PLAVIX F.C. TABLETS 75MG', 'CLOPIDOGREL BISULFATE', 'B01AC04', { mg: 75, dx: 'cad' }),
  drug('BC25383100', 'XARELTO F.C. TABLETS 15MG', 'RIVAROXABAN', 'B01AF01', { mg: 15, dx: 'af' }),
  drug('BC12473100', 'COUMADIN TABLETS 5MG', 'WARFARIN SODIUM', 'B01AA03', { mg: 5, dx: 'af' }),
  drug('AC39017100', 'DIPYRIDAMOLE TABLETS 25MG "YUNG SHIN"', 'DIPYRIDAMOLE', 'B01AC07', { mg: 25, fre: 'TID', beers: true, dx: 'cad' }),
  // Diabetes
  drug('BC21570100', 'GLUCOPHAGE F.C. TABLETS 500MG', 'METFORMIN HCL', 'A10BA02', { mg: 500, fre: 'BIDPC', dx: 'dm' }),
  drug('AC47390100', 'METFORMIN F.C. TABLETS 500MG "TAIYU"', 'METFORMIN HCL', 'A10BA02', { mg: 500, fre: 'BIDPC', dx: 'dm' }),
  drug('BC22142100', 'AMARYL TABLETS 2MG', 'GLIMEPIRIDE', 'A10BB12', { mg: 2, fre: 'QDAC', beers: true, dx: 'dm' }),
  drug('BC22983100', 'DIAMICRON MR TABLETS 60MG', 'GLICLAZIDE', 'A10BB09', { mg: 60, er: true, fre: 'QDAC', dx: 'dm' }),
  drug('BC10551100', 'DAONIL TABLETS 5MG', 'GLIBENCLAMIDE', 'A10BB01', { mg: 5, fre: 'QDAC', beers: true, dx: 'dm' }),
  drug('BC24606100', 'JANUVIA F.C. TABLETS 100MG', 'SITAGLIPTIN PHOSPHATE', 'A10BH01', { mg: 100, dx: 'dm' }),
  drug('BC25109100', 'JANUMET F.C. TABLETS 50/500MG', 'SITAGLIPTIN:A10BH01；METFORMIN HCL:A10BA02', 'A10BD07', { fre: 'BIDPC', dx: 'dm' }),
  drug('BC25630100', 'TRAJENTA F.C. TABLETS 5MG', 'LINAGLIPTIN', 'A10BH05', { mg: 5, dx: 'dm' }),
  drug('BC26194100', 'FORXIGA F.C. TABLETS 10MG', 'DAPAGLIFLOZIN', 'A10BK01', { mg: 10, dx: 'dm' }),
  drug('BC26385100', 'JARDIANCE F.C. TABLETS 10MG', 'EMPAGLIFLOZIN', 'A10BK03', { mg: 10, dx: 'dm' }),
  drug('KC00946209', 'LANTUS SOLOSTAR INJECTION 100U/ML 3ML', 'INSULIN GLARGINE', 'A10AE04', { form: 'injection', fre: 'HS', pack: 5, dx: 'dm' }),
  // Stomach and gut
  drug('BC23789100', 'NEXIUM TABLETS 40MG', 'ESOMEPRAZOLE MAGNESIUM', 'A02BC05', { mg: 40, fre: 'QDAC', beers: true, dx: 'gerd' }),
  drug('BC21348100', 'LOSEC MUPS TABLETS 20MG', 'OMEPRAZOLE MAGNESIUM', 'A02BC01', { mg: 20, fre: 'QDAC', dx: 'gerd' }),
  drug('BC22608100', 'TAKEPRON OD 30MG TABLETS', 'LANSOPRAZOLE', 'A02BC03', { mg: 30, fre: 'QDAC', dx: 'gerd' }),
  drug('AC15772100', 'PRIMPERAN TABLETS 5MG', 'METOCLOPRAMIDE HCL', 'A03FA01', { mg: 5, fre: 'TIDAC', beers: true, dx: 'dyspepsia' }),
  drug('AC27763100', 'MAGNESIUM OXIDE TABLETS 250MG "CHIH SHENG"', 'MAGNESIUM OXIDE', 'A02AA02', { mg: 250, fre: 'TID', dx: 'dyspepsia' }),
  drug('BC05132100', 'BUSCOPAN SUGAR-COATED TABLETS 10MG', 'HYOSCINE BUTYLBROMIDE', 'A03BB01', { mg: 10, fre: 'TID', dx: 'dyspepsia' }),
  // Pain
  drug('AC35410100', 'PANADOL TABLETS 500MG', 'ACETAMINOPHEN', 'N02BE01', { mg: 500, fre: 'QID', dx: 'pain' }),
  drug('AC42231151', 'ACETAMINOPHEN SYRUP 24MG/ML "NANG KUANG"', 'ACETAMINOPHEN', 'N02BE01', { fre: 'PRN', pack: 1, dx: 'uri' }),
  drug('BC23990100', 'ULTRACET F.C. TABLETS 37.5/325MG', 'TRAMADOL HCL:N02AX02；ACETAMINOPHEN:N02BE01', 'N02AJ13', { fre: 'TID', dx: 'backPain' }),
  drug('BC19876100', 'TRAMAL CAPSULES 50MG', 'TRAMADOL HCL', 'N02AX02', { mg: 50, fre: 'TID', dx: 'backPain' }),
  drug('BC08521100', 'VOLTAREN TABLETS 25MG', 'DICLOFENAC SODIUM', 'M01AB05', { mg: 25, fre: 'TIDPC', beers: true, dx: 'oa' }),
  drug('BC20893421', 'VOLTAREN EMULGEL 1%', 'DICLOFENAC DIETHYLAMINE', 'M02AA15', { form: 'topical', fre: 'TID', pack: 1, dx: 'oa' }),
  drug('BC21633100', 'MOBIC TABLETS 7.5MG', 'MELOXICAM', 'M01AC06', { mg: 7.5, beers: true, dx: 'oa' }),
  drug('BC22988100', 'CELEBREX CAPSULES 200MG', 'CELECOXIB', 'M01AH01', { mg: 200, dx: 'oa' }),
  drug('AC30157100', 'NAPROXEN TABLETS 250MG "TAI YU"', 'NAPROXEN', 'M01AE02', { mg: 250, fre: 'BID', beers: true, dx: 'oa' }),
  drug('AC12785100', 'INDOMETHACIN CAPSULES 25MG "PANBIOTIC"', 'INDOMETHACIN', 'M01AB01', { mg: 25, fre: 'TIDPC', beers: true, dx: 'gout' }),
  drug('AC21064100', 'SOLAXIN TABLETS 200MG', 'CHLORZOXAZONE', 'M03BB03', { mg: 200, fre: 'TID', beers: true, dx: 'backPain' }),
  // Sleep, anxiety, mood (controlled hypnotics carry their care-list ingredient)
  drug('BC21785100', 'STILNOX F.C. TABLETS 10MG', 'ZOLPIDEM TARTRATE', 'N05CF02', { mg: 10, fre: 'HS', beers: true, dx: 'insomnia', care: ZOLPIDEM_CARE }),
  drug('BC19202100', 'LENDORMIN TABLETS 0.25MG', 'BROTIZOLAM', 'N05CD09', { mg: 0.25, fre: 'HS', beers: true, dx: 'insomnia', care: BROTIZOLAM_CARE }),
  drug('BC18377100', 'XANAX TABLETS 0.5MG', 'ALPRAZOLAM', 'N05BA12', { mg: 0.5, fre: 'BID', beers: true, dx: 'anxiety', care: ALPRAZOLAM_CARE }),
  drug('BC13318100', 'ATIVAN TABLETS 0.5MG', 'LORAZEPAM', 'N05BA06', { mg: 0.5, fre: 'HS', beers: true, dx: 'anxiety' }),
  drug('BC20461100', 'IMOVANE F.C. TABLETS 7.5MG', 'ZOPICLONE', 'N05CF01', { mg: 7.5, fre: 'HS', beers: true, dx: 'insomnia' }),
  drug('BC23637100', 'LEXAPRO F.C. TABLETS 10MG', 'ESCITALOPRAM OXALATE', 'N06AB10', { mg: 10, dx: 'depression' }),
  drug('BC20566100', 'ZOLOFT F.C. TABLETS 50MG', 'SERTRALINE HCL', 'N06AB06', { mg: 50, dx: 'depression' }),
  drug('BC22851100', 'REMERON F.C. TABLETS 30MG', 'MIRTAZAPINE', 'N06AX11', { mg: 30, fre: 'HS', dx: 'depression' }),
  drug('AC36912100', 'DESYREL TABLETS 50MG', 'TRAZODONE HCL', 'N06AX05', { mg: 50, fre: 'HS', dx: 'insomnia' }),
  drug('BC22404100', 'SEROQUEL F.C. TABLETS 25MG', 'QUETIAPINE FUMARATE', 'N05AH04', { mg: 25, fre: 'HS', beers: true, dx: 'insomnia' }),
  drug('AC11620100', 'ATARAX TABLETS 25MG', 'HYDROXYZINE HCL', 'N05BB01', { mg: 25, fre: 'HS', beers: true, dx: 'dermatitis' }),
  // Allergy, cough, airways
  drug('BC20005100', 'ZYRTEC F.C. TABLETS 10MG', 'CETIRIZINE DIHYDROCHLORIDE', 'R06AE07', { mg: 10, fre: 'HS', dx: 'rhinitis' }),
  drug('AC05870100', 'CHLORPHENIRAMINE MALEATE TABLETS 4MG "SHOU CHAN"', 'CHLORPHENIRAMINE MALEATE', 'R06AB04', { mg: 4, fre: 'TID', beers: true, dx: 'uri' }),
  drug('AC09911100', 'DIPHENHYDRAMINE HCL CAPSULES 50MG "HONTEN"', 'DIPHENHYDRAMINE HCL', 'R06AA02', { mg: 50, fre: 'HS', beers: true, dx: 'dermatitis' }),
  drug('AC06629100', 'CYPROHEPTADINE TABLETS 4MG "CHI SHENG"', 'CYPROHEPTADINE HCL', 'R06AX02', { mg: 4, fre: 'TID', beers: true, dx: 'rhinitis' }),
  drug('AC17259100', 'MEDICON TABLETS 20MG', 'DEXTROMETHORPHAN HBR', 'R05DA09', { mg: 20, fre: 'TID', dx: 'uri' }),
  drug('BC14827100', 'MUCOSOLVAN TABLETS 30MG', 'AMBROXOL HCL', 'R05CB06', { mg: 30, fre: 'TID', dx: 'bronchitis' }),
  drug('BC21450229', 'VENTOLIN EVOHALER 100MCG/DOSE', 'SALBUTAMOL SULFATE', 'R03AC02', { form: 'inhalation', fre: 'PRN', pack: 1, dx: 'asthma' }),
  drug('BC22633100', 'SINGULAIR F.C. TABLETS 10MG', 'MONTELUKAST SODIUM', 'R03DC03', { mg: 10, fre: 'HS', dx: 'asthma' }),
  // Infections
  drug('BC19564100', 'AUGMENTIN 625MG TABLETS', 'AMOXICILLIN:J01CA04；CLAVULANATE POTASSIUM:J01CR02', 'J01CR02', { fre: 'TID', dx: 'bronchitis' }),
  drug('BC22466100', 'CRAVIT F.C. TABLETS 500MG', 'LEVOFLOXACIN', 'J01MA12', { mg: 500, dx: 'uti' }),
  drug('AC27334100', 'CEPHALEXIN CAPSULES 500MG "CYH"', 'CEPHALEXIN', 'J01DB01', { mg: 500, fre: 'QID', dx: 'impetigo' }),
  // Eyes and skin
  drug('BC22921426', 'CRAVIT OPHTHALMIC SOLUTION 0.5% 5ML', 'LEVOFLOXACIN', 'S01AE05', { form: 'eye', fre: 'QID', pack: 1, dx: 'conjunctivitis' }),
  drug('BC22578426', 'PATANOL OPHTHALMIC SOLUTION 0.1% 5ML', 'OLOPATADINE HCL', 'S01GX09', { form: 'eye', fre: 'BID', pack: 1, dx: 'conjunctivitis' }),
  drug('BC22183426', 'XALATAN EYE DROPS 0.005% 2.5ML', 'LATANOPROST', 'S01EE01', { form: 'eye', fre: 'HS', pack: 1, dx: 'glaucoma' }),
  drug('AC20476321', 'BETAMETHASONE VALERATE CREAM 0.12% "GENTLE" 10GM', 'BETAMETHASONE VALERATE', 'D07AC01', { form: 'topical', fre: 'BID', pack: 1, dx: 'dermatitis' }),
  drug('BC18802321', 'BACTROBAN OINTMENT 2% 15GM', 'MUPIROCIN', 'D06AX09', { form: 'topical', fre: 'TID', pack: 1, dx: 'impetigo' }),
  // Gout, thyroid, steroids, bladder, prostate, Parkinson
  drug('BC17560100', 'ZYLORIC TABLETS 100MG', 'ALLOPURINOL', 'M04AA01', { mg: 100, dx: 'gout' }),
  drug('BC25491100', 'FEBURIC F.C. TABLETS 80MG', 'FEBUXOSTAT', 'M04AA03', { mg: 80, dx: 'gout' }),
  drug('AC10438100', 'COLCHICINE TABLETS 0.5MG "ORIENT"', 'COLCHICINE', 'M04AC01', { mg: 0.5, fre: 'BID', dx: 'gout' }),
  drug('BC24025100', 'EUTHYROX TABLETS 50MCG', 'LEVOTHYROXINE SODIUM', 'H03AA01', { mg: 0.05, fre: 'QDAC', dx: 'hypothyroid' }),
  drug('AC31558100', 'PREDNISOLONE TABLETS 5MG "SHOU CHAN"', 'PREDNISOLONE', 'H02AB06', { mg: 5, fre: 'TID', dx: 'asthma' }),
  drug('BC23176100', 'DITROPAN TABLETS 5MG', 'OXYBUTYNIN CHLORIDE', 'G04BD04', { mg: 5, fre: 'BID', beers: true, dx: 'bladder' }),
  drug('BC23702100', 'HARNALIDGE OCAS PROLONGED RELEASE TABLETS 0.4MG', 'TAMSULOSIN HCL', 'G04CA02', { mg: 0.4, er: true, dx: 'bph' }),
  drug('AC07792100', 'ARTANE TABLETS 2MG', 'TRIHEXYPHENIDYL HCL', 'N04AA01', { mg: 2, fre: 'BID', beers: true, dx: 'parkinson' }),
];

/** Looks a product up by the start of its name ('NORVASC', 'CRAVIT OPHTHALMIC'); must be unambiguous. */
export function product(prefix: string): CatalogueDrug {
  const found = CATALOGUE.filter((d) => d.name === prefix || d.name.startsWith(`${prefix} `));
  if (found.length !== 1) throw new Error(`catalogue: ${found.length} products named ${prefix}`);
  return found[0] as CatalogueDrug;
}

/** Ingredient code (drug_ing_code): synthetic 10 digits, stable per ingredient name. */
export function ingredientCode(name: string): string {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619) >>> 0;
  return `28${String(hash % 100_000_000).padStart(8, '0')}`;
}
