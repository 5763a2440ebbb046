// The network probes open one socket, wait for a single event (TCP 'connect', TLS
// 'secureConnect') and close it again. The waiting and the cleanup are the same for both: the
// socket is destroyed on every path, and the runner's abort (its timeout) ends the wait.
import type { Socket } from 'node:net';

/**
 * Resolves with `read()` when `socket` emits `event`; rejects with the socket's 'error' or the
 * signal's reason. Either way the socket is destroyed and the abort listener removed.
 */
export function awaitSocketEvent<T>(socket: Socket, event: string, signal: AbortSignal, read: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
    };
    const onAbort = (): void => {
      finish();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once(event, () => {
      // Read before destroying: the TLS peer certificate is gone once the socket is.
      const result = read();
      finish();
      resolve(result);
    });
    socket.once('error', (error) => {
      finish();
      reject(error);
    });
  });
}
