// `yaoli sim`: run the MediCloud simulator on its own (training rooms, a second terminal
// during development). Prints where it listens and the demo deck's first cards; Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/domain/dates.ts';
import { maskNationalId } from '../core/domain/national-id.ts';
import { DEFAULT_DEMO_SEED } from '../demo/deck.ts';
import { startSimulator } from '../sim/server.ts';
import { badArguments } from './args-problem.ts';

const HELP = `yaoli sim [--port N] [--seed S] [--today YYYY-MM-DD] [--host H]

  啟動健保雲端模擬器（合成資料）/ start the MediCloud simulator (synthetic data)
  --port   連接埠，預設 0 = 任一空閒埠 / port, default 0 = any free port
  --seed   示範卡組種子 / demo deck seed (default ${DEFAULT_DEMO_SEED})
  --today  資料集的「今天」/ the data set's "today" (default: today in Asia/Taipei)
  --host   監聽位址 / listen address (default 127.0.0.1)`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '0' },
        seed: { type: 'string', default: String(DEFAULT_DEMO_SEED) },
        today: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${badArguments(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port 必須是 0–65535 / --port must be 0–65535: ${values.port}`);
  if (!Number.isInteger(seed)) return usageError(`--seed 必須是整數 / --seed must be an integer: ${values.seed}`);
  if (values.today !== undefined && !isIsoDate(values.today)) return usageError(`--today 必須是 YYYY-MM-DD / --today must be YYYY-MM-DD: ${values.today}`);

  let sim;
  try {
    sim = await startSimulator({ port, seed, host: values.host, today: values.today });
  } catch (error) {
    console.error(`模擬器無法啟動 / simulator could not start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  console.log(`健保雲端模擬器 MediCloud simulator: ${sim.url}`);
  console.log(`seed ${sim.seed}  today ${sim.today}  patients ${sim.deck.patients.length}  SAM ${sim.deck.samId} (${sim.deck.home.name} ${sim.deck.home.id})`);
  console.log('\n病人 patients:');
  for (const p of sim.deck.patients.slice(0, 9)) {
    const flags = [p.pin ? 'PIN' : '', p.pinBlocked ? 'PIN 鎖定 blocked' : ''].filter(Boolean).join(' ');
    console.log(`  ${p.deckId}  ${maskNationalId(p.nationalId)}  ${p.story}${flags ? `  ${flags}` : ''}`);
  }
  console.log('\n醫事人員 staff:');
  for (const s of sim.deck.staff) {
    console.log(`  ${s.deckId}  ${s.role}${s.admin ? ' admin' : ''}${s.authorized ? '' : '  未授權 NOT authorized (403)'}`);
  }
  console.log('\nCtrl-C 結束 / Ctrl-C to stop');

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sim.close();
  console.log('模擬器已關閉 / simulator stopped');
  return 0;
}

function usageError(message: string): number {
  console.error(`${message}\n\n${HELP}`);
  return 2;
}
