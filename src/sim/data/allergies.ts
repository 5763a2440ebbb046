// 過敏紀錄 as the cloud keeps them: real entries mixed with the noise every clinic leaves
// behind ('NP', 未過敏, 未記錄 — leescot drops these, research anchors 1(b)), so the client's
// filtering is exercised on every patient that has allergy rows.
import type { HistoryBuilder } from './builder.ts';
import type { SimAllergy } from './model.ts';

const REAL: Omit<SimAllergy, 'occurDate' | 'uploadDate' | 'institution' | 'dataType' | 'dataSource'>[] = [
  { drugName: ';;;PENICILLIN', severity: '1-重度', symptoms: '呼吸困難;蕁麻疹', drugGroup: 'A01', geneticTest: null },
  { drugName: ';磺胺類抗生素(SULFONAMIDES);', severity: '2-中度', symptoms: '皮疹;搔癢', drugGroup: 'A05', geneticTest: null },
  { drugName: ';;ASPIRIN', severity: '3-輕度', symptoms: '胃部不適', drugGroup: 'B02', geneticTest: null },
  { drugName: ';;;NSAIDS', severity: '2-中度', symptoms: '眼皮腫脹', drugGroup: 'B02', geneticTest: null },
  { drugName: ';;HLA-B 1502 基因檢測', severity: '9-其他', symptoms: '', drugGroup: null, geneticTest: '0-Negative' },
  { drugName: ';CEPHALOSPORINS;', severity: '1-重度', symptoms: '過敏性休克', drugGroup: 'A02', geneticTest: null },
];

const NOISE = [';;NP', 'NP', ';;;未過敏', '未記錄', 'N.P.'];
const SOURCES = ['病人自述', '家屬描述', '本院醫療人員', '他院資料', '檢驗報告', '其他來源'];

export function addAllergies(b: HistoryBuilder): void {
  const { deckId } = b.patient;
  // Scripted: P001 penicillin (with an NP row), P003 sulfonamides (with 未過敏), P002 none.
  const scripted: Record<string, [number[], string[]]> = { P001: [[0], ['NP']], P003: [[1], [';;;未過敏']], P002: [[], []] };
  const chosen = scripted[deckId] ?? (b.random.chance(0.3)
    ? [b.random.chance(0.7) ? [b.random.int(0, REAL.length - 1)] : [], b.random.chance(0.5) ? [b.random.pick(NOISE)] : []]
    : [[], []]);
  const [realIndexes, noise] = chosen;
  for (const index of realIndexes) {
    const real = REAL[index];
    if (!real) continue;
    const occurAgo = b.random.int(200, 2000);
    b.allergies.push({
      ...real,
      occurDate: b.day(occurAgo),
      uploadDate: b.day(occurAgo - b.random.int(0, 30)),
      dataType: b.random.chance(0.6) ? '健保卡上傳' : '雲端系統登錄',
      dataSource: b.random.pick(SOURCES),
      institution: b.any(b.random.chance(0.5) ? 'clinic' : 'hospital'),
    });
  }
  for (const drugName of noise) {
    const ago = b.random.int(30, 900);
    b.allergies.push({
      drugName, severity: null, symptoms: '', drugGroup: null, geneticTest: null,
      occurDate: b.random.chance(0.5) ? b.day(ago) : null,
      uploadDate: b.day(ago),
      dataType: '健保卡上傳',
      dataSource: '病人自述',
      institution: b.any('clinic'),
    });
  }
}
