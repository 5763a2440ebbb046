// Synthetic MediCloud rows in the real API's shapes (research anchors 1(b)): mixed date
// formats, null drug_fre, numbers as strings, extra fields. No real patient data.

export function medicationRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hosp: '示範醫院;門診;0401180014',
    hosp_id: '0401180014',
    icd_code: 'I10',
    icd_cname: '本態性(原發性)高血壓',
    drug_code: 'AC58639100',
    drug_ename: 'FURIDE TABLETS 40MG "STANDARD" (FUROSEMIDE)',
    drug_ing_name: 'FUROSEMIDE',
    drug_ing_code: '2836400100',
    drug_atc7_code: 'C03CA01',
    drug_atc5_code: 'C03CA',
    drug_atc5_name: 'Sulfonamides, Plain',
    drug_atc3_code: '利尿藥(Diuretics)',
    drug_multi_mark: null,
    drug_65_mark: null,
    dup_drug_mark: null,
    drug_date: '2025/10/24',
    cure_e_date: null,
    drug_fre: 'QD',
    qty: 28,
    day: 28,
    drug_std_qty: 1,
    drug_left: 20,
    func_seq_no: '0012',
    chr_hosp_id: null,
    fee_ym: '11410',
    ay_flag: 'Y',
    r: 1,
    ...overrides,
  };
}

export function medications(rows: Record<string, unknown>[]): Record<string, unknown> {
  return { log2time: '2025-10-28T09:12:33', robject: rows };
}

export function chronicRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sort_code: '1',
    orig_func_seq_no: '0031',
    func_date: '114/08/01',
    func_seq_no: '0031',
    rel_date: '114/08/01',
    treat_t: '093015',
    chr_days: null,
    chr_num: null,
    overdue: 'N',
    order_code: 'BC24321100',
    drug_ename: 'NORVASC TABLETS 5MG',
    order_qty: 28,
    drug_fre: 'QD',
    order_drug_day: 28,
    hosp_id: '1101010012',
    hosp_abbr: '示範醫院',
    icd9cm_code: 'I10',
    icd_cname: '本態性(原發性)高血壓',
    ...overrides,
  };
}
