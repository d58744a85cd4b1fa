import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { accounts, auditLog } from '../schema.ts'

export type AuditEntry = {
  actorAccountId: number | null
  action: string
  entity: string
  entityId?: string | number
  detail?: Record<string, unknown>
}

/** Appends to the audit log; call inside the same transaction as the change it records. */
export function recordAudit(db: Pick<Db, 'insert'>, at: Date, e: AuditEntry) {
  db.insert(auditLog)
    .values({
      at,
      actorAccountId: e.actorAccountId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === undefined ? '' : String(e.entityId),
      detail: e.detail ?? {},
    })
    .run()
}

/** Entries at or after `from` and before `to`, optionally of one action, actor or entity. */
export type AuditFilter = {
  from: Date
  to: Date
  action?: string | undefined
  actorId?: number | undefined
  entity?: string | undefined
}

const inWindow = (f: Pick<AuditFilter, 'from' | 'to'>) => and(gte(auditLog.at, f.from), lt(auditLog.at, f.to))

function matching(f: AuditFilter, before?: number): SQL | undefined {
  return and(
    inWindow(f),
    f.action === undefined ? undefined : eq(auditLog.action, f.action),
    f.actorId === undefined ? undefined : eq(auditLog.actorAccountId, f.actorId),
    f.entity === undefined ? undefined : eq(auditLog.entity, f.entity),
    before === undefined ? undefined : lt(auditLog.id, before),
  )
}

/** Newest first, `limit` entries older than the entry `before` (by id) when given. */
export function listAudit(db: Db, f: AuditFilter, limit: number, before?: number) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorAccountId: auditLog.actorAccountId,
      actorUsername: accounts.username,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(matching(f, before))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
}
export type AuditRow = ReturnType<typeof listAudit>[number]

/**
 * What the filters offer: the actions, entities and actors present in the window, read from the
 * log itself (so a new kind of entry, e.g. a failed log-in, is offered without a code change).
 */
export function auditChoices(db: Db, window: Pick<AuditFilter, 'from' | 'to'>) {
  const actions = db
    .selectDistinct({ v: auditLog.action })
    .from(auditLog)
    .where(inWindow(window))
    .orderBy(asc(auditLog.action))
    .all()
    .map((r) => r.v)
  const entities = db
    .selectDistinct({ v: auditLog.entity })
    .from(auditLog)
    .where(inWindow(window))
    .orderBy(asc(auditLog.entity))
    .all()
    .map((r) => r.v)
  const actors = db
    .selectDistinct({ id: accounts.id, username: accounts.username })
    .from(auditLog)
    .innerJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(inWindow(window))
    .orderBy(asc(accounts.username))
    .all()
  return { actions, entities, actors }
}
