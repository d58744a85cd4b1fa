import type { SuggestionView } from '../../../db/queries/suggestions.ts'
import type { Account } from '../../../server/domain/account.ts'

/**
 * The street office's and the lead deputy's steps on a submitted suggestion (accept, return,
 * assign, units' replies, the deputy's verdict) and the replies so far (issue 18 item 4).
 * PLACEHOLDER by the lead: helper C implements it (stable id `suggestion-handling`).
 */
export function HandlingPanel(_props: { suggestion: SuggestionView; account: Account; today: string }) {
  return <section id="suggestion-handling" />
}
