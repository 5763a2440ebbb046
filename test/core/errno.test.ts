// The one reading of a failed call's code that messages and audit outcomes use.
import test from 'ava';
import { errnoCode } from '../../src/core/errno.ts';

test('a system error gives its code; anything else the fallback (EIO unless told)', (t) => {
  t.is(errnoCode(Object.assign(new Error('no such file'), { code: 'ENOENT' })), 'ENOENT');
  t.is(errnoCode(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' }), 'UNKNOWN'), 'SQLITE_FULL');
  t.is(errnoCode(new Error('no code')), 'EIO');
  t.is(errnoCode(new Error('no code'), 'UNKNOWN'), 'UNKNOWN');
  t.is(errnoCode({ code: 7 }), 'EIO', 'a number is no errno code');
  t.is(errnoCode(null), 'EIO');
  t.is(errnoCode(undefined, 'error'), 'error');
});
