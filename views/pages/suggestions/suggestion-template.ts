import type { SuggestionKind } from '../../../db/enums.ts'
import type { T } from '../../i18n/index.ts'

export type SuggestionTemplate = {
  title: string
  problem: string
  causes: string
  actions: { text: string; actor: string }[]
}

/**
 * The template of a kind of suggestion, in the reader's language (issue 18 item 3).
 * PLACEHOLDER by the lead: helper Q writes the five templates.
 */
export function suggestionTemplate(_t: T, _kind: SuggestionKind): SuggestionTemplate {
  return { title: '', problem: '', causes: '', actions: [] }
}
