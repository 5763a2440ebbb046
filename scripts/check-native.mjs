// npm may skip or warn about install scripts; prove each native addon really loads.
// better-sqlite3 is required; pcsclite is optional at run time but CI installs libpcsclite,
// so there it must load too (YAOLI_PCSC_OPTIONAL=1 relaxes that for machines without it).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let failed = false;

try {
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  const row = db.prepare('select sqlite_version() as v').get();
  db.close();
  console.log(`better-sqlite3 ok (SQLite ${row.v})`);
} catch (error) {
  console.error(`better-sqlite3 FAILED to load: ${error.message}`);
  failed = true;
}

try {
  require.resolve('pcsclite');
  const build = require('pcsclite/package.json');
  // Loading the binding proves the .node file exists; constructing needs pcscd, not tested here.
  require('bindings')({ bindings: 'pcsclite', module_root: require.resolve('pcsclite').replace(/\/lib\/.*$|\/index\.js$/, '') });
  console.log(`pcsclite ok (${build.version})`);
} catch (error) {
  const message = `pcsclite binding did not load: ${error.message}`;
  if (process.env.YAOLI_PCSC_OPTIONAL === '1') console.warn(`WARN ${message}`);
  else {
    console.error(`FAILED ${message}`);
    failed = true;
  }
}

process.exit(failed ? 1 : 0);
