// The app's single keyboard listener (gemini-cli's KeypressContext idea, one subscriber):
// raw key sequences from Ink's stdin emitter, parsed by ./keypress.ts. The handler is held
// in a ref, so re-renders never re-subscribe (Ink 6 useInput re-subscribes on every new
// handler identity).
import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import { parseKeypress, splitKeySequences, type Keypress } from './keypress.ts';

export function useKeypress(handler: (key: Keypress) => void, active = true): void {
  const { internal_eventEmitter: emitter, setRawMode, isRawModeSupported } = useStdin();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!active || !isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, isRawModeSupported, setRawMode]);
  useEffect(() => {
    if (!active) return;
    const listener = (chunk: string) => {
      for (const sequence of splitKeySequences(chunk)) latest.current(parseKeypress(sequence));
    };
    emitter.on('input', listener);
    return () => {
      emitter.off('input', listener);
    };
  }, [active, emitter]);
}
