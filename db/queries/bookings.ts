import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm'
import { BOOKING_CODE_LENGTH } from '../../server/domain/booking-rules.ts'
import { randomCode } from '../../server/domain/secrets.ts'
import type { Queryable } from '../client.ts'
import { uniqueViolation } from '../constraint-errors.ts'
import {
  type BOOKING_CALLBACK_REASONS,
  type BOOKING_CANCELLERS,
  type BOOKING_CHANNELS,
  type BookingStatus,
  deputies,
  receptionBookings,
  receptionSessions,
  topics,
} from '../schema.ts'
import { eraseSmsPhones } from './outbox.ts'

export type BookingRow = typeof receptionBookings.$inferSelect
export type CallbackReason = (typeof BOOKING_CALLBACK_REASONS)[number]
export type Canceller = (typeof BOOKING_CANCELLERS)[number]

const bump = () => ({ sequence: sql`${receptionBookings.sequence} + 1` })

export type NewBooking = {
  sessionId: number
  stationId: number
  deputyId: number
  slotIndex: number
  slotAt: Date
  slotEndsAt: Date
  capacity: number
  topicId: number
  residentName: string
  residentPhone: string
  openLimitKey: string | null
  placeId?: number | null
  channel: (typeof BOOKING_CHANNELS)[number]
  kioskId: number | null
  createdByAccountId: number | null
  submissionKey: string | null
  /** The resident agreed to SMS notices about this booking (issue 16). */
  smsConsent?: boolean
}

export type SeatResult = { ok: true; booking: BookingRow } | { ok: false; reason: 'taken' | 'limit' }

const uniqueOn = (e: unknown, what: string) => uniqueViolation(e)?.includes(what) ?? false

/**
 * Takes the first free seat of a slot. Each seat is one INSERT that the partial unique index
 * (session, slot, seat) over live bookings lets through or refuses: the index decides, never a
 * count read beforehand. The open-booking limit is another unique index and answers 'limit'.
 * Run inside the caller's transaction; each INSERT is in its own savepoint, as a refused statement
 * aborts a PostgreSQL transaction where SQLite's goes on.
 */
export function takeSeat(db: Queryable, b: NewBooking, now: Date): SeatResult {
  const { capacity, ...values } = b
  for (let seat = 1; seat <= capacity; seat++) {
    for (let attempt = 0; ; attempt++) {
      try {
        const booking = db.transaction((sp) =>
          sp
            .insert(receptionBookings)
            .values({
              ...values,
              seat,
              code: randomCode(BOOKING_CODE_LENGTH),
              status: 'booked',
              createdAt: now,
              updatedAt: now,
            })
            .returning()
            .get(),
        )
        return { ok: true, booking }
      } catch (e) {
        if (uniqueOn(e, 'reception_bookings.open_limit_key')) return { ok: false, reason: 'limit' }
        if (uniqueOn(e, 'reception_bookings.seat')) break
        // A fresh code for the rare collision with an earlier booking's code.
        if (uniqueOn(e, 'reception_bookings.code') && attempt < 20) continue
        throw e
      }
    }
  }
  return { ok: false, reason: 'taken' }
}

export const findBookingByCode = (db: Queryable, code: string) =>
  db.select().from(receptionBookings).where(eq(receptionBookings.code, code)).get()

export const findBooking = (db: Queryable, id: number) =>
  db.select().from(receptionBookings).where(eq(receptionBookings.id, id)).get()

export const findBookingBySubmissionKey = (db: Queryable, key: string) =>
  db.select().from(receptionBookings).where(eq(receptionBookings.submissionKey, key)).get()

