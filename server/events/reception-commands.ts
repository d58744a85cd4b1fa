import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import {
  type BookingRow,
  cancelBooking,
  findBooking,
  findBookingBySubmissionKey,
  liveBookingsOf,
  markCheckedIn,
  moveBooking,
  takeSeat,
} from '../../db/queries/bookings.ts'
import { findConcernBySubmissionKey } from '../../db/queries/concerns.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import {
  bookingSettings,
  calendarDays,
  deputyAbsences,
  findSession,
  generationDays,
  insertSession,
  reshapeSession,
  type SessionRow,
  setSessionStatus,
  storedSessions,
  toPlanRule,
} from '../../db/queries/reception.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import { accounts, type BookingChannel, deputies, receptionPlans, stations } from '../../db/schema.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import {
  type BookingRefusal,
  bookingRefusal,
  type CodeRefusal,
  cancelRefusal,
  checkInRefusal,
  openLimitKey,
} from '../domain/booking-rules.ts'
import {
  closedOn,
  generateSessions,
  reconcileSessions,
  type SessionChange,
  sessionSlots,
} from '../domain/reception-sessions.ts'
import { localDate } from '../domain/time.ts'
import { addDays } from '../domain/zoned-time.ts'
import { submitConcern } from './queue-commands.ts'
import { smsBookingConfirmation } from './resident-sms.ts'

/*
 * Reception days and bookings: every change runs in one immediate transaction, and the notices it
 * causes are queued in the outbox inside the same transaction, so they commit with their cause.
 */

const IMMEDIATE = { behavior: 'immediate' } as const

// ── notices ─────────────────────────────────────────────────────────────────────────────────────

/** Where a deputy's notices go: their active account, else the deputy key for a later sender. */
export function deputyRecipient(db: Queryable, deputyId: number): string {
  const acc = db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.deputyId, deputyId), eq(accounts.active, true)))
    .orderBy(asc(accounts.id))
    .get()
  return acc ? `account:${acc.id}` : `deputy:${deputyId}`
}

const deputyName = (db: Queryable, id: number) =>
  db.select({ name: deputies.name }).from(deputies).where(eq(deputies.id, id)).get()?.name ?? ''

/**
 * Tells the deputy and the station's clerks that a session with bookings was cancelled or moved.
 * The dedupe key carries the session's sequence, so every later change gets its own notice.
 */
function noticeSessionChange(
  deps: AppDeps,
  tx: Queryable,
  station: StationRow,
  before: SessionRow,
  kind: 'cancelled' | 'moved',
  affected: number,
  now: Date,
) {
  if (affected === 0) return
  const after = findSession(tx, before.id)!
  const { t, name } = makeI18n(deps.config.defaultLocale)
  const vars = {
    station: name(station),
    deputy: deputyName(tx, before.deputyId),
    date: before.date,
    start: before.startTime,
    end: before.endTime,
    newDate: after.date,
    newStart: after.startTime,
    newEnd: after.endTime,
    n: affected,
  }
  for (const recipient of [deputyRecipient(tx, before.deputyId), `station:${station.id}`]) {
    enqueue(
      tx,
      {
        dedupeKey: `reception-${kind}:${before.id}:${after.sequence}:${recipient}`,
        recipient,
        kind: `reception.${kind}`,
        subject:
          kind === 'moved' ? t('booking.mail.movedSubject', vars) : t('booking.mail.cancelledSubject', vars),
        body: kind === 'moved' ? t('booking.mail.movedBody', vars) : t('booking.mail.cancelledBody', vars),
        dueAt: now,
        expiresAt: kind === 'moved' ? after.startsAt : before.startsAt,
      },
      now,
    )
  }
}

// ── generation ──────────────────────────────────────────────────────────────────────────────────

export type SyncResult = { created: number; updated: number; restored: number; cancelled: number }

/** Applies one change from the reconciliation to the database, bookings included. */
function applyChange(
  deps: AppDeps,
  tx: Queryable,
  station: StationRow,
  change: SessionChange,
  now: Date,
  result: SyncResult,
) {
  if (change.kind === 'create') {
    const slots = sessionSlots(change.session, station.timeZone)
    if (slots.at(-1)!.endsAt.getTime() <= now.getTime()) return
    if (insertSession(tx, change.session, station.timeZone, now)) result.created++
    return
  }
  const before = findSession(tx, change.id)!
  // Sessions that have begun (or where someone has checked in) are history: the plan leaves them.
  if (before.startsAt.getTime() <= now.getTime() || hasCheckedIn(tx, before.id)) return
  if (change.kind === 'cancel') {
    if (!setSessionStatus(tx, before.id, 'cancelled', change.reason, now)) return
    let affected = 0
    for (const b of liveBookingsOf(tx, before.id))
      if (cancelBooking(tx, b.id, 'session', now, 'session_cancelled')) affected++
    noticeSessionChange(deps, tx, station, before, 'cancelled', affected, now)
    result.cancelled++
    return
  }
  reshapeSession(tx, before.id, change.session, station.timeZone, now, undefined, change.kind === 'restore')
  const affected = rehomeBookings(tx, findSession(tx, before.id)!, station.timeZone, now)
  if (change.kind === 'update') noticeSessionChange(deps, tx, station, before, 'moved', affected, now)
  result[change.kind === 'restore' ? 'restored' : 'updated']++
}

