// What node:util parseArgs refused, said in both languages. Its own message is English only
// and names the option in its own notation ("Option '-i, --input <value>' argument missing"),
// which a zh-TW reader got inside a zh-TW sentence. Every command's bad-arguments line is made here.
import { bothLanguages, type Bilingual } from '../i18n/index.ts';

/** The bad-arguments line; `{detail}` is the zh-TW reading of the problem, `{detailEn}` the English. */
export const BAD_ARGUMENTS: Bilingual = { 'zh-TW': '參數錯誤：{detail}', en: 'bad arguments: {detailEn}' };

export interface ArgsFacts {
  [name: string]: string;
  detail: string;
  detailEn: string;
}

/** The first '…'-quoted text of parseArgs' message, and of it the long option when it names one ('-i, --input <value>' → --input). */
function optionIn(message: string): string {
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  return /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
}

/** The facts of BAD_ARGUMENTS for what parseArgs threw; an error of another kind keeps its own message in both. */
export function argsFacts(error: unknown): ArgsFacts {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const option = optionIn(message);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { detail: `不認得的選項 ${option}`, detailEn: `unknown option ${option}` };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { detail: `多餘的參數 ${option}（選項須以 -- 開頭）`, detailEn: `unexpected argument ${option} (options start with --)` };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // A value given to a switch; none given to an option that takes one; or the next option where its value should be.
      if (/does not take an argument/.test(message)) return { detail: `選項 ${option} 不接受值`, detailEn: `option ${option} takes no value` };
      if (/ambiguous/.test(message)) {
        return { detail: `選項 ${option} 缺少值（以 - 開頭的值請寫成 ${option}=-值）`, detailEn: `option ${option} needs a value (write one starting with - as ${option}=-value)` };
      }
      return { detail: `選項 ${option} 缺少值`, detailEn: `option ${option} needs a value` };
    default:
      return { detail: message, detailEn: message };
  }
}

/** The whole line in both languages (bothLanguages' form). */
export function badArguments(error: unknown): string {
  return bothLanguages(BAD_ARGUMENTS, argsFacts(error));
}
