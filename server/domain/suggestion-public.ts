import type { SuggestionEventAction, SuggestionStatus } from '../../db/enums.ts'
import { FILED_SUGGESTION_STATUSES, isEndedSuggestion } from './suggestion-lifecycle.ts'

/*
 * What the public sees of suggestions (issue 18 item 6): the filed ones, grouped for a resident
 * as "being handled", "replied" and "closed", with each unit's reply on time or late and the
 * steps of the timeline that are public (no notes, nothing before the street office had it).
 */

export const PUBLIC_STATUS_GROUPS = ['handling', 'replied', 'closed'] as const
export type PublicStatusGroup = (typeof PUBLIC_STATUS_GROUPS)[number]

/** The group a filed status belongs to. */
export function publicStatusGroup(s: SuggestionStatus): PublicStatusGroup {
  if (isEndedSuggestion(s)) return 'closed'
  return s === 'replied' ? 'replied' : 'handling'
}

/** The filed statuses of a group (all filed statuses without one). */
export const statusesOfGroup = (g: PublicStatusGroup | null): SuggestionStatus[] =>
  FILED_SUGGESTION_STATUSES.filter((s) => g === null || publicStatusGroup(s) === g)

/** Whether a reply came by its deadline (local dates); null when it had none. */
export const replyOnTime = (r: { repliedOn: string; dueOn: string | null }): boolean | null =>
  r.dueOn === null ? null : r.repliedOn <= r.dueOn

/** Timeline steps a resident may read; the rest (drafting, co-signing, returns, notes) stay inside. */
const PUBLIC_ACTIONS: ReadonlySet<SuggestionEventAction> = new Set<SuggestionEventAction>([
  'submitted',
  'accepted',
  'assigned',
  'unit_replied',
  'verdict',
  'rehandling',
  'closed',
  'escalated',
])

export const isPublicSuggestionEvent = (a: SuggestionEventAction) => PUBLIC_ACTIONS.has(a)
