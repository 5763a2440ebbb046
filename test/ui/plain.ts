// Frames as a person sees them: no colour or style escapes.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function plain(frame: string): string {
  return frame.replace(ANSI, '');
}