/** Cancels a booking that is still only booked; false when it was no longer 'booked'. */
export function cancelBooking(
  db: Queryable,
  id: number,
  by: Canceller,
  now: Date,
  callback?: CallbackReason,
): boolean {
  return (
    db
      .update(receptionBookings)
      .set({
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: by,
        ...(callback ? { callbackReason: callback, callbackRequestedAt: now } : {}),
        ...bump(),
        updatedAt: now,
      })
      .where(and(eq(receptionBookings.id, id), eq(receptionBookings.status, 'booked')))
      .run().changes > 0
  )
}

/** Moves a live booking to its session's new slot times, putting it on the call-back list. */
export function moveBooking(
  db: Queryable,
  id: number,
  slot: { slotAt: Date; slotEndsAt: Date },
  callback: CallbackReason | null,
  now: Date,
) {
  db.update(receptionBookings)
    .set({
      slotAt: slot.slotAt,
      slotEndsAt: slot.slotEndsAt,
      ...(callback
        ? { callbackReason: callback, callbackRequestedAt: now, callbackDoneAt: null, callbackDoneBy: null }
        : {}),
      ...bump(),
      updatedAt: now,
    })
    .where(eq(receptionBookings.id, id))
    .run()
}

/**
 * Records the check-in of a booking that is still 'booked' (the guard stops a second check-in
 * racing the first). Returns whether it changed the row.
 */
export function markCheckedIn(
  db: Queryable,
  id: number,
  link: { concernId: number; ticketId: number },
  now: Date,
): boolean {
  return (
    db
      .update(receptionBookings)
      .set({ status: 'checked_in', checkedInAt: now, ...link, ...bump(), updatedAt: now })
      .where(and(eq(receptionBookings.id, id), eq(receptionBookings.status, 'booked')))
      .run().changes > 0
  )
}

/** A visit from a checked-in booking ended at the console: served, or called and not there. */
export function finishBookingOfTicket(
  db: Queryable,
  ticket: { id: number; kind: string; status: string },
  now: Date,
) {
  if (ticket.kind !== 'booking') return
  const to: BookingStatus = ticket.status === 'served' ? 'served' : 'no_show'
  db.update(receptionBookings)
    .set({
      status: to,
      finishedAt: now,
      ...(to === 'no_show' ? { noShowAt: now } : {}),
      ...bump(),
      updatedAt: now,
    })
    .where(and(eq(receptionBookings.ticketId, ticket.id), eq(receptionBookings.status, 'checked_in')))
    .run()
}

/**
 * Bookings nobody checked in by the end of their slot become no-shows. Recorded on the booking
 * only: nothing is held against the phone number or the person. Returns how many.
 */
export function markNoShows(db: Queryable, now: Date): number {
  return db
    .update(receptionBookings)
    .set({ status: 'no_show', noShowAt: now, ...bump(), updatedAt: now })
    .where(and(eq(receptionBookings.status, 'booked'), lte(receptionBookings.slotEndsAt, now)))
    .run().changes
}

/** Live bookings ('booked' or 'checked_in') of a session. */
export const liveBookingsOf = (db: Queryable, sessionId: number) =>
  db
    .select()
    .from(receptionBookings)
    .where(
      and(
        eq(receptionBookings.sessionId, sessionId),
        inArray(receptionBookings.status, ['booked', 'checked_in']),
      ),
    )
    .all()

export type BookingView = BookingRow & {
  deputyName: string
  topic: { nameZhHans: string; nameZhHant: string; nameEn: string }
  sessionDate: string
  sessionStatus: string
  sessionPlace: string
}

const viewColumns = {
  booking: receptionBookings,
  deputyName: deputies.name,
  topic: { nameZhHans: topics.nameZhHans, nameZhHant: topics.nameZhHant, nameEn: topics.nameEn },
  sessionDate: receptionSessions.date,
  sessionStatus: receptionSessions.status,
  sessionPlace: receptionSessions.place,
}
type ViewRow = {
  booking: BookingRow
  deputyName: string
  topic: BookingView['topic']
  sessionDate: string
  sessionStatus: string
  sessionPlace: string
}
const toView = (r: ViewRow): BookingView => ({
  ...r.booking,
  deputyName: r.deputyName,
  topic: r.topic,
  sessionDate: r.sessionDate,
  sessionStatus: r.sessionStatus,
  sessionPlace: r.sessionPlace,
})

