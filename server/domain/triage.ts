import type { TriageState } from '../../db/enums.ts'
import type { ConcernStatus } from '../../db/schema.ts'

/**
 * Whether a concern reaches its deputy and counts in figures (issue 16): not spam, and not a
 * phone concern still waiting for a clerk's look. db/queries/concerns.ts `countsForDeputy` is
 * the same rule in SQL; keep the two alike.
 */
export function reachesDeputy(c: { status: ConcernStatus; triage: TriageState | null }): boolean {
  return c.status !== 'spam' && c.triage !== 'pending' && c.triage !== 'spam'
}

/** The triage state a new phone concern starts in, by its station's rule. */
export const triageOnArrival = (rule: 'immediate' | 'after_review'): TriageState =>
  rule === 'immediate' ? 'accepted' : 'pending'
