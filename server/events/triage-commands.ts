import type { Db } from '../../db/client.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { addConcernEvent, findConcernById } from '../../db/queries/concerns.ts'
import { moveConcern } from '../../db/queries/followup.ts'
import { settleTriage } from '../../db/queries/triage.ts'
import type { Account } from '../domain/account.ts'
import { canActForStation } from '../domain/account.ts'
import { checkTransition } from '../domain/concern-lifecycle.ts'

export type TriageDecision = 'accept' | 'spam'
export type TriageResult =
  | { ok: true; trackingCode: string }
  | { ok: false; reason: 'not_found' | 'changed' | 'not_allowed' }

/**
 * A clerk's look at a pending phone concern (issue 16): 'accept' lets it reach its deputy;
 * 'spam' closes it through the lifecycle (received → spam) so it counts nowhere. One
 * transaction: the triage state, the status, the timeline event and the audit entry together.
 */
export function triageConcern(
  db: Db,
  r: { concernId: number; account: Account; decision: TriageDecision },
  now: Date,
): TriageResult {
  return db.transaction(
    (tx): TriageResult => {
      const concern = findConcernById(tx, r.concernId)
      if (!concern || !canActForStation(r.account, concern.stationId))
        return { ok: false, reason: 'not_found' }
      if (concern.triage !== 'pending') return { ok: false, reason: 'changed' }
      const actor = { kind: 'account' as const, accountId: r.account.id }
      if (r.decision === 'spam') {
        if (!checkTransition(concern.status, 'spam').ok) return { ok: false, reason: 'not_allowed' }
        if (!moveConcern(tx, concern.id, concern.status, 'spam', now)) return { ok: false, reason: 'changed' }
      }
      // The immediate transaction holds the write lock since the read above: still pending.
      settleTriage(tx, concern.id, r.decision === 'spam' ? 'spam' : 'accepted', now)
      addConcernEvent(tx, concern.id, now, {
        action: r.decision === 'spam' ? 'status_changed' : 'triage_accepted',
        actor,
        fromStatus: concern.status,
        toStatus: r.decision === 'spam' ? 'spam' : concern.status,
      })
      recordAudit(tx, now, {
        actorAccountId: r.account.id,
        action: r.decision === 'spam' ? 'concern.triage.spam' : 'concern.triage.accept',
        entity: 'concern',
        entityId: concern.id,
        detail: { stationId: concern.stationId },
      })
      return { ok: true, trackingCode: concern.trackingCode }
    },
    { behavior: 'immediate' },
  )
}
