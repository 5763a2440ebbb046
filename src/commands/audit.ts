// `yaoli audit verify|tail [--db PATH] [--key PATH]`: check the audit log's hash chain
// (exit 0 intact, 1 broken) and show its last rows with IDs masked.
import { parseArgs } from 'node:util';
import { bothLanguages } from '../i18n/index.ts';
import type { AuditRow, Cache } from '../core/cache/index.ts';
import { cliMessages as m } from './cache/messages.ts';
import { EXIT_FAILED, EXIT_OK, failWith, openForCli, pathOptions, resolvePaths, taipeiTime, usageError } from './cache/shared.ts';
import { argsFacts } from './args-problem.ts';

/** One row per line; masked IDs only, and an emergency reason is flagged, not printed. */
export function formatAuditRow(row: AuditRow): string {
  const latency = Object.entries(row.latencies)
    .map(([endpoint, ms]) => `${endpoint}=${ms}ms`)
    .join(',');
  return [
    String(row.seq).padStart(6),
    taipeiTime(row.at),
    row.staffMasked ?? '-',
    row.staffRole ?? '-',
    row.patientMasked ?? '-',
    row.action,
    `consent=${row.consent}`,
    `outcome=${row.outcome}`,
    latency || '-',
    row.reason ? 'reason=yes' : '',
  ]
    .join('  ')
    .trimEnd();
}

function verify(cache: Cache, json: boolean): number {
  const result = cache.audit.verify();
  if (json) console.log(JSON.stringify(result));
  else if (result.ok) console.log(bothLanguages(m['verify.ok'], { rows: result.rows }));
  else console.log(bothLanguages(m['verify.broken'], { row: result.brokenAt ?? 0, reason: result.reason ?? '', rows: result.rows }));
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

export async function run(argv: string[], clock: () => Date = () => new Date()): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(`${m['audit.usage']['zh-TW']}\n\n${m['audit.usage'].en}`);
    return sub === undefined ? 2 : EXIT_OK;
  }
  if (sub !== 'verify' && sub !== 'tail') return usageError(m['error.subcommand'], { name: sub }, m['audit.usage']);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { ...pathOptions, json: { type: 'boolean', default: false }, n: { type: 'string', short: 'n' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageError(m['error.args'], argsFacts(error), m['audit.usage']);
  }
  const count = values.n === undefined ? 20 : Number(values.n);
  if (!Number.isInteger(count) || count < 1) return usageError(m['error.count'], { value: values.n }, m['audit.usage']);

  let cache: Cache | undefined;
  try {
    cache = openForCli(resolvePaths(values), clock, false).cache;
    if (sub === 'verify') return verify(cache, values.json);
    const rows = cache.audit.tail(count);
    if (values.json) {
      // The same masking as the text form: no sealed staff ID or reason leaves through --json.
      console.log(JSON.stringify(rows.map(({ staffId: _staffId, reason, ...row }) => ({ ...row, reason: reason !== null }))));
    } else if (rows.length === 0) console.log(bothLanguages(m['tail.empty']));
    else for (const row of rows) console.log(formatAuditRow(row));
    return EXIT_OK;
  } catch (error) {
    return failWith(error);
  } finally {
    cache?.close();
  }
}
