// Frames as a person sees them: no colour or style escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function plain(frame: string): string {
  return frame.replace(ANSI, '');
}
