// The bundle file as a pharmacist may have saved it: UTF-8 with or without a BOM, or UTF-16
// from Windows Notepad's "Unicode" (either byte order).
import test from 'ava';
import { bundleText } from '../../src/commands/analyze.ts';

const TEXT = '{"patient":{"name":"範例丙"}}';

test('UTF-8, with or without its BOM, reads as the text', (t) => {
  t.is(bundleText(Buffer.from(TEXT)), TEXT);
  t.is(bundleText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])), TEXT);
});

test('UTF-16 little- and big-endian with a byte-order mark read as the same text', (t) => {
  const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
  t.is(bundleText(little), TEXT);
  const big = Buffer.from(TEXT, 'utf16le').swap16();
  t.is(bundleText(Buffer.concat([Buffer.from([0xfe, 0xff]), big])), TEXT);
});

// From a fuzz of the command: Notepad's "ANSI" on zh-TW Windows saves Big5, which decoded as
// UTF-8 gave garbled names and a wrongly split combination, with exit 0.
test('bytes that are not valid UTF-8 (a Big5 save), or odd-length UTF-16, are no text', (t) => {
  const big5 = Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xbd, 0x64, 0xa8, 0xd2, 0x22, 0x7d]); // {"n":"範例"} in Big5
  t.is(bundleText(big5), null);
  t.is(bundleText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le'), Buffer.from([0x41])])), null);
});
