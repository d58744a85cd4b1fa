import type { Db } from '../client.ts'
import { auditLog } from '../schema.ts'

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
