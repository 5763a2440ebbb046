// `yaoli cache info|purge|rotate-key [--db PATH] [--key PATH]`: the technician's view of the
// local cache. Exit 0 on success, 1 on a cache error (bilingual message), 2 on bad arguments.
import { parseArgs } from 'node:util';
import { bothLanguages } from '../i18n/index.ts';
import type { Cache } from '../core/cache/index.ts';
import { cliMessages as m } from './cache/messages.ts';
import { EXIT_OK, failWith, fileMode, humanBytes, line, openForCli, pathOptions, resolvePaths, taipeiTime, usageError } from './cache/shared.ts';
import { argsFacts } from './args-problem.ts';

function info(cache: Cache, keyFile: string, json: boolean): void {
  const stats = cache.stats();
  const integrity = cache.integrity();
  const ttl = cache.settings.get('cacheTtlDays');
  if (json) {
    const out = { ...stats, integrity, ttlDays: ttl, keyFile: { path: keyFile, mode: fileMode(keyFile) } };
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const when = (at: Date | null) => (at ? `${taipeiTime(at)} (Asia/Taipei)` : bothLanguages(m['info.none']));
  console.log(bothLanguages(m['info.title']));
  console.log(
    [
      line(m['info.file'], stats.path),
      line(m['info.size'], humanBytes(stats.bytes)),
      line(m['info.patients'], stats.patients),
      line(m['info.snapshots'], stats.snapshots),
      line(m['info.oldest'], when(stats.oldestSnapshot)),
      line(m['info.newest'], when(stats.newestSnapshot)),
      line(m['info.ttl'], ttl),
      line(m['info.integrity'], integrity.join('; ')),
      line(m['info.schema'], stats.schemaVersion),
      line(m['info.audit'], stats.auditRows),
      line(m['info.staff'], stats.staff),
      line(m['info.key'], `${keyFile} (${fileMode(keyFile)})`),
    ].join('\n'),
  );
}

export async function run(argv: string[], clock: () => Date = () => new Date()): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(`${m['cache.usage']['zh-TW']}\n\n${m['cache.usage'].en}`);
    return sub === undefined ? 2 : EXIT_OK;
  }
  if (!['info', 'purge', 'rotate-key'].includes(sub)) return usageError(m['error.subcommand'], { name: sub }, m['cache.usage']);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { ...pathOptions, json: { type: 'boolean', default: false }, 'older-than': { type: 'string' }, all: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageError(m['error.args'], argsFacts(error), m['cache.usage']);
  }
  const olderThan = values['older-than'];
  const days = olderThan === undefined ? undefined : Number(olderThan);
  if (days !== undefined && (!/^\d+(\.\d+)?$/.test(olderThan ?? '') || !Number.isFinite(days))) {
    return usageError(m['error.days'], { value: olderThan }, m['cache.usage']);
  }
  if (days !== undefined && values.all) return usageError(m['error.both'], {}, m['cache.usage']);

  let cache: Cache | undefined;
  try {
    const paths = resolvePaths(values);
    // info only looks; purge and rotate-key are explicit about what they remove.
    cache = openForCli(paths, clock, false).cache;
    if (sub === 'info') {
      info(cache, paths.keyFile, values.json);
    } else if (sub === 'purge') {
      const result = values.all ? cache.purgeAll() : cache.purgeOlderThan(days ?? cache.settings.get('cacheTtlDays'));
      cache.audit.append({ action: values.all ? 'cache-purge-all' : 'cache-purge', outcome: 'ok' });
      console.log(bothLanguages(m.purged, { ...result }));
    } else {
      const result = cache.rotateKey();
      console.log(bothLanguages(m.rotated, { patients: result.patients, snapshots: result.snapshots, staff: result.staff, auditRows: result.auditRows }));
      const dropped = result.dropped;
      if (dropped.patients + dropped.snapshots + dropped.staff > 0) console.log(bothLanguages(m['rotated.dropped'], { ...dropped }));
    }
    return EXIT_OK;
  } catch (error) {
    return failWith(error);
  } finally {
    cache?.close();
  }
}
