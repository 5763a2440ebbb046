// One command/response round trip over any CardChannel, with the two ISO 7816-3/-4 T=0
// conventions a real reader may surface: 61xx (fetch the answer with GET RESPONSE) and
// 6Cxx (repeat the command with the exact Le the card asked for).
import type { CardChannel } from '../types.ts';
import { decodeResponse, type ResponseApdu } from './apdu.ts';

const MAX_CHAINED = 16;

export async function exchange(channel: CardChannel, apdu: Uint8Array): Promise<ResponseApdu> {
  let response = decodeResponse(await channel.transmit(apdu));
  if (response.sw >> 8 === 0x6c && apdu.length >= 5) {
    const retry = Uint8Array.from(apdu);
    retry[retry.length - 1] = response.sw & 0xff;
    response = decodeResponse(await channel.transmit(retry));
  }
  const parts: Uint8Array[] = [response.data];
  for (let i = 0; response.sw >> 8 === 0x61 && i < MAX_CHAINED; i++) {
    response = decodeResponse(await channel.transmit(Uint8Array.from([0x00, 0xc0, 0x00, 0x00, response.sw & 0xff])));
    parts.push(response.data);
  }
  if (parts.length === 1) return response;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.length;
  }
  return { data, sw: response.sw };
}
