// argv → one subcommand. With no subcommand yaoli starts the kiosk (once it exists).
import { commands } from './commands/registry.ts';
import { forgetCiEnvironment } from './kiosk/terminal.ts';

const VERSION = '0.1.0';

function usage(): string {
  const lines = [
    'yaoli 藥歷 — 雲端藥歷查詢 kiosk / MediCloud medication-history kiosk',
    '',
    'usage: yaoli <command> [options]   (yaoli <command> --help for its options)',
    '',
  ];
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const command of commands) {
    lines.push(`  ${command.name.padEnd(width)}  ${command.summary['zh-TW']}`);
    lines.push(`  ${''.padEnd(width)}  ${command.summary.en}`);
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(VERSION);
    return 0;
  }
  const wantsHelp = name === '--help' || name === '-h' || name === 'help';
  // No subcommand, or the kiosk's own options first (`yaoli --demo`): the kiosk, with all of argv.
  const bare = name === undefined || name.startsWith('-');
  const entry = wantsHelp ? undefined : bare ? commands.find((c) => c.name === 'kiosk') : commands.find((c) => c.name === name);
  if (!entry) {
    console.log(usage());
    if (wantsHelp) return 0;
    console.error(`\n未知的指令 unknown command: ${name}`);
    return 2;
  }
  // The kiosk is an interactive screen even where CI is set (Ink reads it when first loaded).
  if (entry.name === 'kiosk') forgetCiEnvironment();
  return (await entry.load()).run(bare ? argv : rest);
}

// A reader that stops early (`yaoli analyze … | head`) closes the pipe; the rest of the output
// has nowhere to go, which is not an error of yaoli's. It was an unhandled EPIPE and exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
