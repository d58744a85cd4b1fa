import { and, asc, desc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm'
import { isMobile, orderedParams, type SmsKind, type SmsParams } from '../../server/domain/sms-kinds.ts'
import type { Queryable } from '../client.ts'
import { OUTBOX_STATUSES, outbox, receptionBookings } from '../schema.ts'

export type OutboxMessage = typeof outbox.$inferSelect
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export type NewMessage = {
  /** Same key, same notice: e.g. `duty-reminder:roster-41:2026-11-26`. */
  dedupeKey: string
  /** Who it is for, e.g. 'account:12', 'station:3', 'street-office'. */
  recipient: string
  kind: string
  subject: string
  body: string
  /** Not sent before this instant. */
  dueAt: Date
  /** Not sent at or after this instant: it is marked expired instead. */
  expiresAt?: Date | null
}

/**
 * Puts a notice in the outbox. A second enqueue with the same dedupe key changes nothing and
 * returns the existing row, so callers may enqueue on every pass without sending twice.
 * Runs inside the caller's transaction when given one, so a notice commits with its cause.
 */
export function enqueue(
  db: Queryable,
  msg: NewMessage,
  now: Date,
): { message: OutboxMessage; created: boolean } {
  const inserted = db
    .insert(outbox)
    .values({
      dedupeKey: msg.dedupeKey,
      recipient: msg.recipient,
      kind: msg.kind,
      subject: msg.subject,
      body: msg.body,
      dueAt: msg.dueAt,
      expiresAt: msg.expiresAt ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: msg.dueAt,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning()
    .all()
  if (inserted[0]) return { message: inserted[0], created: true }
  const existing = db.select().from(outbox).where(eq(outbox.dedupeKey, msg.dedupeKey)).get()
  if (!existing) throw new Error(`outbox: no row for dedupe key ${msg.dedupeKey} after a conflict`)
  return { message: existing, created: false }
}

export type NewSms<K extends SmsKind = SmsKind> = {
  kind: K
  /** A normalised mainland mobile (masking.normalizePhone); anything else gets no SMS. */
  phone: string
  params: SmsParams<K>
  dedupeKey: string
  /** Who it is for, as for every notice: 'account:12', 'concern:40', 'booking:7'. */
  recipient: string
  dueAt: Date
  expiresAt?: Date | null
  /** The resident's concern or booking, so erasing its personal data erases this phone too. */
  concernId?: number | null
  bookingId?: number | null
}

/**
 * Puts an SMS in the outbox (channel 'sms'), for the sender to pass to the SMS provider with the
 * template of its kind. The caller decides who may get one (a resident's consent, a staff
 * member's chosen channel); a number that is no mobile gets nothing and null comes back.
 * Same dedupe rule and same transaction as `enqueue`.
 */
export function enqueueSms<K extends SmsKind>(
  db: Queryable,
  sms: NewSms<K>,
  now: Date,
): { message: OutboxMessage; created: boolean } | null {
  if (!isMobile(sms.phone)) return null
  const params: Record<string, string> = { ...sms.params }
  const inserted = db
    .insert(outbox)
    .values({
      dedupeKey: sms.dedupeKey,
      recipient: sms.recipient,
      kind: sms.kind,
      // The outbox list shows these; the phone stays in its own column, which erasure clears.
      subject: `SMS ${sms.kind}`,
      body: orderedParams(sms.kind, params).join(' · '),
      channel: 'sms',
      phone: sms.phone,
      smsParams: params,
      concernId: sms.concernId ?? null,
      bookingId: sms.bookingId ?? null,
      dueAt: sms.dueAt,
      expiresAt: sms.expiresAt ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: sms.dueAt,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning()
    .all()
  if (inserted[0]) return { message: inserted[0], created: true }
  const existing = db.select().from(outbox).where(eq(outbox.dedupeKey, sms.dedupeKey)).get()
  if (!existing) throw new Error(`outbox: no row for dedupe key ${sms.dedupeKey} after a conflict`)
  return { message: existing, created: false }
}

/**
 * Erases the phone numbers of a resident's SMS about a concern, or about every booking whose
 * personal data is erased (DESIGN §4.8); pending ones can no longer be sent and are expired.
 */
export function eraseSmsPhones(
  db: Queryable,
  of: { concernId: number } | 'erased-bookings',
  now: Date,
): number {
  const about =
    of === 'erased-bookings'
      ? inArray(
          outbox.bookingId,
          db
            .select({ id: receptionBookings.id })
            .from(receptionBookings)
            .where(isNotNull(receptionBookings.personalDataErasedAt)),
        )
      : eq(outbox.concernId, of.concernId)
  db.update(outbox)
    .set({ status: 'expired', updatedAt: now })
    .where(and(about, eq(outbox.status, 'pending'), isNotNull(outbox.phone)))
    .run()
  return db
    .update(outbox)
    .set({ phone: null, updatedAt: now })
    .where(and(about, isNotNull(outbox.phone)))
    .run().changes
}

export function findMessage(db: Queryable, id: number): OutboxMessage | null {
  return db.select().from(outbox).where(eq(outbox.id, id)).get() ?? null
}

/** Marks every pending message whose expiry has come as expired; returns how many. */
export function expirePending(db: Queryable, now: Date): number {
  return db
    .update(outbox)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(outbox.status, 'pending'), isNotNull(outbox.expiresAt), lte(outbox.expiresAt, now)))
    .run().changes
}

/** Pending messages whose due time and next attempt have come, oldest first. */
export function listSendable(db: Queryable, now: Date, limit: number): OutboxMessage[] {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), lte(outbox.dueAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all()
}

/**
 * Reserves a message for one send attempt by pushing its next attempt to `leaseUntil`. Matches
 * only the row as it was read, so two senders never both take it; if this sender dies mid-send
 * the message becomes sendable again when the lease runs out.
 */
export function reserveForSending(db: Queryable, seen: OutboxMessage, leaseUntil: Date, now: Date): boolean {
  return (
    db
      .update(outbox)
      .set({ nextAttemptAt: leaseUntil, updatedAt: now })
      .where(
        and(
          eq(outbox.id, seen.id),
          eq(outbox.status, 'pending'),
          eq(outbox.attempts, seen.attempts),
          eq(outbox.nextAttemptAt, seen.nextAttemptAt),
        ),
      )
      .run().changes === 1
  )
}

export function markSent(db: Queryable, id: number, attempts: number, now: Date) {
  db.update(outbox)
    .set({ status: 'sent', attempts, sentAt: now, lastError: null, updatedAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .run()
}

export function markExpired(db: Queryable, id: number, now: Date) {
  db.update(outbox)
    .set({ status: 'expired', updatedAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .run()
}

/** Records a failed attempt: back to pending with a later next attempt, or 'failed' for good. */
export function markAttemptFailed(
  db: Queryable,
  id: number,
  attempt: { attempts: number; error: string; nextAttemptAt: Date | null },
  now: Date,
) {
  db.update(outbox)
    .set({
      status: attempt.nextAttemptAt ? 'pending' : 'failed',
      attempts: attempt.attempts,
      lastError: attempt.error,
      ...(attempt.nextAttemptAt ? { nextAttemptAt: attempt.nextAttemptAt } : {}),
      updatedAt: now,
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .run()
}

export type RetryResult = 'queued' | 'not-found' | 'not-retryable' | 'expired'

/**
 * A person asks to send a failed or waiting message now: it becomes pending with a fresh round of
 * attempts. Sent and expired messages stay as they are, and so does one whose expiry has come.
 */
export function retryMessage(db: Queryable, id: number, now: Date): RetryResult {
  const row = findMessage(db, id)
  if (!row) return 'not-found'
  // A pending message may be held by a sender right now; resetting it could send it twice.
  if (row.status !== 'failed') return 'not-retryable'
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired'
  const changed = db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .run().changes
  return changed === 1 ? 'queued' : 'not-retryable'
}

export function countByStatus(db: Queryable): Record<OutboxStatus, number> {
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>
  const rows = db
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.status)
    .all()
  for (const r of rows) counts[r.status] = Number(r.n)
  return counts
}

/** Messages that need an eye: failed ones first, then waiting ones by their next attempt. */
export function listOpenMessages(db: Queryable, limit: number): OutboxMessage[] {
  return db
    .select()
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'failed']))
    .orderBy(asc(outbox.status), asc(outbox.nextAttemptAt), desc(outbox.id))
    .limit(limit)
    .all()
}

/**
 * Deletes messages that are done with: sent or expired ones last touched before `doneBefore`,
 * failed ones before `failedBefore`. Their bodies may name people, so they are not kept forever.
 */
export function pruneOutbox(db: Queryable, doneBefore: Date, failedBefore: Date): number {
  return db
    .delete(outbox)
    .where(
      or(
        and(inArray(outbox.status, ['sent', 'expired']), lte(outbox.updatedAt, doneBefore)),
        and(eq(outbox.status, 'failed'), lte(outbox.updatedAt, failedBefore)),
      ),
    )
    .run().changes
}