/** Whether someone has already checked in to a session (their ticket is in that day's queue). */
const hasCheckedIn = (tx: Queryable, sessionId: number) =>
  liveBookingsOf(tx, sessionId).some((b) => b.status !== 'booked')

/**
 * After a session's times or shape changed: live bookings follow their slot to its new time (and
 * go on the call-back list when the time changed); a booking whose slot or seat no longer exists
 * is cancelled and goes on the list too. Returns how many bookings were affected.
 */
function rehomeBookings(tx: Queryable, session: SessionRow, timeZone: string, now: Date): number {
  const slots = sessionSlots(session, timeZone)
  let affected = 0
  for (const b of liveBookingsOf(tx, session.id)) {
    const slot = slots[b.slotIndex]
    if (!slot || b.seat > session.capacityPerSlot) {
      if (cancelBooking(tx, b.id, 'session', now, 'slot_removed')) affected++
      continue
    }
    if (slot.startsAt.getTime() === b.slotAt.getTime() && slot.endsAt.getTime() === b.slotEndsAt.getTime())
      continue
    moveBooking(tx, b.id, { slotAt: slot.startsAt, slotEndsAt: slot.endsAt }, 'session_moved', now)
    affected++
  }
  return affected
}

/**
 * Makes a station's stored sessions match its plans from today through the generation horizon:
 * the pure generator decides, reconciliation says what differs, this writes it. Safe to repeat.
 */
export function syncStationSessions(deps: AppDeps, stationId: number, now: Date): SyncResult {
  const { db } = deps
  const result: SyncResult = { created: 0, updated: 0, restored: 0, cancelled: 0 }
  db.transaction((tx) => {
    const station = tx.select().from(stations).where(eq(stations.id, stationId)).get()
    if (!station) return
    const plans = tx.select().from(receptionPlans).where(eq(receptionPlans.stationId, stationId)).all()
    if (plans.length === 0) return
    const from = localDate(now, station.timeZone)
    const to = addDays(from, generationDays(bookingSettings(tx, stationId)))
    const rules = plans.map(toPlanRule)
    const generated = generateSessions(
      rules,
      calendarDays(tx, stationId, from, to),
      deputyAbsences(
        tx,
        rules.map((p) => p.deputyId),
        from,
        to,
      ),
      { from, to },
    )
    const planIds = rules.map((p) => p.id)
    const changes = reconcileSessions(storedSessions(tx, planIds, from, to), generated, new Set(planIds), {
      from,
      to,
    })
    for (const change of changes) applyChange(deps, tx, station, change, now, result)
  }, IMMEDIATE)
  return result
}

/** Every station with a plan, synced; the scheduled job and start-up catch-up call this. */
export function syncAllSessions(deps: AppDeps, now: Date): SyncResult {
  const total: SyncResult = { created: 0, updated: 0, restored: 0, cancelled: 0 }
  const ids = deps.db
    .selectDistinct({ id: receptionPlans.stationId })
    .from(receptionPlans)
    .where(isNull(receptionPlans.endedAt))
    .all()
  for (const { id } of ids) {
    const r = syncStationSessions(deps, id, now)
    for (const k of Object.keys(total) as (keyof SyncResult)[]) total[k] += r[k]
  }
  return total
}

// ── clerk actions on a session ──────────────────────────────────────────────────────────────────

export type SessionActionFailure =
  | 'not_found'
  | 'started'
  | 'checked_in'
  | 'cancelled'
  | 'closed'
  | 'past'
  | 'no_slot'
  | 'unconfirmed'

