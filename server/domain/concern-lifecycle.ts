import type { ConcernStatus } from '../../db/schema.ts'

/** Whether a status still needs work (open), ended well (resolved) or ended otherwise (closed). */
export type StatusType = 'open' | 'resolved' | 'closed'

export const STATUS_TYPE: Record<ConcernStatus, StatusType> = {
  received: 'open',
  answered: 'resolved',
  referred: 'open',
  suggestion: 'open',
  in_progress: 'open',
  replied: 'open',
  closed: 'resolved',
  reopened: 'open',
  duplicate: 'closed',
  out_of_scope: 'closed',
  withdrawn: 'closed',
  no_show_no_contact: 'closed',
  spam: 'closed',
}

/**
 * DESIGN §4.4, without the "any open state → withdrawn" rule, which `allowedTransitions` adds.
 * Issue 15: a concern answered on the spot takes the resident's verdict like a replied one
 * (不满意 reopens it for re-handling, the others close it); a received walk-in whose resident never
 * came and left no phone ends as no_show_no_contact (docs/decisions/0027).
 */
const TABLE: Record<ConcernStatus, readonly ConcernStatus[]> = {
  received: ['answered', 'referred', 'suggestion', 'duplicate', 'out_of_scope', 'no_show_no_contact', 'spam'],
  referred: ['received', 'in_progress', 'replied'],
  suggestion: ['in_progress', 'replied'],
  in_progress: ['replied'],
  replied: ['closed', 'reopened'],
  reopened: ['in_progress', 'replied'],
  answered: ['closed', 'reopened'],
  closed: [],
  duplicate: [],
  out_of_scope: [],
  withdrawn: [],
  no_show_no_contact: [],
  spam: [],
}

export const isOpen = (s: ConcernStatus) => STATUS_TYPE[s] === 'open'

/**
 * Every open status, in the lifecycle's order: the one list that queries and rules use (FixMyStreet's
 * open_states()). test/unit/house-rules.test.ts fails when a literal copy appears elsewhere.
 */
export const OPEN_STATUSES: readonly ConcernStatus[] = Object.freeze(
  (Object.keys(STATUS_TYPE) as ConcernStatus[]).filter(isOpen),
)

/** Every status a concern in `from` may move to. */
export function allowedTransitions(from: ConcernStatus): ConcernStatus[] {
  const next = [...TABLE[from]]
  if (isOpen(from)) next.push('withdrawn')
  return next
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'needs_channel' }

/**
 * The one place that decides whether a status change is allowed. `out_of_scope` must name the
 * right channel (litigation, arbitration, administrative review…) for the resident.
 */
export function checkTransition(
  from: ConcernStatus,
  to: ConcernStatus,
  opts: { channelNamed?: boolean } = {},
): TransitionCheck {
  if (!allowedTransitions(from).includes(to)) return { ok: false, reason: 'not_allowed' }
  if (to === 'out_of_scope' && !opts.channelNamed) return { ok: false, reason: 'needs_channel' }
  return { ok: true }
}

/**
 * Where a walk-in's concern goes when its resident did not come (called and gone, or never called
 * by the end of the day): with no phone nobody can reach them, so it ends as no_show_no_contact
 * (from received only, as the table says); otherwise it stays where it is, for the deputy's
 * backlog. Booked visits keep their own no-show rules.
 */
export function afterWalkInNoShow(
  c: { status: ConcernStatus; callbackPhone: string | null },
  ticketKind: 'walk_in' | 'booking',
): ConcernStatus {
  const unreachable = ticketKind === 'walk_in' && !c.callbackPhone
  return unreachable && checkTransition(c.status, 'no_show_no_contact').ok ? 'no_show_no_contact' : c.status
}
