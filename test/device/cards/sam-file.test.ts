// The cloud SAM file on a real temp folder: exactly one <hospId><samId>.SAM, readable JSON,
// bound to the first machine that loads it; each failure carries the NHI 92xx code.
import test from 'ava';
import { createVerify } from 'node:crypto';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDeck } from '../../../src/demo/deck.ts';
import { demoKeyPair } from '../../../src/demo/keys.ts';
import { CardError } from '../../../src/device/cards/errors.ts';
import { loadSamFile, samFileName } from '../../../src/device/cards/sam-file.ts';
import { samSign } from '../../../src/device/cards/sam.ts';
import { demoSamFileContents, writeDemoSamFile } from '../../../src/device/virtual/demo-sam.ts';

const MACHINE_A = 'a'.repeat(64);
const MACHINE_B = 'b'.repeat(64);
const clock = (): Date => new Date('2026-11-23T01:02:03Z');

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'yaoli-sam-'));
}

async function failure(promise: Promise<unknown>): Promise<CardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError');
}

test('sam-init writes the deck home SAM; the first load binds it, signatures verify with the demo key', async (t) => {
  const dir = await folder();
  const { file } = await writeDemoSamFile(dir);
  const deck = demoDeck();
  t.is(file, join(dir, samFileName(deck.home.id, deck.samId)));
  const sam = await loadSamFile(dir, { machine: MACHINE_A, clock });
  t.is(sam.hospId, deck.home.id);
  t.is(sam.samId, deck.samId);
  t.true(sam.boundNow);
  const stored = JSON.parse(await readFile(file, 'utf8')) as { boundTo: { machine: string; at: string } };
  t.deepEqual(stored.boundTo, { machine: MACHINE_A, at: '2026-11-23T01:02:03.000Z' });
  t.deepEqual(await readdir(dir), [samFileName(deck.home.id, deck.samId)], 'no temp file left behind');

  const message = new TextEncoder().encode(`${'0'.repeat(64)}|${deck.home.id}|A123456789|B123456789`);
  const signature = await samSign(sam, message);
  const verifier = createVerify('sha256').update(message);
  t.true(verifier.verify(demoKeyPair(deck.seed, `sam:${deck.samId}`).publicKey, Buffer.from(signature)));

  const again = await loadSamFile(dir, { machine: MACHINE_A, clock });
  t.false(again.boundNow);
});

test('9202: a SAM file bound to another machine is refused', async (t) => {
  const dir = await folder();
  await writeDemoSamFile(dir);
  await loadSamFile(dir, { machine: MACHINE_A, clock });
  const error = await failure(loadSamFile(dir, { machine: MACHINE_B, clock }));
  t.is(error.kind, 'sam-other-machine');
  t.is(error.nhiCode, 9202);
});

test('9200: missing folder, empty folder, two SAM files', async (t) => {
  const missing = await failure(loadSamFile(join(tmpdir(), 'yaoli-no-such-folder-D'), { machine: MACHINE_A }));
  t.is(missing.nhiCode, 9200);
  const empty = await failure(loadSamFile(await folder(), { machine: MACHINE_A }));
  t.is(empty.kind, 'sam-missing');
  const dir = await folder();
  await writeDemoSamFile(dir);
  await writeFile(join(dir, '5900000000000000000001.SAM'), '{}');
  const several = await failure(loadSamFile(dir, { machine: MACHINE_A }));
  t.is(several.kind, 'sam-several');
  t.is(several.nhiCode, 9200);
  t.regex(several.bilingual(), /2/);
});

test('9201: not JSON, wrong field, name/contents mismatch, bad key, bad file name', async (t) => {
  const contents = demoSamFileContents();
  const name = samFileName(contents.hospId, contents.samId);
  const variants: [string, string][] = [
    [name, 'not json {'],
    [name, JSON.stringify({ ...contents, samId: '12' })],
    [samFileName(contents.hospId, '999999999999'), JSON.stringify(contents)],
    [name, JSON.stringify({ ...contents, privateKey: 'AAAA' })],
    ['sam.SAM', JSON.stringify(contents)],
  ];
  for (const [file, text] of variants) {
    const dir = await folder();
    await writeFile(join(dir, file), text);
    const error = await failure(loadSamFile(dir, { machine: MACHINE_A }));
    t.is(error.kind, 'sam-malformed', file);
    t.is(error.nhiCode, 9201);
  }
});

test('9203: production and test mixed', async (t) => {
  const dir = await folder();
  await writeDemoSamFile(dir);
  const error = await failure(loadSamFile(dir, { machine: MACHINE_A, expectEnvironment: 'production' }));
  t.is(error.nhiCode, 9203);
});

test('sam-init refuses to add a second SAM file unless forced', async (t) => {
  const dir = await folder();
  await writeFile(join(dir, '5900000000000000000001.SAM'), '{}');
  await t.throwsAsync(writeDemoSamFile(dir));
  const { replaced } = await writeDemoSamFile(dir, { force: true });
  t.deepEqual(replaced, ['5900000000000000000001.SAM']);
  t.is((await readdir(dir)).length, 1);
});
