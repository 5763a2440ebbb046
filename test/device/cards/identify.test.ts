// Card identification: known ATRs, unknown ATRs named from a smartcard_list.txt, and the
// error catalogue's promises (every kind in both languages, NHI codes where they fit).
import test from 'ava';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardError, cardMessages, type CardErrorKind } from '../../../src/device/cards/errors.ts';
import { identifyByAtr, identifyCard, PATIENT_CARD_ATRS, STAFF_CARD_ATRS } from '../../../src/device/cards/identify.ts';
import { describeAtr, parseSmartcardList } from '../../../src/device/cards/smartcard-list.ts';

const LIST = `# comment
3B 8B 80 01 00 31 C1 64 08 40 21 30 00 90 00 57
\tMOICA Citizen Digital Certificate of Taiwan R.O.C. (PKI)
\thttp://moica.nat.gov.tw/

3B 79 18 00 00 80 63 55 50 01 83 07 90 00
\tTEST SAM Card (espark) (Other)

3B 67 25 00 62 24 33 03 ..
\tBull TB1000 ? (SAM for ATM in Luxemburg)

3B [ broken
\tnever matched
`;

test('NHI and TW HPC ATRs from smartcard_list.txt identify patient and staff cards', (t) => {
  for (const atr of PATIENT_CARD_ATRS) t.is(identifyByAtr(atr)?.kind, 'patient');
  t.is(identifyByAtr(STAFF_CARD_ATRS[0].toLowerCase().replace(/ /g, ''))?.kind, 'staff', 'compact lower-case hex is the same ATR');
  t.is(identifyByAtr('3B 00'), null);
});

test('smartcard_list parsing: first description line, wildcards, a broken line skipped', async (t) => {
  t.is(parseSmartcardList(LIST).length, 3);
  const dir = await mkdtemp(join(tmpdir(), 'yaoli-scl-'));
  const path = join(dir, 'smartcard_list.txt');
  await writeFile(path, LIST);
  t.is(describeAtr('3b 8b 80 01 00 31 c1 64 08 40 21 30 00 90 00 57', path), 'MOICA Citizen Digital Certificate of Taiwan R.O.C. (PKI)');
  t.is(describeAtr('3B 67 25 00 62 24 33 03 7F', path), 'Bull TB1000 ? (SAM for ATM in Luxemburg)');
  t.is(describeAtr('3B 00', path), undefined);
  t.is(describeAtr('3B 00', join(dir, 'missing.txt')), undefined, 'no list installed: no name, no crash');
  const unknown = await identifyCard('3B 8B 80 01 00 31 C1 64 08 40 21 30 00 90 00 57', undefined, path);
  t.deepEqual(unknown, { atr: '3B 8B 80 01 00 31 C1 64 08 40 21 30 00 90 00 57', kind: 'unknown', name: 'MOICA Citizen Digital Certificate of Taiwan R.O.C. (PKI)' });
});

test('an unknown ATR is probed by SELECT: the card that answers the SAM AID is a SAM', async (t) => {
  const channel = {
    async transmit(apdu: Uint8Array): Promise<Uint8Array> {
      const isSamSelect = apdu[1] === 0xa4 && String.fromCharCode(...apdu.subarray(6)) === 'YAOLISAM';
      return isSamSelect ? Uint8Array.of(0x90, 0x00) : Uint8Array.of(0x6a, 0x82);
    },
  };
  t.is((await identifyCard('3B 79 18 00 00 80 63 55 50 01 83 07 90 00', channel)).kind, 'sam');
  const broken = { transmit: async (): Promise<Uint8Array> => Uint8Array.of(0x90) };
  t.is((await identifyCard('3B 00', broken)).kind, 'unknown', 'a garbled probe answer is not a crash');
});

test('every error kind has both languages; the NHI codes technicians know are attached', (t) => {
  for (const kind of Object.keys(cardMessages) as CardErrorKind[]) {
    const error = new CardError(kind, {});
    t.notRegex(error.text('zh-TW'), /\{\w+\}/, `${kind} zh-TW has no raw placeholder`);
    t.notRegex(error.text('en'), /\{\w+\}/, `${kind} en has no raw placeholder`);
  }
  const codes: [CardErrorKind, number][] = [
    ['reader-timeout', 4000],
    ['patient-card-missing', 4013],
    ['staff-card-missing', 4014],
    ['staff-pin-not-verified', 4042],
    ['pin-blocked', 9043],
    ['sam-missing', 9200],
  ];
  for (const [kind, code] of codes) t.is(new CardError(kind).nhiCode, code);
  t.is(new CardError('pin-wrong', { triesLeft: 2 }).bilingual(), '[9039] 密碼錯誤，尚可再試 2 次 / wrong PIN, 2 tries left');
});
