// Checklist: the alert list puts critical first, keeps the rules' order within a severity,
// and every alert key the domain uses has both languages.
import test from 'ava';
import fc from 'fast-check';
import { countBySeverity, SEVERITY_ORDER, sortAlerts } from '../../../src/core/domain/alerts.ts';
import { alertMessages } from '../../../src/core/domain/messages.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/domain/settings.ts';
import type { Alert } from '../../../src/core/domain/types.ts';

const alert = (severity: Alert['severity'], key: string): Alert => ({ severity, key, facts: {} });

test('critical → warning → info, stable within a severity', (t) => {
  const input = [alert('info', 'i1'), alert('warning', 'w1'), alert('critical', 'c1'), alert('info', 'i2'), alert('critical', 'c2'), alert('warning', 'w2')];
  t.deepEqual(sortAlerts(input).map((a) => a.key), ['c1', 'c2', 'w1', 'w2', 'i1', 'i2']);
  t.is(input[0]?.key, 'i1', 'input is not mutated');
  t.true(SEVERITY_ORDER.critical < SEVERITY_ORDER.warning && SEVERITY_ORDER.warning < SEVERITY_ORDER.info);
  t.deepEqual(countBySeverity(input), { critical: 2, warning: 2, info: 2 });
});

test('the one-pass order equals a stable sort by severity, for any list; an unknown severity goes last', (t) => {
  const severities = ['critical', 'warning', 'info'] as const;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...severities), { maxLength: 60 }), (list) => {
      const input = list.map((severity, i) => alert(severity, String(i)));
      const expected = [...input].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      t.deepEqual(sortAlerts(input), expected);
    }),
  );
  const odd = alert('urgent' as Alert['severity'], 'odd');
  t.deepEqual(sortAlerts([odd, alert('info', 'i'), alert('critical', 'c')]).map((a) => a.key), ['c', 'i', 'odd']);
});

test('every message has zh-TW and English text with the same placeholders', (t) => {
  for (const [key, entry] of Object.entries(alertMessages) as [string, { 'zh-TW': string; en: string }][]) {
    t.true(entry['zh-TW'].length > 0 && entry.en.length > 0, key);
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]?.replace(/(Zh|En)$/, '')).sort();
    t.deepEqual(names(entry['zh-TW']), names(entry.en), key);
  }
});

test('defaults are NHI\'s numbers', (t) => {
  t.is(DEFAULT_SETTINGS.duplicateThresholdDays, 10);
  t.is(DEFAULT_SETTINGS.refill.windowDays, 10);
  t.is(DEFAULT_SETTINGS.elderlyAge, 65);
  t.is(DEFAULT_SETTINGS.careListMonths, 6);
  t.is(DEFAULT_SETTINGS.shortCourseDays, 3);
  t.true(DEFAULT_SETTINGS.equivalenceSets.length > 0);
});
