// The demo cloud SAM file for the deck's home pharmacy: the key is demoKeyPair(seed,
// 'sam:<samId>'), the one the simulator has registered, and the file starts unbound so the
// first machine that loads it becomes its machine (as with a real SAM file).
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_DEMO_SEED } from '../../demo/deck.ts';
import { demoKeyPair } from '../../demo/keys.ts';
import { SAM_FILE_FORMAT, writeSamFile, type SamFileContents } from '../cards/sam-file.ts';
import { deckFor } from './deck-cards.ts';

export function demoSamFileContents(seed: number = DEFAULT_DEMO_SEED): SamFileContents {
  const deck = deckFor(seed);
  const keys = demoKeyPair(seed, `sam:${deck.samId}`);
  return {
    format: SAM_FILE_FORMAT,
    hospId: deck.home.id,
    samId: deck.samId,
    environment: 'test',
    privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    boundTo: null,
  };
}

/** Writes the demo SAM file into `folder` (created if missing); refuses to add a second .SAM file. */
export async function writeDemoSamFile(folder: string, options: { seed?: number; force?: boolean } = {}): Promise<{ file: string; replaced: string[] }> {
  await mkdir(folder, { recursive: true });
  const existing = (await readdir(folder)).filter((n) => n.toUpperCase().endsWith('.SAM'));
  const contents = demoSamFileContents(options.seed);
  const ours = `${contents.hospId}${contents.samId}.SAM`;
  const others = existing.filter((n) => n !== ours);
  if (others.length > 0 && !options.force) {
    throw new Error(`folder already holds ${others.join(', ')}; the SAM folder must hold exactly one file (use --force to keep only the demo file)`);
  }
  if (options.force) {
    for (const name of others) await rm(join(folder, name));
  }
  return { file: await writeSamFile(folder, contents), replaced: options.force ? others : [] };
}
