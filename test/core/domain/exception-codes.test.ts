// An exception code silences the duplicate check for its ingredient: each code of the last 90
// days is named, so the pharmacist sees why no duplicate alert appears.
import test from 'ava';
import { exceptionCodeAlerts } from '../../../src/core/domain/exception-codes.ts';
import { PreparedHistory } from '../../../src/core/domain/prepared-history.ts';
import { analyzeHistory } from '../../../src/core/domain/analysis.ts';
import { translate } from '../../../src/i18n/index.ts';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import type { PatientHistory } from '../../../src/core/domain/types.ts';
import { CLINIC_A, CLINIC_B, drug } from './fixtures.ts';

const TODAY = '2025-10-10';

test('an R004 refill from a second clinic: no duplicate alert, but an info alert naming the code, what it declares and the record', (t) => {
  const first = drug('METFORMIN', 'A10BA02', { visitDate: '2025-09-20', daysSupply: 28, institution: CLINIC_A });
  const second = drug('METFORMIN', 'A10BA02', { visitDate: '2025-10-08', daysSupply: 28, institution: CLINIC_B, exceptionCode: 'R004' });
  const history: PatientHistory = { patient: null, medications: [first, second], chronic: [], cloudLeftover: [], careList: [], careListSummary: [], allergies: [], summary: [] };
  const alerts = analyzeHistory(history, TODAY).alerts;
  t.false(alerts.some((a) => a.key.startsWith('duplicate.')));
  const said = alerts.filter((a) => a.key === 'record.exception-code');
  t.is(said.length, 1);
  t.like(said[0], { severity: 'info', facts: { code: 'R004', count: 1 } });
  t.is(
    translate(alertMessages, 'record.exception-code', 'zh-TW', said[0]?.facts),
    `例外代碼 R004（病人其他原因，已切結或載於病歷）：METFORMIN TABLETS (${CLINIC_B.name} 114/10/08)；有此代碼的同成分紀錄不列重複用藥提示，請核對`,
  );
});

test('one alert per code, codes in order; a code older than 90 days is not named', (t) => {
  const r3 = drug('LOSARTAN', 'C09CA01', { visitDate: '2025-10-01', exceptionCode: 'R003' });
  const r1 = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-10-02', exceptionCode: 'R001' });
  const old = drug('AMLODIPINE', 'C08CA01', { visitDate: '2025-06-01', exceptionCode: 'R002' });
  const alerts = exceptionCodeAlerts(PreparedHistory.of([r3, old, r1], TODAY));
  t.deepEqual(alerts.map((a) => a.facts.code), ['R001', 'R003']);
});
