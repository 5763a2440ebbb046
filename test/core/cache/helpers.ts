// Shared set-up for cache tests: a fresh temp folder per test, a settable clock, and
// synthetic patients (valid-checksum IDs that belong to nobody).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionContext } from 'ava';
import { openCache } from '../../../src/core/cache/index.ts';
import type { OpenCacheOptions } from '../../../src/core/cache/index.ts';

export interface Place {
  dir: string;
  db: string;
  keyFile: string;
}

export function tempPlace(t: ExecutionContext): Place {
  const dir = mkdtempSync(join(tmpdir(), 'yaoli-cache-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, db: join(dir, 'data', 'cache.db'), keyFile: join(dir, 'data', 'cache.key') };
}

export interface TestClock {
  (): Date;
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function testClock(iso = '2026-03-02T01:00:00.000Z'): TestClock {
  let now = new Date(iso).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (next) => {
    now = new Date(next).getTime();
  };
  clock.advanceDays = (days) => {
    now += days * 86_400_000;
  };
  return clock;
}

export function open(t: ExecutionContext, place: Place, extra: Partial<OpenCacheOptions> = {}) {
  const result = openCache({ path: place.db, keyFile: place.keyFile, ...extra });
  t.teardown(() => result.cache.close());
  return result;
}

/** Synthetic IDs with valid check digits (checked in the tests that need it). */
export const PATIENT_ID = 'A123456789';
export const OTHER_PATIENT_ID = 'F231987656';
export const STAFF_ID = 'B120863158';

/** A MediCloud-shaped imue0008s02 body with recognisable name and drug strings. */
export function medicationPayload(name = '林測試', drugs = ['NORVASC TABLETS 5MG', 'GLUCOPHAGE FILM COATED TABLETS 500MG']) {
  return {
    rtnCode: '0000',
    patient_name: name,
    robject: drugs.map((drug, index) => ({
      r: index + 1,
      hosp: '測試診所;門診;3501234567',
      drug_code: `AC${String(58639100 + index)}`,
      drug_ename: drug,
      drug_ing_name: drug.split(' ')[0],
      drug_date: '2026/02/20',
      day: 28,
      qty: 28,
    })),
  };
}

/** Every byte of the database folder's files (main file, WAL, SHM), for plaintext scans. */
export function folderBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((name) => name.startsWith('cache.db'))
      .map((name) => readFileSync(join(dir, name))),
  );
}
