// `yaoli analyze` run in-process with its printing captured: the exit code and what went to
// standard output and standard error, for the tests that read the report or the message.
import { run } from '../../src/commands/analyze.ts';

export interface AnalyzeRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** run(argv, now, env) with console.log and console.error captured (and restored). */
export async function runAnalyze(argv: string[], now?: () => Date, env?: NodeJS.ProcessEnv): Promise<AnalyzeRun> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (text: string) => out.push(text);
  console.error = (text: string) => err.push(text);
  try {
    const code = await run(argv, now, env);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    [console.log, console.error] = [log, error];
  }
}
