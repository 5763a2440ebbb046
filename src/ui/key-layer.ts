// How a screen takes part in the app's single key dispatcher: it registers the scopes it
// adds (table, text entry, consent…) and a handler for their commands and typed text.
// The app owns the listener; screens never call useInput themselves. Overlays register
// with a higher priority so a hidden screen underneath keeps its layer but not the keys.
import { createContext, useContext, useEffect } from 'react';
import type { CommandId, Scope } from './keymap.ts';

export interface KeyLayer {
  scopes: readonly Scope[];
  /** Returns true when the screen handled the command (e.g. Esc closed its filter). */
  onCommand(command: CommandId): boolean;
  onText?(text: string): void;
  /** Overlays use 10; screens 0 (the default). */
  priority?: number;
  /** The scopes as of the latest key (they may change before the next render). */
  liveScopes?(): readonly Scope[];
}

export type RegisterLayer = (layer: KeyLayer) => () => void;

export const KeyLayerContext = createContext<RegisterLayer>(() => () => undefined);

/** Register while mounted; pass a memoised layer so the registration is stable. */
export function useKeyLayer(layer: KeyLayer | null): void {
  const register = useContext(KeyLayerContext);
  useEffect(() => (layer ? register(layer) : undefined), [register, layer]);
}

/** The layer that gets the keys: highest priority, latest registered among equals. */
export function topLayer(layers: readonly KeyLayer[]): KeyLayer | null {
  let top: KeyLayer | null = null;
  for (const layer of layers) if (!top || (layer.priority ?? 0) >= (top.priority ?? 0)) top = layer;
  return top;
}
