import { describe, expect, it } from 'vitest'
import type { Account } from '../../server/domain/account.ts'
import {
  bookingRefusal,
  cancelRefusal,
  checkInRefusal,
  DEFAULT_BOOKING_SETTINGS,
  formatBookingCode,
  isBookingCode,
  seesPersonalData,
} from '../../server/domain/booking-rules.ts'

const now = new Date('2026-11-25T02:00:00Z') // Wednesday 10:00 in Shanghai
const at = (iso: string) => new Date(iso)
const rule = (slotStartsAt: string, slotDate: string, over = {}) =>
  bookingRefusal({
    sessionStatus: 'scheduled',
    slotStartsAt: at(slotStartsAt),
    slotDate,
    now,
    today: '2026-11-25',
    settings: { ...DEFAULT_BOOKING_SETTINGS, ...over },
  })

describe('booking rules', () => {
  it('refuses past slots, slots inside the minimum notice and beyond the horizon', () => {
    expect(rule('2026-11-26T01:00:00Z', '2026-11-26')).toBeNull()
    expect(rule('2026-11-25T01:00:00Z', '2026-11-25')).toBe('past')
    expect(rule('2026-11-25T02:00:00Z', '2026-11-25')).toBe('past')
    expect(rule('2026-11-25T03:59:00Z', '2026-11-25')).toBe('notice') // 1 h 59 < 2 h
    expect(rule('2026-11-25T04:00:00Z', '2026-11-25')).toBeNull()
    expect(rule('2026-12-25T01:00:00Z', '2026-12-25')).toBeNull() // today + 30
    expect(rule('2026-12-26T01:00:00Z', '2026-12-26')).toBe('horizon')
    expect(rule('2026-12-26T01:00:00Z', '2026-12-26', { horizonDays: 31 })).toBeNull()
  })

  it('refuses a cancelled session before anything else', () => {
    expect(
      bookingRefusal({
        sessionStatus: 'cancelled',
        slotStartsAt: at('2026-11-26T01:00:00Z'),
        slotDate: '2026-11-26',
        now,
        today: '2026-11-25',
        settings: DEFAULT_BOOKING_SETTINGS,
      }),
    ).toBe('cancelled')
  })

  it('opens check-in an hour before the slot until its end; a used or cancelled code is refused', () => {
    const b = {
      status: 'booked' as const,
      slotAt: at('2026-11-25T03:00:00Z'),
      slotEndsAt: at('2026-11-25T03:30:00Z'),
    }
    expect(checkInRefusal({ ...b, now: at('2026-11-25T01:59:00Z') })).toBe('too_early')
    expect(checkInRefusal({ ...b, now: at('2026-11-25T02:00:00Z') })).toBeNull()
    expect(checkInRefusal({ ...b, now: at('2026-11-25T03:29:59Z') })).toBeNull()
    expect(checkInRefusal({ ...b, now: at('2026-11-25T03:30:00Z') })).toBe('too_late')
    expect(checkInRefusal({ ...b, status: 'checked_in', now })).toBe('used')
    expect(checkInRefusal({ ...b, status: 'no_show', now })).toBe('used')
    expect(checkInRefusal({ ...b, status: 'cancelled', now })).toBe('cancelled')
  })

  it('lets a booking be cancelled until its slot begins', () => {
    const b = { status: 'booked' as const, slotAt: at('2026-11-25T03:00:00Z') }
    expect(cancelRefusal({ ...b, now })).toBeNull()
    expect(cancelRefusal({ ...b, now: at('2026-11-25T03:00:00Z') })).toBe('started')
    expect(cancelRefusal({ ...b, status: 'checked_in', now })).toBe('used')
  })

  it('writes codes of six unambiguous characters, printed with a dash', () => {
    expect(isBookingCode('ABC234')).toBe(true)
    for (const bad of ['ABC23O', 'ABC231', 'ABCI34', 'ABC2345', 'abc234', ''])
      expect(isBookingCode(bad)).toBe(false)
    expect(formatBookingCode('ABC234')).toBe('ABC-234')
  })

  it('shows names in full only to the station’s staff and the booked deputy (DESIGN §4.8)', () => {
    const acc = (over: Partial<Account>): Account => ({
      id: 1,
      mustChangePassword: false,
      username: 'x',
      displayName: 'x',
      role: 'staff',
      deputyId: null,
      stationIds: [],
      ...over,
    })
    const booking = { stationId: 1, deputyId: 3 }
    expect(seesPersonalData(acc({ stationIds: [1] }), booking)).toBe(true)
    expect(seesPersonalData(acc({ stationIds: [2] }), booking)).toBe(false)
    expect(seesPersonalData(acc({ role: 'deputy', deputyId: 3 }), booking)).toBe(true)
    expect(seesPersonalData(acc({ role: 'deputy', deputyId: 4 }), booking)).toBe(false)
    expect(seesPersonalData(acc({ role: 'admin' }), booking)).toBe(false)
  })
})
