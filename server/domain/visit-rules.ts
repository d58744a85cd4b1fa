import type { VisitStatus } from '../../db/enums.ts'

/**
 * What may happen to an outreach visit, and when (decision 0031). Pure: the visit's state and
 * `now` in, a verdict out.
 *
 * - A planned visit may be edited or cancelled at any time; it is logged as held only once it has
 *   started (nobody reports on a visit that has not happened).
 * - A held visit's log may be corrected (held again with other figures); its plan (place, time,
 *   deputies) is not edited. A cancelled visit is not edited or logged.
 * - Back to planned only by the explicit "undo": a cancelled visit always, a held one only while
 *   no concern was recorded at it (those concerns show it took place).
 * - Concerns are recorded at a visit that has started and is not cancelled.
 */
export type VisitAction = 'edit' | 'cancel' | 'log' | 'undo' | 'addConcern'

export type VisitState = { status: VisitStatus; startsAt: Date }

export type VisitRefusal =
  | 'visit.error.notPlanned'
  | 'visit.error.notStarted'
  | 'visit.error.cancelled'
  | 'visit.error.alreadyPlanned'
  | 'visit.error.hasConcerns'

/** Why `action` is refused on this visit now, or null when it is allowed. */
export function visitRefusal(
  v: VisitState,
  action: VisitAction,
  now: Date,
  concernsAtVisit = 0,
): VisitRefusal | null {
  const started = v.startsAt.getTime() <= now.getTime()
  switch (action) {
    case 'edit':
    case 'cancel':
      return v.status === 'planned' ? null : 'visit.error.notPlanned'
    case 'log':
      if (v.status === 'cancelled') return 'visit.error.cancelled'
      return started ? null : 'visit.error.notStarted'
    case 'addConcern':
      if (v.status === 'cancelled') return 'visit.error.cancelled'
      return started ? null : 'visit.error.notStarted'
    case 'undo':
      if (v.status === 'planned') return 'visit.error.alreadyPlanned'
      if (v.status === 'held' && concernsAtVisit > 0) return 'visit.error.hasConcerns'
      return null
  }
}

/** The actions a visit offers now, in the order a page shows them. */
export function visitActions(v: VisitState, now: Date, concernsAtVisit = 0): VisitAction[] {
  return (['log', 'addConcern', 'edit', 'cancel', 'undo'] as const).filter(
    (a) => visitRefusal(v, a, now, concernsAtVisit) === null,
  )
}

/** Longest visit a plan may describe; a plan is one outing on one day. */
export const MAX_VISIT_HOURS = 12

export type VisitTimeProblem = 'visit.error.endBeforeStart' | 'visit.error.tooLong'

/** Whether a plan's start and end make one outing: end after start, at most MAX_VISIT_HOURS. */
export function visitTimeProblem(startsAt: Date, endsAt: Date): VisitTimeProblem | null {
  const ms = endsAt.getTime() - startsAt.getTime()
  if (ms <= 0) return 'visit.error.endBeforeStart'
  if (ms > MAX_VISIT_HOURS * 3_600_000) return 'visit.error.tooLong'
  return null
}

/** Where a visit sits in a station's list: still ahead, over and waiting for its log, or done. */
export type VisitPhase = 'upcoming' | 'awaitingLog' | 'logged'

export function visitPhase(v: { status: VisitStatus; endsAt: Date }, now: Date): VisitPhase {
  if (v.status !== 'planned') return 'logged'
  return v.endsAt.getTime() <= now.getTime() ? 'awaitingLog' : 'upcoming'
}