/** A clerk cancels a session: its bookings are cancelled and their residents go on the call-back list. */
export function cancelSessionByClerk(
  deps: AppDeps,
  a: { stationId: number; sessionId: number },
  now: Date,
): { ok: true; affected: number } | { ok: false; reason: SessionActionFailure } {
  return deps.db.transaction((tx) => {
    const session = findSession(tx, a.sessionId)
    const station = findStation(deps.db, a.stationId)
    if (!session || !station || session.stationId !== a.stationId) return { ok: false, reason: 'not_found' }
    if (session.status !== 'scheduled') return { ok: false, reason: 'cancelled' }
    if (session.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'started' }
    if (hasCheckedIn(tx, session.id)) return { ok: false, reason: 'checked_in' }
    setSessionStatus(tx, session.id, 'cancelled', 'clerk', now)
    let affected = 0
    for (const b of liveBookingsOf(tx, session.id))
      if (cancelBooking(tx, b.id, 'session', now, 'session_cancelled')) affected++
    noticeSessionChange(deps, tx, station, session, 'cancelled', affected, now)
    return { ok: true as const, affected }
  }, IMMEDIATE)
}

/**
 * A clerk moves a session to another date and start time (same length and slots). Its bookings
 * move with it, keep their slot and seat, and their residents go on the call-back list; the
 * deputy and the station are told (the hand-off of a moved session).
 */
export function moveSessionByClerk(
  deps: AppDeps,
  a: { stationId: number; sessionId: number; date: string; startTime: string },
  now: Date,
): { ok: true; affected: number } | { ok: false; reason: SessionActionFailure } {
  return deps.db.transaction((tx) => {
    const session = findSession(tx, a.sessionId)
    const station = findStation(deps.db, a.stationId)
    if (!session || !station || session.stationId !== a.stationId) return { ok: false, reason: 'not_found' }
    if (session.status !== 'scheduled') return { ok: false, reason: 'cancelled' }
    if (session.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'started' }
    if (hasCheckedIn(tx, session.id)) return { ok: false, reason: 'checked_in' }
    const length = minutesBetween(session.startTime, session.endTime)
    const startMinutes = minutesOfDay(a.startTime)
    if (startMinutes + length > 24 * 60) return { ok: false, reason: 'no_slot' }
    const endTime = hhmm(startMinutes + length)
    const shape = { ...session, date: a.date, startTime: a.startTime, endTime }
    if (closedOn(calendarDays(tx, station.id, a.date, a.date), station.id, a.date))
      return { ok: false, reason: 'closed' }
    const first = sessionSlots(shape, station.timeZone)[0]
    if (!first || first.startsAt.getTime() <= now.getTime()) return { ok: false, reason: 'past' }
    reshapeSession(tx, session.id, shape, station.timeZone, now, {
      fromDate: session.movedFromDate ?? session.date,
      fromStartTime: session.movedFromStartTime ?? session.startTime,
    })
    const affected = rehomeBookings(tx, findSession(tx, session.id)!, station.timeZone, now)
    noticeSessionChange(deps, tx, station, session, 'moved', Math.max(affected, 1), now)
    return { ok: true as const, affected }
  }, IMMEDIATE)
}

const minutesOfDay = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))
const minutesBetween = (a: string, b: string) => minutesOfDay(b) - minutesOfDay(a)
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

// ── booking ─────────────────────────────────────────────────────────────────────────────────────

export type BookFailure = BookingRefusal | 'not_found' | 'taken' | 'limit'
export type BookResult =
  | { ok: true; booking: BookingRow; replayed: boolean }
  | { ok: false; reason: BookFailure }

export type BookRequest = {
  stationId: number
  sessionId: number
  slotIndex: number
  topicId: number
  residentName: string
  /** Already normalised (masking.normalizePhone). */
  residentPhone: string
  /** Where the resident lives or works, if they said (issue 17: a reception is a contact there). */
  placeId?: number | null
  channel: BookingChannel
  kioskId: number | null
  accountId: number | null
  submissionKey: string | null
  /** The resident agreed to SMS about this booking (phone bookings ask; issue 16). */
  smsConsent?: boolean
}

/**
 * Books a seat in a slot, for a kiosk, a clerk or a resident's phone, under the station's rules (notice, horizon,
 * one open booking per phone per deputy). One immediate transaction; the unique indexes decide
 * who gets the last seat. A repeated submission key returns the first booking.
 */