function viewQuery(db: Queryable) {
  return db
    .select(viewColumns)
    .from(receptionBookings)
    .innerJoin(deputies, eq(deputies.id, receptionBookings.deputyId))
    .innerJoin(topics, eq(topics.id, receptionBookings.topicId))
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionBookings.sessionId))
}

/** Every booking of the given sessions, cancelled ones included, by slot and seat. */
export function bookingsOfSessions(db: Queryable, sessionIds: readonly number[]): BookingView[] {
  if (sessionIds.length === 0) return []
  return viewQuery(db)
    .where(inArray(receptionBookings.sessionId, [...sessionIds]))
    .orderBy(asc(receptionBookings.slotAt), asc(receptionBookings.seat), asc(receptionBookings.id))
    .all()
    .map(toView)
}

export function findBookingView(db: Queryable, id: number): BookingView | undefined {
  const r = viewQuery(db).where(eq(receptionBookings.id, id)).get()
  return r ? toView(r) : undefined
}

/**
 * A resident's bookings at one station whose slot starts at or after `from` (the start of the
 * local day), cancelled ones left out, by slot time: what a kiosk shows for the phone number given
 * when booking. Reads the (station, slot) index.
 */
export function bookingsByPhone(db: Queryable, stationId: number, phone: string, from: Date): BookingView[] {
  return viewQuery(db)
    .where(
      and(
        eq(receptionBookings.stationId, stationId),
        gte(receptionBookings.slotAt, from),
        eq(receptionBookings.residentPhone, phone),
        ne(receptionBookings.status, 'cancelled'),
      ),
    )
    .orderBy(asc(receptionBookings.slotAt), asc(receptionBookings.id))
    .all()
    .map(toView)
}

/** A station's call-back list: residents whose session was cancelled or moved, not yet called. */
export function callbackList(db: Queryable, stationId: number): BookingView[] {
  return viewQuery(db)
    .where(
      and(
        eq(receptionBookings.stationId, stationId),
        isNotNull(receptionBookings.callbackRequestedAt),
        isNull(receptionBookings.callbackDoneAt),
      ),
    )
    .orderBy(asc(receptionBookings.callbackRequestedAt), asc(receptionBookings.id))
    .all()
    .map(toView)
}

/** Ticks a call-back off the list; false when it was not on this station's list. */
export function markCalledBack(db: Queryable, id: number, stationId: number, accountId: number, now: Date) {
  return (
    db
      .update(receptionBookings)
      .set({ callbackDoneAt: now, callbackDoneBy: accountId, ...bump(), updatedAt: now })
      .where(
        and(
          eq(receptionBookings.id, id),
          eq(receptionBookings.stationId, stationId),
          isNotNull(receptionBookings.callbackRequestedAt),
          isNull(receptionBookings.callbackDoneAt),
        ),
      )
      .run().changes > 0
  )
}

/**
 * Clears the name and phone of bookings whose slot ended before `cutoff` (DESIGN §4.8): the
 * booking, its status and its statistics stay. Returns how many were cleared.
 */
export function eraseBookingPersonalData(db: Queryable, cutoff: Date, now: Date): number {
  const erased = db
    .update(receptionBookings)
    .set({
      residentName: null,
      residentPhone: null,
      openLimitKey: null,
      personalDataErasedAt: now,
      ...bump(),
      updatedAt: now,
    })
    .where(
      and(
        isNull(receptionBookings.personalDataErasedAt),
        lte(receptionBookings.slotEndsAt, cutoff),
        sql`${receptionBookings.status} <> 'booked'`,
      ),
    )
    .run().changes
  eraseSmsPhones(db, 'erased-bookings', now)
  return erased
}
