import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ContactEvent,
  type CoveragePlace,
  contactEvents,
  deputyCoverage,
  monthsOf,
  placeCoverage,
  placeMonthGrid,
} from '../../server/domain/coverage.ts'
import { addDays } from '../../server/domain/zoned-time.ts'

const PLACES: CoveragePlace[] = Array.from({ length: 8 }, (_, i) => ({
  id: i + 1,
  districtId: 1 + (i % 2),
  kind: i % 3 === 0 ? 'firm' : 'community',
}))
const period = { from: '2026-07-01', to: '2026-10-01' }
const today = '2026-12-06'

const dateArb = fc.integer({ min: -200, max: 120 }).map((n) => addDays('2026-07-01', n))
const eventArb: fc.Arbitrary<ContactEvent> = fc.record({
  kind: fc.constantFrom('visit', 'concern', 'booking'),
  sourceId: fc.nat(1000),
  placeId: fc.integer({ min: 1, max: 10 }),
  date: dateArb,
  deputyIds: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
})
const eventsArb = fc.array(eventArb, { maxLength: 40 })

describe('coverage rules', () => {
  it('a concern raised at a held visit about its place is the visit’s contact, not a second one', () => {
    const events = contactEvents({
      visits: [
        { id: 1, placeId: 5, status: 'held', date: '2026-08-03', deputyIds: [1, 2] },
        { id: 2, placeId: 6, status: 'cancelled', date: '2026-08-04', deputyIds: [1] },
      ],
      concerns: [
        {
          id: 10,
          placeId: 5,
          deputyId: 1,
          receivedOn: '2026-08-03',
          status: 'received',
          triage: null,
          visitId: 1,
        },
        {
          id: 11,
          placeId: 7,
          deputyId: 1,
          receivedOn: '2026-08-03',
          status: 'received',
          triage: null,
          visitId: 1,
        },
        {
          id: 12,
          placeId: 6,
          deputyId: 1,
          receivedOn: '2026-08-04',
          status: 'received',
          triage: null,
          visitId: 2,
        },
        {
          id: 13,
          placeId: 6,
          deputyId: 1,
          receivedOn: '2026-08-04',
          status: 'spam',
          triage: 'spam',
          visitId: null,
        },
        {
          id: 14,
          placeId: 6,
          deputyId: 1,
          receivedOn: '2026-08-04',
          status: 'received',
          triage: 'pending',
          visitId: null,
        },
        {
          id: 15,
          placeId: null,
          deputyId: 1,
          receivedOn: '2026-08-04',
          status: 'received',
          triage: null,
          visitId: null,
        },
      ],
      bookings: [
        { id: 20, placeId: 4, deputyId: 3, status: 'served', date: '2026-08-05' },
        { id: 21, placeId: 4, deputyId: 3, status: 'no_show', date: '2026-08-05' },
        { id: 22, placeId: 4, deputyId: 3, status: 'checked_in', date: '2026-08-06' },
      ],
    })
    expect(events.map((e) => `${e.kind}:${e.sourceId}@${e.placeId}`)).toEqual([
      'visit:1@5',
      'concern:11@7',
      'concern:12@6',
      'booking:20@4',
      'booking:22@4',
    ])
    expect(events[0]!.deputyIds).toEqual([1, 2])
  })

  it('lists unreached places first, never-reached before the longest without a contact', () => {
    const rows = placeCoverage({
      places: PLACES.slice(0, 4),
      events: [
        { kind: 'visit', sourceId: 1, placeId: 1, date: '2026-09-20', deputyIds: [1] },
        { kind: 'visit', sourceId: 2, placeId: 2, date: '2026-03-01', deputyIds: [1] },
        { kind: 'visit', sourceId: 3, placeId: 3, date: '2026-08-01', deputyIds: [1] },
        { kind: 'visit', sourceId: 4, placeId: 3, date: '2026-10-02', deputyIds: [1] },
      ],
      period,
      today,
      unreachedDays: 90,
    })
    expect(rows.map((r) => [r.placeId, r.lastContact, r.daysSince, r.contactsInPeriod, r.unreached])).toEqual(
      [
        [4, null, null, 0, true],
        [2, '2026-03-01', 213, 0, true],
        [3, '2026-08-01', 60, 1, false],
        [1, '2026-09-20', 10, 1, false],
      ],
    )
  })

  it('counts months a period touches', () => {
    expect(monthsOf({ from: '2026-01-15', to: '2026-04-01' })).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(monthsOf({ from: '2026-12-01', to: '2027-01-02' })).toEqual(['2026-12', '2027-01'])
  })

  it('property: adding a contact never makes a place unreached, and never lowers its count', () => {
    fc.assert(
      fc.property(eventsArb, eventArb, fc.integer({ min: 1, max: 200 }), (events, extra, days) => {
        const before = placeCoverage({ places: PLACES, events, period, today, unreachedDays: days })
        const after = placeCoverage({
          places: PLACES,
          events: [...events, extra],
          period,
          today,
          unreachedDays: days,
        })
        for (const b of before) {
          const a = after.find((r) => r.placeId === b.placeId)!
          if (!b.unreached) expect(a.unreached).toBe(false)
          expect(a.contactsInPeriod).toBeGreaterThanOrEqual(b.contactsInPeriod)
        }
        expect(after.length).toBe(PLACES.length)
      }),
    )
  })

  it('property: distinct places ≤ places of the districts, shares in [0, 1], n is the contacts', () => {
    fc.assert(
      fc.property(
        eventsArb,
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 10 })),
        (events, deputyId, own) => {
          const d = deputyCoverage({
            deputyId,
            districtPlaceIds: [1, 3, 5, 7],
            events,
            visits: [],
            period,
            today,
            ownPlaceIds: [own, null],
            minSample: 5,
          })
          expect(d.placesReached).toBeLessThanOrEqual(d.placesOfDistricts)
          for (const s of [d.topPlace, d.ownPlaces])
            if (s && s.share !== null) {
              expect(s.share).toBeGreaterThanOrEqual(0)
              expect(s.share).toBeLessThanOrEqual(1)
              expect(s.of).toBe(d.contacts)
            }
          if (d.topPlace)
            expect(d.topPlace.count).toBeGreaterThanOrEqual(
              d.ownPlaces.count / Math.max(1, d.ownPlaces.placeIds.length),
            )
          expect(d.ranked).toBe(d.contacts >= 5)
        },
      ),
    )
  })

  it('property: the grid marks a month reached exactly when a contact in it counts for the place', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const grid = placeMonthGrid({ places: PLACES, events, period, today })
        const cov = placeCoverage({ places: PLACES, events, period, today, unreachedDays: 90 })
        for (const row of grid.rows) {
          const c = cov.find((r) => r.placeId === row.placeId)!
          expect(row.reached.some(Boolean)).toBe(c.contactsInPeriod > 0)
        }
      }),
    )
  })

  it('counts planned, held and cancelled visits of a deputy apart', () => {
    const d = deputyCoverage({
      deputyId: 1,
      districtPlaceIds: [1, 2],
      events: [],
      visits: [
        { status: 'held', date: '2026-07-02', deputyIds: [1, 2] },
        { status: 'planned', date: '2026-09-30', deputyIds: [1] },
        { status: 'cancelled', date: '2026-08-02', deputyIds: [1] },
        { status: 'held', date: '2026-10-01', deputyIds: [1] },
        { status: 'held', date: '2026-08-01', deputyIds: [2] },
      ],
      period,
      today,
      ownPlaceIds: [],
      minSample: 5,
    })
    expect(d.visits).toEqual({ planned: 2, held: 1, stillPlanned: 1, cancelled: 1 })
    expect(d.topPlace).toBeNull()
    expect(d.ownPlaces.share).toBeNull()
  })
})
