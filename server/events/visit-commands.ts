import type { Db, Queryable } from '../../db/client.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import {
  countConcernsAtVisit,
  findVisit,
  insertVisit,
  setVisitOutcome,
  updateVisitPlan,
  type VisitOutcome,
  type VisitPlanChange,
  type VisitPlanInput,
  type VisitView,
} from '../../db/queries/visits.ts'
import { type VisitAction, type VisitRefusal, visitRefusal } from '../domain/visit-rules.ts'

/**
 * Writes to visits: each one transaction that checks the visit's rules on the row as it is inside
 * it, writes, bumps the sequence (feeds) and appends to the audit log with the acting account —
 * a clerk logging for a deputy who phoned in is the actor, the deputies going are in the detail.
 */
export type VisitWriteResult =
  | { ok: true; visit: VisitView }
  | { ok: false; refusal: VisitRefusal | 'notFound' }

export function planVisit(db: Db, input: VisitPlanInput & { actorAccountId: number }, now: Date): VisitView {
  return db.transaction((tx) => {
    const row = insertVisit(tx, { ...input, createdByAccountId: input.actorAccountId }, now)
    recordAudit(tx, now, {
      actorAccountId: input.actorAccountId,
      action: 'visit.plan',
      entity: 'visit',
      entityId: row.id,
      detail: {
        placeId: input.placeId,
        deputyIds: [...new Set(input.deputyIds)],
        startsAt: input.startsAt.toISOString(),
      },
    })
    return findVisit(tx, row.id)!
  })
}

function change(
  db: Db,
  id: number,
  action: VisitAction,
  actorAccountId: number,
  now: Date,
  write: (tx: Queryable, before: VisitView) => Record<string, unknown>,
): VisitWriteResult {
  return db.transaction((tx): VisitWriteResult => {
    const before = findVisit(tx, id)
    if (!before) return { ok: false, refusal: 'notFound' }
    const refusal = visitRefusal(before, action, now, action === 'undo' ? countConcernsAtVisit(tx, id) : 0)
    if (refusal) return { ok: false, refusal }
    const detail = write(tx, before)
    recordAudit(tx, now, {
      actorAccountId,
      action: `visit.${action}`,
      entity: 'visit',
      entityId: id,
      detail: { ...detail, deputyIds: before.deputies.map((d) => d.id), statusBefore: before.status },
    })
    return { ok: true, visit: findVisit(tx, id)! }
  })
}

export const editVisit = (db: Db, id: number, plan: VisitPlanChange, actorAccountId: number, now: Date) =>
  change(db, id, 'edit', actorAccountId, now, (tx) => {
    updateVisitPlan(tx, id, plan, now)
    return {
      placeId: plan.placeId,
      startsAt: plan.startsAt.toISOString(),
      newDeputyIds: [...new Set(plan.deputyIds)],
    }
  })

export const cancelVisit = (db: Db, id: number, reason: string, actorAccountId: number, now: Date) =>
  change(db, id, 'cancel', actorAccountId, now, (tx) => {
    setVisitOutcome(tx, id, { status: 'cancelled', reason }, now)
    return { reason }
  })

export const logVisitHeld = (
  db: Db,
  id: number,
  log: Extract<VisitOutcome, { status: 'held' }>,
  actorAccountId: number,
  now: Date,
) =>
  change(db, id, 'log', actorAccountId, now, (tx) => {
    setVisitOutcome(tx, id, log, now)
    return { peopleMet: log.peopleMet }
  })

/** Back to planned: the explicit undo of a log or a cancellation (visit-rules.ts says when). */
export const undoVisitOutcome = (db: Db, id: number, actorAccountId: number, now: Date) =>
  change(db, id, 'undo', actorAccountId, now, (tx, before) => {
    setVisitOutcome(tx, id, { status: 'planned' }, now)
    return {
      peopleMetBefore: before.peopleMet,
      summaryBefore: before.summary,
      reasonBefore: before.cancelReason,
    }
  })
