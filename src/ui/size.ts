// Terminal size with live resize (Ink 6 has no useWindowSize). The kiosk needs 80x24;
// the root frame stays one row short of the screen (Ink 6 clears the whole terminal on
// every render when a frame is as tall as the screen: flicker, ink#450).
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface TerminalSize {
  columns: number;
  rows: number;
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || MIN_COLUMNS, rows: stdout.rows || MIN_ROWS });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
