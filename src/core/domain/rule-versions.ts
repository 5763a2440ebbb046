// Which versions of the rule tables an analysis used, so an exported result or a printed
// report can say which tables produced it (the elderly rules, the Beers interactions, the DDD
// table): a newer table is a new version, not a silent change.
import type { Lang } from '../../i18n/index.ts';
import { BEERS_2019_EXAMPLES } from './elderly-rules.ts';
import { BEERS_2019_INTERACTIONS } from './elderly-interactions.ts';
import { DDD_TABLE_VERSION } from './ddd.ts';

export const RULE_VERSIONS = {
  elderly: { id: BEERS_2019_EXAMPLES.id, version: BEERS_2019_EXAMPLES.version },
  interactions: { id: BEERS_2019_INTERACTIONS.id, version: BEERS_2019_INTERACTIONS.version },
  ddd: DDD_TABLE_VERSION,
} as const;

/** One line naming the versions, for the end of a report. */
export function ruleVersionsText(lang: Lang): string {
  const { elderly, interactions, ddd } = RULE_VERSIONS;
  return lang === 'zh-TW'
    ? `規則版本：高齡用藥 ${elderly.version}、交互作用 ${interactions.version}、DDD ${ddd}`
    : `Rule versions: elderly ${elderly.version}, interactions ${interactions.version}, DDD ${ddd}`;
}
