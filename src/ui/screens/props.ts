// What every screen gets: the session state, the language, the size, today, and the one
// way to act — sending an event to the session.
import type { Lang } from '../../i18n/index.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import type { SessionInput } from '../../core/session/store.ts';
import type { SessionState } from '../../core/session/types.ts';
import type { TerminalSize } from '../size.ts';

export interface ScreenProps {
  state: SessionState;
  lang: Lang;
  size: TerminalSize;
  today: IsoDate;
  send(input: SessionInput): void;
}
