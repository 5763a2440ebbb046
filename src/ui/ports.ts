// What the screens may ask of the world outside the session, as plain interfaces the
// kiosk wiring (src/kiosk) implements: the demo card tray and the diagnostics checks.
export interface TrayCard {
  /** Deck handle: 'S01', 'P001'. */
  id: string;
  kind: 'staff' | 'patient';
  /** Name and what the card is for ('藥師 · 管理者', 'chronic-elderly'). */
  label: string;
  /** The demo PIN printed on the tray so a newcomer can log in. */
  pin: string | null;
  inserted: boolean;
}

export interface DemoTray {
  cards(): TrayCard[];
  /** Insert the card into its reader, or take it out if it is in. */
  toggle(id: string): void;
}

export interface DiagnosticCheck {
  id: string;
  label: string;
  ok: boolean | null;
  detail: string;
}

export interface Diagnostics {
  run(lang: 'zh-TW' | 'en'): Promise<DiagnosticCheck[]>;
}
