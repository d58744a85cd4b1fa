/**
 * The rules of booking a reception slot (DESIGN §4.3): when a slot may be booked, cancelled or
 * checked in, what a booking code looks like, and who sees a resident's name and phone in full.
 * Pure: every function takes the time it judges by.
 */
import type { Account } from './account.ts'
import { UNAMBIGUOUS } from './secrets.ts'
import { addDays } from './zoned-time.ts'

export type BookingSettings = {
  /** A slot must start at least this many minutes after the booking is made. */
  minNoticeMinutes: number
  /** The last bookable local date is today plus this many days. */
  horizonDays: number
  /** At most one open booking per phone number and deputy. */
  onePerPhonePerDeputy: boolean
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  minNoticeMinutes: 120,
  horizonDays: 30,
  onePerPhonePerDeputy: true,
}

/** A booked resident may check in from this long before the slot until the slot ends. */
export const CHECK_IN_EARLY_MINUTES = 60

export type BookingRefusal = 'cancelled' | 'past' | 'notice' | 'horizon'

/**
 * Why a slot cannot be booked now, or null when it can. `today` is the station's local date at
 * `now`; `slotDate` the session's local date.
 */
export function bookingRefusal(a: {
  sessionStatus: 'scheduled' | 'cancelled'
  slotStartsAt: Date
  slotDate: string
  now: Date
  today: string
  settings: BookingSettings
}): BookingRefusal | null {
  if (a.sessionStatus !== 'scheduled') return 'cancelled'
  const start = a.slotStartsAt.getTime()
  const now = a.now.getTime()
  if (start <= now) return 'past'
  if (start < now + a.settings.minNoticeMinutes * 60_000) return 'notice'
  if (a.slotDate > addDays(a.today, a.settings.horizonDays)) return 'horizon'
  return null
}

export type BookingStatus = 'booked' | 'checked_in' | 'served' | 'no_show' | 'cancelled'
export type CodeRefusal = 'used' | 'cancelled' | 'too_early' | 'too_late' | 'started'

/** Why a booking cannot be checked in now: used, cancelled, too early or its slot is over. */
export function checkInRefusal(b: {
  status: BookingStatus
  slotAt: Date
  slotEndsAt: Date
  now: Date
}): CodeRefusal | null {
  if (b.status === 'cancelled') return 'cancelled'
  if (b.status !== 'booked') return 'used'
  const now = b.now.getTime()
  if (now < b.slotAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000) return 'too_early'
  if (now >= b.slotEndsAt.getTime()) return 'too_late'
  return null
}

/** Why a booking cannot be cancelled by its code now: already used or cancelled, or its slot began. */
export function cancelRefusal(b: { status: BookingStatus; slotAt: Date; now: Date }): CodeRefusal | null {
  if (b.status === 'cancelled') return 'cancelled'
  if (b.status !== 'booked') return 'used'
  if (b.now.getTime() >= b.slotAt.getTime()) return 'started'
  return null
}

/**
 * Booking codes: 6 characters of secrets.UNAMBIGUOUS (31⁶ ≈ 8.9 × 10⁸), printed as `ABC-DEF`.
 * Shorter than a tracking code (8) and nothing like a feed token (≥ 128 random bits, base64url),
 * so no code can be mistaken for another kind.
 */
export const BOOKING_CODE_LENGTH = 6
const CODE = new RegExp(`^[${UNAMBIGUOUS}]{${BOOKING_CODE_LENGTH}}$`)
export const isBookingCode = (s: string) => CODE.test(s)
export const formatBookingCode = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`

/** The key that is unique among open bookings when the station limits one per phone per deputy. */
export const openLimitKey = (deputyId: number, phone: string) => `${deputyId}:${phone}`

/**
 * Whether an account sees a booking's name and phone in full (DESIGN §4.8): staff of the
 * booking's station and the booked deputy; everyone else, administrators included, sees them masked.
 */
export function seesPersonalData(account: Account, booking: { stationId: number; deputyId: number }) {
  if (account.role === 'staff') return account.stationIds.includes(booking.stationId)
  if (account.role === 'deputy') return account.deputyId === booking.deputyId
  return false
}
