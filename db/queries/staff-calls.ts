import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Db, Queryable } from '../client.ts'
import { kiosks, staffCalls } from '../schema.ts'
import { enqueue, enqueueSms, type NewMessage } from './outbox.ts'
import { smsStaffOfStation } from './sms-recipients.ts'

export type StaffCallRow = typeof staffCalls.$inferSelect
export type OpenStaffCall = { id: number; kioskId: number | null; kioskLabel: string | null; createdAt: Date }

/**
 * A kiosk asks for a clerk: one open call per kiosk, so a second press while one is open changes
 * nothing and returns the open call. A new call and its notice to the station's group commit
 * together (the notice's dedupe key is the call's id), with an SMS to each of its clerks who chose SMS.
 */
export function callStaff(
  db: Db,
  a: { stationId: number; kioskId: number },
  notice: (callId: number) => Omit<NewMessage, 'dedupeKey' | 'recipient' | 'kind' | 'dueAt'>,
  now: Date,
  sms?: { station: string; kiosk: string },
): { call: StaffCallRow; created: boolean } {
  return db.transaction(
    (tx) => {
      const open = tx
        .select()
        .from(staffCalls)
        .where(and(eq(staffCalls.kioskId, a.kioskId), isNull(staffCalls.answeredAt)))
        .get()
      if (open) return { call: open, created: false }
      const call = tx
        .insert(staffCalls)
        .values({ stationId: a.stationId, kioskId: a.kioskId, createdAt: now })
        .returning()
        .get()
      enqueue(
        tx,
        {
          ...notice(call.id),
          dedupeKey: `staff-call:${call.id}`,
          recipient: `station:${a.stationId}`,
          kind: 'staff.call',
          dueAt: now,
        },
        now,
      )
      // Clerks who chose SMS also get the call on their phone; the group notice stays for the rest.
      if (sms)
        for (const clerk of smsStaffOfStation(tx, a.stationId))
          enqueueSms(
            tx,
            {
              kind: 'staff.call',
              phone: clerk.phone,
              params: sms,
              dedupeKey: `staff-call:${call.id}:account:${clerk.accountId}`,
              recipient: `account:${clerk.accountId}`,
              dueAt: now,
            },
            now,
          )
      return { call, created: true }
    },
    { behavior: 'immediate' },
  )
}

export function findStaffCall(db: Queryable, id: number): StaffCallRow | null {
  return db.select().from(staffCalls).where(eq(staffCalls.id, id)).get() ?? null
}

/** A station's unanswered calls, oldest first, with the kiosk that made each. */
export function openStaffCalls(db: Queryable, stationId: number): OpenStaffCall[] {
  return db
    .select({
      id: staffCalls.id,
      kioskId: staffCalls.kioskId,
      kioskLabel: kiosks.label,
      createdAt: staffCalls.createdAt,
    })
    .from(staffCalls)
    .leftJoin(kiosks, eq(kiosks.id, staffCalls.kioskId))
    .where(and(eq(staffCalls.stationId, stationId), isNull(staffCalls.answeredAt)))
    .orderBy(asc(staffCalls.createdAt), asc(staffCalls.id))
    .all()
}

/**
 * A clerk takes an open call of their station. False when the call is not this station's or was
 * already answered (by someone else, a moment ago).
 */
export function answerStaffCall(
  db: Queryable,
  a: { callId: number; stationId: number; accountId: number },
  now: Date,
): boolean {
  return (
    db
      .update(staffCalls)
      .set({ answeredAt: now, answeredByAccountId: a.accountId })
      .where(
        and(
          eq(staffCalls.id, a.callId),
          eq(staffCalls.stationId, a.stationId),
          isNull(staffCalls.answeredAt),
        ),
      )
      .run().changes === 1
  )
}
