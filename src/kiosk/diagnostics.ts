// The diagnostics overlay runs the same probes as `yaoli doctor`, on the kiosk's own hub,
// and shows each as pass / fail / other with its detail and fix hint in the screen language.
import type { Lang } from '../i18n/index.ts';
import { runDiagnostics } from '../device/diagnostics/index.ts';
import type { ReaderHub } from '../device/types.ts';
import type { Diagnostics } from '../ui/ports.ts';

export function kioskDiagnostics(options: { hub: ReaderHub; cloudUrl: string | null; cacheDb: string; samFolder: string | null }): Diagnostics {
  return {
    async run(lang: Lang) {
      const report = await runDiagnostics({
        hub: options.hub,
        setup: { cloudUrl: options.cloudUrl, cacheDb: options.cacheDb, ...(options.samFolder ? { samDir: options.samFolder } : {}) },
      });
      return report.checks.map((check) => ({
        id: check.id,
        label: check.title[lang],
        ok: check.status === 'PASS' ? true : check.status === 'FAIL' ? false : null,
        detail: [check.nhiCode ? `[${check.nhiCode}]` : '', check.detail[lang], check.hint[lang]].filter(Boolean).join(' '),
      }));
    },
  };
}
