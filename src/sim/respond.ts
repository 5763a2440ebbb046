// Writing answers, with the faults that corrupt them: malformed bodies (valid JSON, wrong
// shape) and truncated ones (the real bytes cut in half, a JSON syntax error for the client).
import type { ServerResponse } from 'node:http';
import type { ActiveFault } from './faults.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown, fault?: ActiveFault): void {
  let bytes = Buffer.from(JSON.stringify(body), 'utf8');
  if (fault?.truncated && status < 400) bytes = bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  res.end(bytes);
}

/** Parses as JSON, but not as the endpoint's shape: what a maintenance page proxied as JSON looks like. */
export function malformedBody(log2time: string): unknown {
  return { log2time, robject: { message: '系統維護中，請稍後再試', rows: 'N/A' }, chrDataN: 'N/A' };
}

export function readBody(req: import('node:http').IncomingMessage, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Asia/Taipei wall time 'yyyy-MM-ddTHH:mm:ss' of an instant (the cloud's own clock for log2time). */
export function taipeiTimestamp(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
}
