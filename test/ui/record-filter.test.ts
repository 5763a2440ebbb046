// The 西醫用藥 filter: staff type an ingredient as they know it.
import test from 'ava';
import { NO_FILTER, recordMatches } from '../../src/ui/table/record-filter.ts';
import { analyzedRecord } from '../../src/core/domain/analyzed-record.ts';
import { record } from '../core/domain/record-builder.ts';

test('an ingredient filter finds ACETAMINOPHEN by the name written and by its WHO name PARACETAMOL', (t) => {
  const row = analyzedRecord(
    record({ drugName: 'ACETAMINOPHEN TABLETS 500MG', ingredients: [{ name: 'ACETAMINOPHEN', atc7: 'N02BE01' }], atc7: 'N02BE01' }),
    { days: 3, notComputable: null, future: false },
    { kind: 'dose', amount: 1 },
  );
  for (const typed of ['acetaminophen', 'PARACETAMOL', 'para']) t.true(recordMatches(row, { ...NO_FILTER, ingredient: typed }, null), typed);
  t.false(recordMatches(row, { ...NO_FILTER, ingredient: 'IBUPROFEN' }, null));
});
