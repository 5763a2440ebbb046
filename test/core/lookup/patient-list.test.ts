// The 批次下載 list format and its resume file.
import test from 'ava';
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listProblemMessage, parsePatientList } from '../../../src/core/lookup/patient-list.ts';
import { openProgressFile } from '../../../src/core/lookup/progress-file.ts';
import { demoDeck } from '../../../src/demo/deck.ts';

const deck = demoDeck();
const [p1, p2, p3] = deck.patients;

test('header optional; ISO and ROC 7-digit birth dates; bad lines reported by number and skipped', (t) => {
  const text = [
    'nationalId,birthDate',
    `${p1!.nationalId},${p1!.birthDate}`,
    '',
    `${p2!.nationalId.toLowerCase()},0450711`,
    'A123456788,1956-07-11', // wrong check digit
    `${p3!.nationalId},1956-02-30`, // no such day
    `${p3!.nationalId}`, // one column
    `${p3!.nationalId},20120229`, // 8 digits: ambiguous, refused
    `${p3!.nationalId},2012-02-29,12345`, // card number not 12 digits
    `${p1!.nationalId},${p1!.birthDate}`, // duplicate
    `${p3!.nationalId},1010229,000012345678`,
  ].join('\r\n');
  const { entries, problems } = parsePatientList(text);
  t.deepEqual(
    entries.map((e) => [e.line, e.nationalId, e.birthDate, e.cardNumber]),
    [
      [2, p1!.nationalId, p1!.birthDate, null],
      [4, p2!.nationalId, '1956-07-11', null],
      [11, p3!.nationalId, '2012-02-29', '000012345678'],
    ],
  );
  t.deepEqual(problems, [
    { line: 5, kind: 'national-id' },
    { line: 6, kind: 'birth-date' },
    { line: 7, kind: 'columns' },
    { line: 8, kind: 'birth-date' },
    { line: 9, kind: 'card-number' },
    { line: 10, kind: 'duplicate' },
  ]);
  t.is(listProblemMessage({ line: 5, kind: 'national-id' }, 'zh-TW'), '第 5 行：身分證號格式或檢查碼錯誤');
  t.regex(listProblemMessage({ line: 6, kind: 'birth-date' }, 'en'), /^line 6: birth date/);
});

test('a list without header starts at line 1; a garbage first line is a problem, not a header', (t) => {
  t.deepEqual(parsePatientList(`${p1!.nationalId},${p1!.birthDate}\n`).entries.map((e) => e.line), [1]);
  t.deepEqual(parsePatientList('xyz,abc\n').problems, [{ line: 1, kind: 'national-id' }]);
});

test('progress file: done lines survive reopening, edited lines and torn writes rerun, restart forgets', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-progress-'));
  const list = join(dir, 'list.csv');
  writeFileSync(list, '');
  const entries = parsePatientList(`${p1!.nationalId},${p1!.birthDate}\n${p2!.nationalId},${p2!.birthDate}\n`).entries;
  const first = openProgressFile(list);
  t.is(first.resumed, 0);
  first.markDone(entries[0]!, 'fetched');
  appendFileSync(first.path, '2\tabc'); // torn line from a kill mid-write
  const second = openProgressFile(list);
  t.is(second.resumed, 1);
  t.true(second.isDone(entries[0]!));
  t.false(second.isDone(entries[1]!));
  // Same line number, different patient: not done.
  const edited = parsePatientList(`${p3!.nationalId},${p3!.birthDate}\n`).entries[0]!;
  t.false(second.isDone(edited));
  t.false(readFileSync(first.path, 'utf8').includes(p1!.nationalId), 'no ID in clear in the progress file');
  const restarted = openProgressFile(list, { restart: true, day: '2026-11-23' });
  t.is(restarted.resumed, 0);
  t.false(restarted.isDone(entries[0]!));
  restarted.markDone(entries[0]!, 'fetched');
  t.is(openProgressFile(list, { day: '2026-11-23' }).resumed, 1, 'same day: resumes');
  t.is(openProgressFile(list, { day: '2026-11-24' }).resumed, 0, 'the next day: the same list runs again');
});