export function bookSlot(deps: AppDeps, r: BookRequest, now: Date): BookResult {
  return deps.db.transaction((tx): BookResult => {
    if (r.submissionKey) {
      const earlier = findBookingBySubmissionKey(tx, r.submissionKey)
      if (earlier) return { ok: true, booking: earlier, replayed: true }
    }
    const session = findSession(tx, r.sessionId)
    const station = findStation(deps.db, r.stationId)
    if (!session || !station || session.stationId !== r.stationId) return { ok: false, reason: 'not_found' }
    const slot = sessionSlots(session, station.timeZone)[r.slotIndex]
    if (!slot) return { ok: false, reason: 'not_found' }
    const settings = bookingSettings(tx, station.id)
    const refusal = bookingRefusal({
      sessionStatus: session.status,
      slotStartsAt: slot.startsAt,
      slotDate: session.date,
      now,
      today: localDate(now, station.timeZone),
      settings,
    })
    if (refusal) return { ok: false, reason: refusal }
    const seat = takeSeat(
      tx,
      {
        sessionId: session.id,
        stationId: station.id,
        deputyId: session.deputyId,
        slotIndex: slot.index,
        slotAt: slot.startsAt,
        slotEndsAt: slot.endsAt,
        capacity: session.capacityPerSlot,
        topicId: r.topicId,
        residentName: r.residentName,
        residentPhone: r.residentPhone,
        openLimitKey: settings.onePerPhonePerDeputy ? openLimitKey(session.deputyId, r.residentPhone) : null,
        placeId: r.placeId ?? null,
        channel: r.channel,
        kioskId: r.kioskId,
        createdByAccountId: r.accountId,
        submissionKey: r.submissionKey,
        smsConsent: r.smsConsent ?? false,
      },
      now,
    )
    if (seat.ok) smsBookingConfirmation(tx, seat.booking, station.timeZone, now)
    return seat.ok ? { ok: true, booking: seat.booking, replayed: false } : seat
  }, IMMEDIATE)
}

/** Cancels a booking by its code (a resident) or by a clerk; only while it is booked and not begun. */
export function cancelBookingBy(
  deps: AppDeps,
  a: { bookingId: number; by: 'resident' | 'clerk' },
  now: Date,
): { ok: true } | { ok: false; reason: CodeRefusal | 'not_found' } {
  return deps.db.transaction((tx) => {
    const b = findBooking(tx, a.bookingId)
    if (!b) return { ok: false, reason: 'not_found' as const }
    const refusal = cancelRefusal({ status: b.status, slotAt: b.slotAt, now })
    if (refusal) return { ok: false, reason: refusal }
    return cancelBooking(tx, b.id, a.by, now) ? { ok: true as const } : { ok: false, reason: 'used' as const }
  }, IMMEDIATE)
}

class BookingGone extends Error {}

export type CheckInResult =
  | { ok: true; trackingCode: string; replayed: boolean }
  | { ok: false; reason: CodeRefusal | 'not_found' }

/**
 * Checks a booked resident in on the day: a concern and a 'booking' ticket at the slot's time go
 * through the queue's one issue path (submitConcern), which updates the display; the booking is
 * marked checked in inside the same transaction, or nothing is written at all. `submissionKey`
 * is the check-in form's idempotency key: a double tap shows the first check-in's slip, while
 * the same code entered again later is refused as used.
 */
export function checkInBooking(
  deps: AppDeps,
  a: { bookingId: number; stationId: number; kioskId: number | null; submissionKey: string },
  now: Date,
): CheckInResult {
  const { db } = deps
  const b = findBooking(db, a.bookingId)
  if (!b || b.stationId !== a.stationId) return { ok: false, reason: 'not_found' }
  const key = `check-in:${a.submissionKey}`
  const earlier = findConcernBySubmissionKey(db, key)
  if (earlier && b.concernId === earlier.id)
    return { ok: true, trackingCode: earlier.trackingCode, replayed: true }
  const refusal = checkInRefusal({ status: b.status, slotAt: b.slotAt, slotEndsAt: b.slotEndsAt, now })
  if (refusal) return { ok: false, reason: refusal }
  const station = findStation(db, b.stationId)!
  try {
    const result = submitConcern(
      db,
      {
        stationId: station.id,
        localDate: localDate(now, station.timeZone),
        topicId: b.topicId,
        channel: 'reception',
        queue: true,
        deputyId: b.deputyId,
        priority: false,
        description: '',
        // The phone was given to hear about this booking only; the concern does not take it.
        callbackPhone: null,
        residentName: b.residentName,
        submissionKey: key,
        kioskId: a.kioskId,
        actor: { kind: 'kiosk' },
        kind: 'booking',
        slotAt: b.slotAt,
        alsoInTransaction: (tx, issued) => {
          const link = issued.ticket && { concernId: issued.concern.id, ticketId: issued.ticket.id }
          if (!link || !markCheckedIn(tx, b.id, link, now)) throw new BookingGone()
        },
      },
      now,
    )
    if (result.replayed) return { ok: false, reason: 'used' }
    return { ok: true, trackingCode: result.concern.trackingCode, replayed: false }
  } catch (e) {
    if (e instanceof BookingGone) return { ok: false, reason: 'used' }
    throw e
  }
}
