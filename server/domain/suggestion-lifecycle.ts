import { SUGGESTION_STATUSES, type SuggestionStatus, type Verdict } from '../../db/enums.ts'

/*
 * A suggestion's lifecycle (DESIGN §4.8b) as one pure function over one transition table:
 * the deputy drafts and submits; the street office accepts (or returns it with a reason) and
 * assigns units; the units' replies move it to replied once every assigned unit has replied in
 * the round; the lead deputy's verdict closes it, or — 不满意, while re-handlings are left — sends
 * it back to the units. A deputy may withdraw it until the office has accepted it.
 */

export const SUGGESTION_MOVES = [
  'submit',
  'return',
  'accept',
  'assign',
  'reply',
  'verdict',
  'withdraw',
] as const
export type SuggestionMoveKind = (typeof SUGGESTION_MOVES)[number]

export type SuggestionMove =
  | { move: 'submit' | 'return' | 'accept' | 'assign' | 'withdraw' }
  /** One unit's reply recorded; `allReplied` when every assigned unit has now replied in the round. */
  | { move: 'reply'; allReplied: boolean }
  | { move: 'verdict'; verdict: Verdict; rehandlingsUsed: number; maxRehandlings: number }

type Outcome = SuggestionStatus | ((m: SuggestionMove) => SuggestionStatus)

const afterReply =
  (waiting: SuggestionStatus) =>
  (m: SuggestionMove): SuggestionStatus =>
    m.move === 'reply' && m.allReplied ? 'replied' : waiting

const afterVerdict = (m: SuggestionMove): SuggestionStatus =>
  m.move === 'verdict' && m.verdict === 'unsatisfied' && m.rehandlingsUsed < m.maxRehandlings
    ? 'rehandling'
    : 'closed'

const TABLE: Record<SuggestionStatus, Partial<Record<SuggestionMoveKind, Outcome>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  returned: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { accept: 'accepted', return: 'returned', withdraw: 'withdrawn' },
  accepted: { assign: 'assigned' },
  // Re-assigning (another unit, a corrected deadline) while the units have not all replied.
  assigned: { assign: 'assigned', reply: afterReply('assigned') },
  rehandling: { reply: afterReply('rehandling') },
  replied: { verdict: afterVerdict },
  closed: {},
  withdrawn: {},
}

/** Where a suggestion in `from` goes on `m`, or null when the lifecycle does not allow it. */
export function nextSuggestionStatus(from: SuggestionStatus, m: SuggestionMove): SuggestionStatus | null {
  const out = TABLE[from][m.move]
  if (out === undefined) return null
  return typeof out === 'function' ? out(m) : out
}

/** The moves the lifecycle allows from a status (what a screen may offer). */
export const movesFrom = (from: SuggestionStatus): SuggestionMoveKind[] =>
  SUGGESTION_MOVES.filter((k) => TABLE[from][k] !== undefined)

/** The deputy may still change the text, evidence, units and co-signers. */
export const isEditableSuggestion = (s: SuggestionStatus) => s === 'draft' || s === 'returned'

/** Waiting for the units' replies: the statuses with a deadline that escalates when missed. */
export const isWithUnits = (s: SuggestionStatus) => s === 'assigned' || s === 'rehandling'

/** A suggestion that has ended (closed with a verdict, or withdrawn). */
export const isEndedSuggestion = (s: SuggestionStatus) => movesFrom(s).length === 0

/** Every status still in play, in the lifecycle's order (the one list queries use). */
export const OPEN_SUGGESTION_STATUSES: readonly SuggestionStatus[] = Object.freeze(
  SUGGESTION_STATUSES.filter((s) => !isEndedSuggestion(s)),
)

/** Statuses that went through the street office: what the public list and the records show. */
export const FILED_SUGGESTION_STATUSES: readonly SuggestionStatus[] = Object.freeze(
  SUGGESTION_STATUSES.filter((s) => s !== 'draft' && s !== 'returned' && s !== 'withdrawn'),
)
