// Pharmacist's checklist for the WHO DDD table (research §3.2, snapshot 2026-04-25) and the
// care list's half-year reference (「依 WHO ATC/DDD Index 建議每人日劑量…每半年約當…」).
import test from 'ava';
import { DDD_TABLE, DDD_TABLE_VERSION, dddEntry, dddFor, halfYearReferenceMg, hasNoWhoDdd } from '../../../src/core/domain/ddd.ts';

test('the table says which WHO index it was copied from', (t) => {
  t.is(DDD_TABLE_VERSION, 'WHO ATC/DDD Index 2026-04-25');
});

test('zolpidem: DDD 10 mg, half-year reference 1825 mg (as the care list prints)', (t) => {
  t.deepEqual(dddFor('N05CF02'), { mg: 10 });
  t.is(halfYearReferenceMg(10), 1825);
});

test('brotizolam: DDD 0.25 mg, half-year reference 45.625 mg (the cloud rounds to 46)', (t) => {
  t.deepEqual(dddFor('N05CD09'), { mg: 0.25 });
  t.is(halfYearReferenceMg(0.25), 45.625);
  t.is(Math.round(halfYearReferenceMg(0.25)), 46);
});

test('research §3.2 half-year figures', (t) => {
  const cases: [string, number][] = [
    ['N05CF01', 1368.75], ['N05CF04', 365], ['N05CD03', 182.5], ['N05CD04', 547.5], ['N05CD08', 2737.5],
    ['N05BA12', 182.5], ['N05BA06', 456.25], ['N05BA01', 1825], ['N03AE01', 1460], ['N02AX02', 54750],
    ['N02AA01', 18250], ['N06BA04', 5475],
  ];
  for (const [atc7, reference] of cases) {
    const ddd = dddFor(atc7);
    t.truthy(ddd, atc7);
    t.is(halfYearReferenceMg(ddd?.mg ?? Number.NaN), reference, atc7);
  }
});

test('the route matters: fentanyl patch 1.2 mg TD, no oral DDD; midazolam nasal 5 mg; triazolam SL 0.2 mg', (t) => {
  t.deepEqual(dddFor('N02AB03', 'TD'), { mg: 1.2 });
  t.is(dddFor('N02AB03'), null);
  t.deepEqual(dddFor('N05CD08', 'N'), { mg: 5 });
  t.deepEqual(dddFor('N05CD05', 'SL'), { mg: 0.2 });
  t.deepEqual(dddFor('N02AA01', 'P'), { mg: 30 });
});

test('「WHO 未訂 DDD」 for nimetazepam, etizolam, ketamine, ramelteon, suvorexant, lemborexant', (t) => {
  for (const atc7 of ['N05CD15', 'N05BA19', 'N01AX03', 'N05CH02', 'N05CJ01', 'N05CJ02']) {
    t.true(hasNoWhoDdd(atc7), atc7);
    t.is(dddFor(atc7), null, atc7);
  }
  t.false(hasNoWhoDdd('N05CF02'));
  t.false(hasNoWhoDdd('Z99ZZ99'), 'an unknown code is unknown, not "no DDD"');
});

test('every chronic-drug example of research §3.2 is in the table with an oral DDD', (t) => {
  const oral: [string, number][] = [
    ['A10BA02', 2000], ['A10BB12', 2], ['A10BB09', 60], ['A10BB07', 10], ['A10BB01', 7], ['A10BH01', 100],
    ['A10BH05', 5], ['A10BK01', 10], ['A10BK03', 17.5], ['C09CA03', 80], ['C09CA01', 50], ['C09CA04', 150],
    ['C09CA07', 40], ['C09CA08', 20], ['C08CA01', 5], ['C08CA05', 30], ['C07AG02', 37.5], ['C07AB07', 10],
    ['C10AA05', 20], ['C10AA07', 10], ['C10AA01', 30], ['B01AC04', 75], ['B01AA03', 7.5], ['B01AF01', 20],
    ['B01AE07', 300], ['A02BC01', 20], ['A02BC05', 30], ['N06AB06', 50], ['N06AB10', 10], ['N06AX11', 30],
    ['N06AX05', 300], ['N05AH04', 400], ['N02BA01', 3000],
  ];
  for (const [atc7, mg] of oral) t.deepEqual(dddFor(atc7), { mg }, atc7);
});

test('antithrombotic aspirin is "1 tablet, independent of strength": no mg DDD, but not "未訂"', (t) => {
  t.is(dddFor('B01AC06'), null);
  t.false(hasNoWhoDdd('B01AC06'));
  t.regex(dddEntry('B01AC06')?.note ?? '', /1 tablet/);
});

test('every entry has a substance name and either a DDD or the no-DDD mark', (t) => {
  for (const entry of DDD_TABLE.values()) {
    t.true(entry.substance.length > 0, entry.atc7);
    t.true(entry.noDdd === (Object.keys(entry.mg).length === 0) || entry.atc7 === 'B01AC06', entry.atc7);
  }
});
