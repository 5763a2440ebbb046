// Disk full and friends become typed CacheErrors with bilingual messages; nothing that was
// committed is lost, and no patient data appears in the message.
import { randomBytes } from 'node:crypto';
import test from 'ava';
import { CacheError, cacheMessages } from '../../../src/core/cache/index.ts';
import { toCacheError } from '../../../src/core/cache/errors.ts';
import { open, OTHER_PATIENT_ID, PATIENT_ID, tempPlace } from './helpers.ts';

test('a full disk is CacheError disk-full; earlier commits survive and the cache keeps working', (t) => {
  // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does.
  const { cache } = open(t, tempPlace(t), { maxBytes: 160 * 1024 });
  cache.putSnapshots(PATIENT_ID, [{ endpoint: 'imue0008s02', payload: { small: true } }]);
  // Random text does not compress, so this payload really needs more pages than are left.
  const big = { robject: Array.from({ length: 8000 }, () => ({ drug_code: randomBytes(32).toString('hex') })) };
  const error = t.throws(() => cache.putSnapshots(OTHER_PATIENT_ID, [{ endpoint: 'imue0008s02', payload: big }]), { instanceOf: CacheError });
  t.is(error?.kind, 'disk-full');
  t.regex(error?.text('zh-TW') ?? '', /磁碟已滿/);
  t.regex(error?.text('en') ?? '', /disk is full/);
  t.false(error?.message.includes(OTHER_PATIENT_ID));
  t.deepEqual(cache.getSnapshots(PATIENT_ID)[0]?.payload, { small: true });
  t.deepEqual(cache.getSnapshots(OTHER_PATIENT_ID), [], 'the failed transaction left nothing half-written');
  t.deepEqual(cache.integrity(), ['ok']);
  // Reads and small writes still work.
  cache.audit.append({ action: 'lookup', patientId: OTHER_PATIENT_ID, outcome: 'disk-full' });
  t.true(cache.audit.verify().ok);
});

test('SQLite and errno codes map to kinds', (t) => {
  const kind = (code: string) => toCacheError(Object.assign(new Error('x'), { code }), '/p').kind;
  t.is(kind('SQLITE_FULL'), 'disk-full');
  t.is(kind('ENOSPC'), 'disk-full');
  t.is(kind('SQLITE_READONLY'), 'read-only');
  t.is(kind('SQLITE_READONLY_DIRECTORY'), 'read-only');
  t.is(kind('SQLITE_CANTOPEN'), 'read-only');
  t.is(kind('EACCES'), 'read-only');
  t.is(kind('EROFS'), 'read-only');
  t.is(kind('SQLITE_BUSY'), 'busy');
  t.is(kind('SQLITE_CORRUPT'), 'corrupt');
  t.is(kind('SQLITE_NOTADB'), 'corrupt');
  t.is(kind('SQLITE_IOERR_WRITE'), 'io');
  t.is(toCacheError('not even an error', '/p').kind, 'io');
});

test('every message exists in both languages', (t) => {
  for (const [key, entry] of Object.entries(cacheMessages)) {
    t.true(entry['zh-TW'].length > 0 && entry.en.length > 0, key);
    t.regex(entry['zh-TW'], /[\u4e00-\u9fff]/, key);
  }
});
