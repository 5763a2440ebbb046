// The cloud SAM file (雲端安全模組檔), yaoli's format. NHI's convention (research §1.7): one
// file named `<hospId 10 digits><samId 12 digits>.SAM` alone in its folder (C:\NHI\SAM\COMX1
// on Windows), usable only on the computer it was first registered on. Our file is JSON:
//   { "format": "yaoli-sam/1", "hospId": "5900000001", "samId": "000000000001",
//     "environment": "production" | "test", "privateKey": "<PKCS#8 DER, base64>",
//     "boundTo": null | { "machine": "<sha256 hex>", "at": "<ISO instant>" } }
// On first load `boundTo` is filled with this machine's fingerprint (./machine.ts) and the
// file is rewritten; later loads on another machine fail with 9202.
import { createPrivateKey, createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { CardError } from './errors.ts';
import { machineFingerprint } from './machine.ts';
import type { Sam } from './sam.ts';

export const SAM_FILE_FORMAT = 'yaoli-sam/1';

/** NHI's folder on Windows; a per-user folder elsewhere (the lead's config may override it). */
export const DEFAULT_SAM_FOLDER = process.platform === 'win32' ? 'C:\\NHI\\SAM\\COMX1' : join(homedir(), '.yaoli', 'sam');

const NAME = /^(\d{10})(\d{12})\.SAM$/i;

const samFileSchema = z.object({
  format: z.literal(SAM_FILE_FORMAT),
  hospId: z.string().regex(/^\d{10}$/),
  samId: z.string().regex(/^\d{12}$/),
  environment: z.enum(['production', 'test']),
  privateKey: z.string().min(1),
  boundTo: z.object({ machine: z.string().regex(/^[0-9a-f]{64}$/), at: z.string() }).nullable(),
});

export type SamFileContents = z.infer<typeof samFileSchema>;

export interface LoadSamOptions {
  /** This machine's fingerprint (tests inject one); default machineFingerprint(). */
  machine?: string;
  clock?: () => Date;
  /** 9203 when the file's environment is not the configured one. */
  expectEnvironment?: 'production' | 'test';
}

export interface LoadedSam extends Sam {
  source: 'file';
  file: string;
  environment: 'production' | 'test';
  /** True when this load registered the file to this machine. */
  boundNow: boolean;
}

export function samFileName(hospId: string, samId: string): string {
  return `${hospId}${samId}.SAM`;
}

/** The one .SAM file name in `folder`; CardError 9200 when there is none or more than one. */
export async function findSamFile(folder: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new CardError('sam-missing', { folder });
  }
  const sams = names.filter((n) => n.toUpperCase().endsWith('.SAM'));
  if (sams.length === 0) throw new CardError('sam-missing', { folder });
  if (sams.length > 1) throw new CardError('sam-several', { folder, count: sams.length });
  return sams[0] as string;
}

/** Checks a SAM file's name and JSON without binding it (yaoli doctor); CardError 9201 when malformed. */
export function parseContents(name: string, text: string): { contents: SamFileContents; key: KeyObject } {
  const malformed = (detail: string): CardError => new CardError('sam-malformed', { file: name, detail });
  const match = NAME.exec(name);
  if (!match) throw malformed('name is not <10-digit hospital code><12-digit SAM id>.SAM');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed('not JSON');
  }
  const parsed = samFileSchema.safeParse(json);
  if (!parsed.success) throw malformed(`field ${parsed.error.issues[0]?.path.join('.') || '(root)'} invalid`);
  const contents = parsed.data;
  if (contents.hospId !== match[1] || contents.samId !== match[2]) throw malformed('file name and contents name different SAMs');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(contents.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw malformed('private key is not PKCS#8 DER');
  }
  if (key.asymmetricKeyType !== 'ec') throw malformed('private key is not an EC key');
  return { contents, key };
}

/** Loads the one SAM file in `folder`, binding it to this machine on first use. */
export async function loadSamFile(folder: string, options: LoadSamOptions = {}): Promise<LoadedSam> {
  const name = await findSamFile(folder);
  const file = join(folder, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CardError('sam-malformed', { file: name, detail: 'cannot be read' }, { cause: error });
  }
  const { contents, key } = parseContents(name, text);
  if (options.expectEnvironment && options.expectEnvironment !== contents.environment) {
    throw new CardError('sam-environment-mixed', { found: contents.environment, expected: options.expectEnvironment });
  }
  const machine = options.machine ?? machineFingerprint();
  let boundNow = false;
  if (contents.boundTo === null) {
    const at = (options.clock ?? (() => new Date()))().toISOString();
    await writeSamFile(folder, { ...contents, boundTo: { machine, at } });
    boundNow = true;
  } else if (contents.boundTo.machine !== machine) {
    throw new CardError('sam-other-machine');
  }
  return {
    source: 'file',
    file,
    hospId: contents.hospId,
    samId: contents.samId,
    environment: contents.environment,
    boundNow,
    publicKeyDer: createPublicKey(key).export({ type: 'spki', format: 'der' }),
    async sign(message) {
      return cryptoSign('sha256', message, key);
    },
  };
}

/** Writes (or rewrites) the SAM file atomically: a temp name that is not *.SAM, then rename. */
export async function writeSamFile(folder: string, contents: SamFileContents): Promise<string> {
  const file = join(folder, samFileName(contents.hospId, contents.samId));
  const temp = join(folder, `.${samFileName(contents.hospId, contents.samId)}.${process.pid}.tmp`);
  await writeFile(temp, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
  return file;
}
