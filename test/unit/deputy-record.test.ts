import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ConcernEventDetail, ConcernStatus, Verdict } from '../../db/schema.ts'
import {
  computeRecord,
  median,
  type RecordEvent,
  type RecordInput,
  rankBySatisfaction,
} from '../../server/domain/deputy-record.ts'
import { workingCalendar } from '../../server/domain/working-days.ts'

const calendar = () => workingCalendar([{ date: '2026-12-09', kind: 'station_closed' }])
let nextId = 1
const ev = (
  concernId: number,
  date: string,
  action: RecordEvent['action'],
  from: ConcernStatus | null,
  to: ConcernStatus,
  detail: ConcernEventDetail = {},
): RecordEvent => {
  const id = nextId++
  return {
    id,
    concernId,
    at: Date.parse(`${date}T02:00:00Z`) + id,
    date,
    action,
    fromStatus: from,
    toStatus: to,
    detail,
  }
}

const base = (over: Partial<RecordInput>): RecordInput => ({
  concerns: [],
  events: [],
  scheduled: [],
  present: [],
  served: [],
  calendar,
  period: { from: '2026-12-01', to: '2026-12-31' },
  today: '2027-01-04',
  minSatisfactionSample: 2,
  ...over,
})

describe('the deputy record from plain rows', () => {
  it('counts a small month by hand', () => {
    const concerns = [
      // 1: received 1 Dec, referred 3 Dec (2 wd), replied by the unit late, closed 满意.
      { id: 1, stationId: 1, receivedOn: '2026-12-01', firstResponseDueOn: '2026-12-08' },
      // 2: received 7 Dec, answered 10 Dec (9th closed: 2 wd), in time.
      { id: 2, stationId: 1, receivedOn: '2026-12-07', firstResponseDueOn: '2026-12-14' },
      // 3: received 30 Nov (before the month), its answer undone: still received, untouched since.
      { id: 3, stationId: 1, receivedOn: '2026-11-30', firstResponseDueOn: '2026-12-07' },
      // 4: received 2 Dec, nothing since: open and 29 days without update on 31 Dec.
      { id: 4, stationId: 1, receivedOn: '2026-12-02', firstResponseDueOn: '2026-12-10' },
      // 5: received 1 Dec, a formal suggestion the same day, nothing since.
      { id: 5, stationId: 1, receivedOn: '2026-12-01', firstResponseDueOn: '2026-12-08' },
    ]
    const events = [
      ev(1, '2026-12-01', 'created', null, 'received'),
      ev(1, '2026-12-03', 'status_changed', 'received', 'referred', {
        due: { kind: 'unit_reply', on: '2026-12-10' },
      }),
      ev(1, '2026-12-11', 'unit_replied', 'referred', 'in_progress', {
        due: { kind: 'relay', on: '2026-12-18' },
      }),
      ev(1, '2026-12-14', 'status_changed', 'in_progress', 'replied', { due: null }),
      ev(1, '2026-12-15', 'verdict', 'replied', 'reopened', {
        verdict: 'unsatisfied',
        due: { kind: 'rehandling', on: '2026-12-28' },
      }),
      ev(1, '2026-12-21', 'status_changed', 'reopened', 'replied', { due: null }),
      ev(1, '2026-12-22', 'verdict', 'replied', 'closed', { verdict: 'satisfied', due: null }),
      ev(2, '2026-12-07', 'created', null, 'received'),
      ev(2, '2026-12-10', 'served', 'received', 'answered'),
      ev(3, '2026-11-30', 'created', null, 'received'),
      ev(3, '2026-12-01', 'status_changed', 'received', 'answered', { due: null }),
      ev(4, '2026-12-02', 'created', null, 'received'),
      ev(4, '2026-12-15', 'escalated', 'received', 'received', { level: 1 }),
      ev(5, '2026-12-01', 'created', null, 'received'),
      ev(5, '2026-12-01', 'status_changed', 'received', 'suggestion', {
        due: { kind: 'suggestion_reply', on: '2027-03-01' },
      }),
    ]
    events.push(ev(3, '2026-12-02', 'undone', 'answered', 'received', { undoes: events.at(-5)!.id }))
    const r = computeRecord(
      base({
        concerns,
        events,
        scheduled: [
          { deputyId: 1, stationId: 1, date: '2026-12-02' },
          { deputyId: 1, stationId: 1, date: '2026-12-16' },
        ],
        present: [
          { deputyId: 1, stationId: 1, date: '2026-12-02' },
          { deputyId: 1, stationId: 1, date: '2026-12-03' },
        ],
        served: [
          { deputyId: 1, stationId: 1, date: '2026-12-03' },
          { deputyId: 1, stationId: 1, date: '2026-12-03' },
          { deputyId: 1, stationId: 1, date: '2027-01-02' },
        ],
      }),
    )
    expect(r.period).toEqual({ from: '2026-12-01', to: '2026-12-31', asOf: '2026-12-31' })
    expect(r.receptions).toEqual({ scheduled: 2, held: 2, heldScheduled: 1 })
    expect(r.residentsReceived).toBe(2)
    expect(r.concernsReceived).toBe(4) // 1, 2, 4, 5
    // 1: 2 wd, 2: 2 wd (8, 10), 5: 0 → median 2; 4 is waiting.
    expect(r.firstResponse).toEqual({ medianWorkingDays: 2, responded: 3, waiting: 1 })
    // 1 closed late (the unit's reply came after 10 Dec); 2 answered in time; 3's answer was undone.
    expect(r.closedWithinDeadline).toEqual({ share: 0.5, count: 1, of: 2 })
    expect(r.concernIds.finished.sort()).toEqual([1, 2])
    expect(r.satisfaction).toEqual({
      rate: 0.5,
      sample: 2,
      satisfied: 1,
      basicallySatisfied: 0,
      unsatisfied: 1,
      ranked: true,
    })
    expect(r.reopened).toEqual({ share: 1, count: 1, of: 1 })
    // Open on 31 Dec: 3 (31 days without update), 4 (29: escalations are not updates), 5 (30).
    expect(r.staleOpen).toEqual({ share: 2 / 3, count: 2, of: 3 })
    expect(r.formalSuggestions).toBe(1)
    expect(r.weeks.map((w) => [w.weekStart, w.received, w.finished])).toEqual([
      ['2026-11-30', 3, 0],
      ['2026-12-07', 1, 1],
      ['2026-12-14', 0, 0],
      ['2026-12-21', 0, 1],
      ['2026-12-28', 0, 0],
    ])

    // Two weeks in, as of 14 December: what happened later does not count yet.
    const mid = computeRecord(base({ concerns, events, today: '2026-12-14' }))
    expect(mid.period.asOf).toBe('2026-12-14')
    expect(mid.satisfaction.sample).toBe(0)
    expect(mid.satisfaction.ranked).toBe(false)
    expect(mid.closedWithinDeadline).toEqual({ share: 1, count: 1, of: 1 })
    expect(mid.staleOpen).toEqual({ share: 0, count: 0, of: 4 })
  })

  it('keeps every share between 0 and 1 and every count within its whole', () => {
    const status = fc.constantFrom<ConcernStatus>(
      'answered',
      'referred',
      'replied',
      'closed',
      'reopened',
      'suggestion',
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 28 }),
            to: status,
            verdict: fc.constantFrom<Verdict | null>('satisfied', 'unsatisfied', null),
          }),
          {
            maxLength: 30,
          },
        ),
        (steps) => {
          const concerns = steps.map((_, i) => ({
            id: i + 1,
            stationId: 1,
            receivedOn: '2026-12-01',
            firstResponseDueOn: '2026-12-08',
          }))
          const events = steps.flatMap((s, i) => {
            const date = `2026-12-${String(s.day).padStart(2, '0')}`
            return [
              ev(i + 1, '2026-12-01', 'created', null, 'received'),
              s.verdict
                ? ev(i + 1, date, 'verdict', 'replied', s.verdict === 'satisfied' ? 'closed' : 'reopened', {
                    verdict: s.verdict,
                  })
                : ev(i + 1, date, 'status_changed', 'received', s.to),
            ]
          })
          const r = computeRecord(base({ concerns, events }))
          for (const sh of [r.closedWithinDeadline, r.reopened, r.staleOpen]) {
            expect(sh.count).toBeLessThanOrEqual(sh.of)
            if (sh.share !== null) expect(sh.share).toBeGreaterThanOrEqual(0)
            if (sh.share !== null) expect(sh.share).toBeLessThanOrEqual(1)
          }
          expect(r.firstResponse.responded + r.firstResponse.waiting).toBeLessThanOrEqual(r.concernsReceived)
          expect(r.weeks.reduce((s, w) => s + w.received, 0)).toBe(r.concernsReceived)
        },
      ),
    )
  })

  it('never lets a walk-in who never came and left no phone change a figure, only its own count', () => {
    const status = fc.constantFrom<ConcernStatus>('answered', 'referred', 'replied', 'closed', 'reopened')
    const day = (d: number) => `2026-12-${String(d).padStart(2, '0')}`
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), to: status }), { maxLength: 15 }),
        fc.array(
          fc.record({
            received: fc.integer({ min: 1, max: 28 }),
            later: fc.integer({ min: 0, max: 3 }),
            called: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        fc.constantFrom('2026-12-15', '2026-12-31', '2027-01-04'),
        (steps, noShows, today) => {
          const concerns = steps.map((s, i) => ({
            id: i + 1,
            stationId: 1,
            receivedOn: day(Math.min(s.day, 20)),
            firstResponseDueOn: '2026-12-24',
          }))
          const events = steps.flatMap((s, i) => [
            ev(i + 1, day(Math.min(s.day, 20)), 'created', null, 'received'),
            s.to === 'closed' || s.to === 'reopened'
              ? ev(i + 1, day(s.day), 'verdict', 'answered', s.to, {
                  verdict: s.to === 'closed' ? 'satisfied' : 'unsatisfied',
                })
              : ev(i + 1, day(s.day), 'status_changed', 'received', s.to),
          ])
          const ghosts = noShows.map((n, i) => ({
            id: 1000 + i,
            stationId: 1,
            receivedOn: day(n.received),
            firstResponseDueOn: day(Math.min(28, n.received + 5)),
          }))
          const ghostEvents = noShows.flatMap((n, i) => {
            const at = day(Math.min(28, n.received + n.later))
            return [
              ev(1000 + i, day(n.received), 'created', null, 'received'),
              ...(n.called ? [ev(1000 + i, day(n.received), 'called', 'received', 'received')] : []),
              ev(1000 + i, at, 'no_show', 'received', 'no_show_no_contact'),
            ]
          })
          const without = computeRecord(base({ concerns, events, today }))
          const withGhosts = computeRecord(
            base({ concerns: [...concerns, ...ghosts], events: [...events, ...ghostEvents], today }),
          )
          expect(without.noShowNoContact).toBe(0)
          expect(withGhosts.noShowNoContact).toBe(ghosts.length)
          expect({ ...withGhosts, noShowNoContact: 0 }).toEqual(without)
        },
      ),
    )
  })

  it('counts a verdict on an answer given on the spot without finishing the concern twice', () => {
    const concerns = [{ id: 1, stationId: 1, receivedOn: '2026-12-01', firstResponseDueOn: '2026-12-08' }]
    const events = [
      ev(1, '2026-12-01', 'created', null, 'received'),
      ev(1, '2026-12-01', 'served', 'received', 'answered'),
      ev(1, '2026-12-01', 'verdict', 'answered', 'closed', { verdict: 'basically_satisfied' }),
    ]
    const r = computeRecord(base({ concerns, events }))
    expect(r.satisfaction).toMatchObject({ sample: 1, basicallySatisfied: 1, rate: 1 })
    expect(r.closedWithinDeadline).toEqual({ share: 1, count: 1, of: 1 })
    expect(r.concernIds.finished).toEqual([1])
    // Answered but not rated: no verdict counted, and nothing counted as satisfied.
    const unrated = computeRecord(base({ concerns, events: events.slice(0, 2) }))
    expect(unrated.satisfaction).toMatchObject({ sample: 0, rate: null, satisfied: 0 })
  })

  it('takes the median of the middle two for an even count', () => {
    expect(median([])).toBeNull()
    expect(median([3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})

describe('ranking by satisfaction', () => {
  const row = (id: number, rate: number | null, sample: number, ranked: boolean) => ({
    id,
    record: { satisfaction: { rate, sample, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0, ranked } },
  })

  it('ranks only records with enough verdicts, ties sharing a rank, the rest after them unranked', () => {
    const ranked = rankBySatisfaction([
      row(1, 0.5, 10, true),
      row(2, 1, 2, false),
      row(3, 0.9, 12, true),
      row(4, 0.9, 6, true),
      row(5, null, 0, false),
    ])
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      [3, 1],
      [4, 1],
      [1, 3],
      [2, null],
      [5, null],
    ])
  })
})
