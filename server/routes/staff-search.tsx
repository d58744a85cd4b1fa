import { Hono } from 'hono'
import { type BookingHit, type ConcernHit, SEARCH_LIMIT, searchRecords } from '../../db/queries/search.ts'
import { type BookingResult, type ConcernResult, SearchPage } from '../../views/pages/staff/search-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import { seesPersonalData } from '../domain/booking-rules.ts'
import { maskName, maskPhone } from '../domain/masking.ts'
import { maySeePersonalData } from '../domain/queue-access.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import { slotStartTime } from '../domain/reception-sessions.ts'
import { parseSearch, SEARCH_MAX, searchScopeOf } from '../domain/staff-search.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { auditFullView } from './personal-data-audit.ts'

/** Searches per account and minute: far above a clerk at work, enough to stop a script. */
const SEARCHES_PER_MINUTE = 120

const shown = (full: boolean, value: string | null, mask: (s: string) => string) =>
  value ? (full ? value : mask(value)) : null

/** Where a booking opens: the station's reception day for its clerks, the deputy's own days. */
const bookingHref = (account: Account, b: BookingHit) =>
  account.role === 'deputy'
    ? `/deputy/reception?date=${b.date}`
    : `/staff/stations/${b.stationId}/reception?date=${b.date}`

/**
 * GET /staff/search?q=: one box for staff, deputies and administrators that finds a concern by
 * its tracking code or a booking by its code, either by the last digits of the resident's phone,
 * or by part of the resident's name, within what the account may see. One code hit and nothing
 * else opens it; otherwise a list, names and phones masked unless the viewer may see them.
 */
export function staffSearchRoutes(deps: AppDeps) {
  const limiter = new RateLimiter(SEARCHES_PER_MINUTE, 60_000, deps.clock, deps.config.rateLimitMultiplier)
  const app = new Hono<AppEnv>()

  app.get('/staff/search', (c) => {
    const account = c.get('account')!
    const q = c.req.query('q') ?? ''
    const input = parseSearch(q)
    if (!input.ok)
      return input.reason === 'too_long'
        ? rejectRequest(c, 400, 'search.error.tooLong', { max: String(SEARCH_MAX) })
        : rejectRequest(c, 400, 'search.error.control')
    if (!input.terms) return renderPage(c, <SearchPage q="" results={null} />)
    if (!limiter.take(String(account.id))) return rejectRequest(c, 429, 'search.error.tooMany')

    const found = searchRecords(deps.db, input.terms, searchScopeOf(account))
    const code = input.terms.code
    if (code && found.concerns.length + found.bookings.length === 1) {
      const concern = found.concerns[0]
      if (concern?.trackingCode === code) return c.redirect(`/concerns/${concern.id}`, 302)
      const booking = found.bookings[0]
      if (booking?.code === code) return c.redirect(bookingHref(account, booking), 302)
    }

    const i18n = c.get('i18n')
    const seenConcerns: number[] = []
    const concerns = found.concerns.map((r: ConcernHit): ConcernResult => {
      const full = maySeePersonalData(account, r)
      if (full && (r.residentName || r.callbackPhone)) seenConcerns.push(r.id)
      return {
        id: r.id,
        trackingCode: r.trackingCode,
        status: r.status,
        station: i18n.name(r.station),
        deputy: r.deputyName,
        topic: i18n.name(r.topic),
        receivedOn: r.receivedOn,
        name: shown(full, r.residentName, maskName),
        phone: shown(full, r.callbackPhone, maskPhone),
      }
    })
    const seenBookings: number[] = []
    const bookings = found.bookings.map((r): BookingResult => {
      const full = seesPersonalData(account, r)
      if (full && (r.residentName || r.residentPhone)) seenBookings.push(r.id)
      return {
        id: r.id,
        code: r.code,
        status: r.status,
        station: i18n.name(r.station),
        deputy: r.deputyName,
        when: `${r.date} ${slotStartTime(r, r.slotIndex)}`,
        name: shown(full, r.residentName, maskName),
        phone: shown(full, r.residentPhone, maskPhone),
        href: bookingHref(account, r),
      }
    })
    auditFullView(c, 'concern', seenConcerns)
    auditFullView(c, 'reception_booking', seenBookings)
    return renderPage(c, <SearchPage q={q.trim()} results={{ concerns, bookings, limit: SEARCH_LIMIT }} />)
  })

  return app
}
