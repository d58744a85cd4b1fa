import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db/client.ts'
import type { BookingRow } from '../../db/queries/bookings.ts'
import { enqueueSms } from '../../db/queries/outbox.ts'
import { concerns } from '../../db/schema.ts'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import { utcToZoned } from '../domain/zoned-time.ts'

/**
 * SMS to residents (issue 16): only to one who left a mobile number and agreed (smsConsent).
 * Each is tied to its booking or concern, so erasing that one's personal data erases the number.
 */

const DAY_MS = 86_400_000

const bookingParams = (b: BookingRow, timeZone: string) => {
  const at = utcToZoned(b.slotAt, timeZone)
  return { code: b.code, date: at.date, time: at.time }
}

/** The booking's code by SMS, right after it is taken (in the booking's transaction). */
export function smsBookingConfirmation(db: Queryable, b: BookingRow, timeZone: string, now: Date) {
  if (!b.smsConsent || !b.residentPhone) return null
  return enqueueSms(
    db,
    {
      kind: 'booking.confirmation',
      phone: b.residentPhone,
      params: bookingParams(b, timeZone),
      dedupeKey: `sms-booking-confirmation:${b.id}`,
      recipient: `booking:${b.id}`,
      bookingId: b.id,
      dueAt: now,
      expiresAt: b.slotAt,
    },
    now,
  )
}

/** The day before, the same resident is reminded; a reminder not sent before the slot expires. */
export function smsBookingReminder(db: Queryable, b: BookingRow, timeZone: string, now: Date) {
  if (!b.smsConsent || !b.residentPhone || b.status !== 'booked') return null
  return enqueueSms(
    db,
    {
      kind: 'booking.reminder',
      phone: b.residentPhone,
      params: bookingParams(b, timeZone),
      dedupeKey: `sms-booking-reminder:${b.id}:${b.slotAt.getTime()}`,
      recipient: `booking:${b.id}`,
      bookingId: b.id,
      dueAt: now,
      expiresAt: b.slotAt,
    },
    now,
  )
}

/** The tracking code of a concern recorded at a visit (issue 17), in the concern's transaction. */
export function smsConcernReceived(
  db: Queryable,
  c: { id: number; trackingCode: string; callbackPhone: string | null; smsConsent: boolean },
  now: Date,
) {
  if (!c.smsConsent || !c.callbackPhone) return null
  return enqueueSms(
    db,
    {
      kind: 'concern.received',
      phone: c.callbackPhone,
      params: { code: formatTrackingCode(c.trackingCode) },
      dedupeKey: `sms-concern-received:${c.id}`,
      recipient: `concern:${c.id}`,
      concernId: c.id,
      dueAt: now,
      expiresAt: new Date(now.getTime() + 14 * DAY_MS),
    },
    now,
  )
}

/** "Your concern has a reply — rate it with code …", once per reply event. */
export function smsReplyNotice(db: Queryable, concernId: number, eventId: number, now: Date) {
  const c = db
    .select({
      trackingCode: concerns.trackingCode,
      phone: concerns.callbackPhone,
      consent: concerns.smsConsent,
    })
    .from(concerns)
    .where(eq(concerns.id, concernId))
    .get()
  if (!c?.consent || !c.phone) return null
  return enqueueSms(
    db,
    {
      kind: 'concern.reply',
      phone: c.phone,
      params: { code: formatTrackingCode(c.trackingCode) },
      dedupeKey: `sms-concern-reply:${concernId}:event-${eventId}`,
      recipient: `concern:${concernId}`,
      concernId,
      dueAt: now,
      expiresAt: new Date(now.getTime() + 14 * DAY_MS),
    },
    now,
  )
}
