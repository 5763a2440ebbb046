// Where the kiosk's SAM comes from: the embedded demo uses the deck's virtual SAM card; a
// real set-up reads the cloud SAM file, or a SAM card when one is inserted in a reader.
import { openSamCard, type Sam } from '../device/cards/sam.ts';
import { loadSamFile } from '../device/cards/sam-file.ts';
import { createDeckCard, SAM_DECK_ID } from '../device/virtual/deck-cards.ts';
import type { ReaderHub } from '../device/types.ts';
import { serialSigner } from '../core/cloud/index.ts';
import type { SamSigner } from './lookup-service.ts';

function signerOf(sam: Sam): SamSigner {
  return { hospId: sam.hospId, samId: sam.samId, signer: serialSigner(sam) };
}

export async function demoSam(seed: number): Promise<SamSigner> {
  const card = createDeckCard(SAM_DECK_ID, seed);
  if (!card) throw new Error('the demo deck has no SAM');
  card.powerOn();
  return signerOf(await openSamCard({ transmit: async (apdu) => card.transmit(apdu) }));
}

export async function fileSam(folder: string): Promise<SamSigner> {
  return signerOf(await loadSamFile(folder));
}

/** Opens a SAM card as soon as one shows up in any reader. */
export function watchSamCards(hub: ReaderHub, onSam: (sam: SamSigner) => void, onError: (error: Error) => void): () => void {
  const open = (reader: string) =>
    hub
      .connect(reader)
      .then(openSamCard)
      .then((sam) => onSam(signerOf(sam)))
      .catch((error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
  for (const { reader, card } of hub.readers()) if (card?.kind === 'sam') void open(reader);
  return hub.subscribe((event) => {
    if (event.type === 'card-inserted' && event.kind === 'sam') void open(event.reader);
  });
}
