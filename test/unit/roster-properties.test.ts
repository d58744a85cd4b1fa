import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entriesToPublish, generateRoster } from '../../server/domain/roster/generate.ts'
import type { PersonKey, RosterInput, RotationRule, SlotDef } from '../../server/domain/roster/types.ts'
import { addDays, datesBetween, daysBetween, weekdayOf, weekStart } from '../../server/domain/zoned-time.ts'
import {
  absencesArb,
  closuresArb,
  dateIn,
  input,
  overridesArb,
  participantsArb,
  rosterInputArb,
  rule,
  rulesArb,
  slot,
  swapsArb,
} from '../helpers/roster.ts'

const BASE = '2026-01-05'
const SPAN = 70

/**
 * An independent, slower reading of the rules: list every open slot first, then hand each
 * rotation version its own slots in order and cut them into turns.
 */
function oracle(inp: RosterInput, from: string, to: string) {
  const closed = (d: string) =>
    inp.closures.some((c) => c.date === d && (c.kind === 'holiday' || c.kind === 'station_closed'))
  const makeUp = (d: string) => inp.closures.some((c) => c.date === d && c.kind === 'workday')
  const inMask = (mask: readonly number[], d: string) =>
    mask.length === 0 ||
    mask.includes(weekdayOf(d)) ||
    (makeUp(d) && [1, 2, 3, 4, 5].every((w) => mask.includes(w)))
  const start = [from, ...inp.rules.map((r) => r.effectiveFrom)].sort()[0]!
  const open: { date: string; def: SlotDef }[] = []
  for (const date of datesBetween(start, to)) {
    if (closed(date)) continue
    const defs = inp.slotDefs.filter(
      (d) =>
        d.validFrom <= date && (d.validUntil === null || date <= d.validUntil) && inMask(d.weekdays, date),
    )
    defs.sort((a, b) => a.start.localeCompare(b.start) || a.sortOrder - b.sortOrder)
    for (const def of defs) open.push({ date, def })
  }
  const serving = (date: string, code: string): RotationRule | null => {
    const layers = [...new Set(inp.rules.map((r) => r.layer))].sort((a, b) => b - a)
    for (const layer of layers) {
      const current = inp.rules
        .filter((r) => r.layer === layer && r.effectiveFrom <= date)
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.id - b.id)
        .at(-1)
      if (
        current &&
        (current.slotCodes.length === 0 || current.slotCodes.includes(code)) &&
        inMask(current.weekdays, date)
      )
        return current
    }
    return null
  }
  const owner = open.map((s) => serving(s.date, s.def.code))
  const planned = new Map<number, PersonKey>()
  for (const r of inp.rules) {
    const mine = open.map((s, i) => ({ s, i })).filter((_, i) => owner[i]?.id === r.id)
    const unitOf = (d: string, i: number) =>
      r.unit === 'slot' ? String(i) : r.unit === 'day' ? d : weekStart(d)
    const units: string[] = []
    for (const { s, i } of mine) {
      const u = unitOf(s.date, i)
      if (units.at(-1) !== u) units.push(u)
      const turn = Math.floor((units.length - 1) / r.interval)
      planned.set(i, r.participants[(r.startPosition + turn) % r.participants.length]!)
    }
  }
  const absent = (p: PersonKey, d: string) =>
    inp.absences.some((a) => a.person === p && a.from <= d && d <= a.to)
  return open.flatMap(({ date, def }, i) => {
    if (date < from) return []
    const key = `${date}|${def.code}`
    const override = inp.overrides
      .filter(
        (o) => o.from <= date && date <= o.to && (o.slotCodes.length === 0 || o.slotCodes.includes(def.code)),
      )
      .sort((a, b) => b.id - a.id)[0]
    const swap = inp.swaps
      .filter((s) => s.date === date && s.code === def.code)
      .sort((a, b) => b.id - a.id)[0]
    let person: PersonKey | null
    if (override) person = override.person
    else if (swap) person = swap.to
    else if (
      inp.published.through !== null &&
      date <= inp.published.through &&
      inp.published.entries.has(key)
    )
      person = inp.published.entries.get(key) ?? null
    else {
      const r = owner[i]
      const p = planned.get(i)
      person = null
      if (r && p) {
        const at = r.participants.indexOf(p)
        for (let k = 0; k < r.participants.length && person === null; k++) {
          const q = r.participants[(at + k) % r.participants.length]!
          if (!absent(q, date)) person = q
        }
      }
    }
    return [{ key, person, gap: person === null || absent(person, date) }]
  })
}

describe('roster generation (properties)', () => {
  it('gives every open slot exactly the person the precedence rules say, or reports it as a gap', () => {
    fc.assert(
      fc.property(rosterInputArb(BASE, SPAN), dateIn(BASE, 20), (inp, from) => {
        const to = addDays(BASE, SPAN)
        const roster = generateRoster(inp, from, to)
        const expected = oracle(inp, from, to)
        expect(roster.map((s) => ({ key: s.key, person: s.person, gap: s.gap }))).toEqual(expected)
        expect(new Set(roster.map((s) => s.key)).size).toBe(roster.length)
        for (const s of roster) {
          expect(s.gap).toBe(s.person === null || s.absent)
          if (s.source === 'override') expect(s.overrideId).not.toBeNull()
          if (s.source === 'swap') expect(s.swapId).not.toBeNull()
        }
      }),
      { numRuns: 300 },
    )
  })

  it('counts turns over quiet weeks at once with the same result as a walk through every day', () => {
    // Slot definitions, versions and closures spread over 400 days; ranges up to three years on.
    fc.assert(
      fc.property(
        rosterInputArb(BASE, 400),
        fc.integer({ min: 0, max: 1100 }),
        fc.integer({ min: 0, max: 40 }),
        (inp, start, days) => {
          const from = addDays(BASE, start)
          const to = addDays(from, days)
          expect(generateRoster(inp, from, to)).toEqual(
            generateRoster(inp, from, to, { skipQuietWeeks: false }),
          )
        },
      ),
      { numRuns: 150 },
    )
  })

  it('answers for a month centuries after the rotation began', () => {
    const inp = input({
      slotDefs: [slot('AM', '09:00', '12:00', [1, 2, 3, 4, 5])],
      rules: [rule({ effectiveFrom: '2026-01-05', participants: ['account:1', 'account:2', 'account:3'] })],
    })
    const roster = generateRoster(inp, '9000-03-01', '9000-03-31')
    expect(roster.map((s) => weekdayOf(s.date)).every((d) => d <= 5)).toBe(true)
    // Every working day since Monday 2026-01-05 was one turn, and the count goes on from there.
    const first = roster[0]!
    const days = daysBetween('2026-01-05', first.date)
    const turn = Math.floor(days / 7) * 5 + (days % 7)
    expect(first.turn).toBe(turn)
    expect(first.person).toBe(['account:1', 'account:2', 'account:3'][turn % 3])
  })

  it('is deterministic: the same input gives the same roster', () => {
    fc.assert(
      fc.property(rosterInputArb(BASE, SPAN), (inp) => {
        const to = addDays(BASE, SPAN)
        expect(generateRoster(inp, BASE, to)).toEqual(generateRoster(structuredClone(inp), BASE, to))
      }),
      { numRuns: 50 },
    )
  })

  it('over a year with a weekday mask and holidays, turns per person differ by at most one', () => {
    const year = { from: '2026-01-01', to: '2026-12-31' }
    fc.assert(
      fc.property(
        fc.subarray([1, 2, 3, 4, 5, 6, 7] as const, { minLength: 1 }),
        closuresArb(year.from, 364),
        participantsArb(),
        fc.constantFrom<RotationRule['unit']>('slot', 'day', 'week'),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 5 }),
        (mask, closures, participants, unit, interval, start) => {
          const inp = input({
            slotDefs: [slot('am', '09:00', '12:00', mask), slot('pm', '14:00', '17:30', [mask[0]!])],
            closures,
            rules: [
              rule({
                participants,
                unit,
                interval,
                effectiveFrom: year.from,
                startPosition: start % participants.length,
              }),
            ],
          })
          const roster = generateRoster(inp, year.from, year.to)
          const turns = new Map<PersonKey, Set<number>>(participants.map((p) => [p, new Set()]))
          for (const s of roster) turns.get(s.person!)!.add(s.turn!)
          const counts = [...turns.values()].map((t) => t.size)
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
          if (unit === 'slot' && interval === 1) {
            const slots = participants.map((p) => roster.filter((s) => s.person === p).length)
            expect(Math.max(...slots) - Math.min(...slots)).toBeLessThanOrEqual(1)
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it('never changes a published slot unless a swap or an override touched it', () => {
    const horizon = addDays(BASE, 41)
    const after = addDays(horizon, 1)
    const to = addDays(BASE, SPAN)
    fc.assert(
      fc.property(
        rosterInputArb(BASE, SPAN).map((i) => ({
          ...i,
          swaps: [],
          overrides: [],
          published: { through: null, entries: new Map() },
        })),
        rulesArb(after, SPAN - 42, 100).map((rs) =>
          rs.map((r) => ({ ...r, effectiveFrom: [r.effectiveFrom, after].sort()[1]! })),
        ),
        closuresArb(BASE, SPAN),
        absencesArb(BASE, SPAN),
        swapsArb(BASE, SPAN, 1),
        overridesArb(BASE, SPAN, 1),
        (inp, laterRules, laterClosures, laterAbsences, swaps, overrides) => {
          const entries = entriesToPublish(inp, BASE, horizon)
          const published = { through: horizon, entries: new Map(entries.map((e) => [e.key, e.person])) }
          const before = generateRoster({ ...inp, published }, BASE, to)
          const known = new Set(inp.closures.map((c) => c.date))
          const changed: RosterInput = {
            ...inp,
            published,
            rules: [...inp.rules, ...laterRules],
            closures: [...inp.closures, ...laterClosures.filter((c) => !known.has(c.date))],
            absences: [...inp.absences, ...laterAbsences],
            swaps,
            overrides,
          }
          const afterRoster = new Map(generateRoster(changed, BASE, to).map((s) => [s.key, s]))
          for (const s of before.filter((x) => x.date <= horizon)) {
            expect(s.published).toBe(true)
            const now = afterRoster.get(s.key)
            if (!now) continue // a closure added later removed the slot itself
            expect(now.scheduled).toBe(s.scheduled)
            if (now.source !== 'swap' && now.source !== 'override') expect(now.person).toBe(s.person)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('counts closed days as no turn: a holiday hands the next person the next open slot', () => {
    const inp = input({
      slotDefs: [slot('am', '09:00', '12:00')],
      closures: [{ date: '2026-10-01', kind: 'holiday' }],
      rules: [rule({ participants: ['account:1', 'account:2', 'account:3'], effectiveFrom: '2026-09-28' })],
    })
    const roster = generateRoster(inp, '2026-09-28', '2026-10-05')
    expect(roster.map((s) => [s.date, s.person])).toEqual([
      ['2026-09-28', 'account:1'],
      ['2026-09-29', 'account:2'],
      ['2026-09-30', 'account:3'],
      ['2026-10-02', 'account:1'],
      ['2026-10-05', 'account:2'],
    ])
  })

  it('runs working-week slots on a make-up Sunday (调休) but not slots picked for single weekdays', () => {
    const inp = input({
      slotDefs: [
        slot('am', '09:00', '12:00'),
        slot('pm', '14:00', '17:00', [3]),
        slot('sat', '09:00', '11:00', [6]),
      ],
      closures: [{ date: '2026-09-27', kind: 'workday' }],
    })
    const roster = generateRoster(inp, '2026-09-26', '2026-09-27')
    expect(roster.map((s) => s.key)).toEqual(['2026-09-26|sat', '2026-09-27|am'])
    expect(roster.find((s) => s.key === '2026-09-27|am')?.weekend).toBe(false)
    expect(roster.find((s) => s.key === '2026-09-26|sat')?.weekend).toBe(true)
  })

  it('lets a higher layer take the slots it covers without costing the lower layer a turn', () => {
    const inp = input({
      slotDefs: [slot('am', '09:00', '12:00', [1, 2, 3, 4, 5, 6])],
      rules: [
        rule({ id: 1, layer: 1, participants: ['account:1', 'account:2'], effectiveFrom: '2026-11-02' }),
        rule({ id: 2, layer: 2, participants: ['deputy:1'], weekdays: [6], effectiveFrom: '2026-11-02' }),
      ],
    })
    const roster = generateRoster(inp, '2026-11-02', '2026-11-09')
    expect(roster.map((s) => s.person)).toEqual([
      'account:1',
      'account:2',
      'account:1',
      'account:2',
      'account:1',
      'deputy:1',
      'account:2',
    ])
  })

  it('substitutes an absent person with the next one present, and reports a gap when nobody is', () => {
    const inp = input({
      slotDefs: [slot('am', '09:00', '12:00')],
      rules: [rule({ participants: ['account:1', 'account:2'], effectiveFrom: '2026-11-02' })],
      absences: [
        { person: 'account:1', from: '2026-11-02', to: '2026-11-02' },
        { person: 'account:1', from: '2026-11-04', to: '2026-11-04' },
        { person: 'account:2', from: '2026-11-04', to: '2026-11-04' },
      ],
    })
    const roster = generateRoster(inp, '2026-11-02', '2026-11-04')
    expect(roster.map((s) => [s.person, s.source, s.gap])).toEqual([
      ['account:2', 'substitute', false],
      ['account:2', 'rotation', false],
      [null, 'none', true],
    ])
  })

  it('reports slots no rotation covers as gaps', () => {
    const inp = input({
      slotDefs: [slot('am', '09:00', '12:00'), slot('pm', '14:00', '17:00')],
      rules: [rule({ participants: ['account:1'], slotCodes: ['am'], effectiveFrom: '2026-11-02' })],
    })
    const roster = generateRoster(inp, '2026-11-02', '2026-11-02')
    expect(roster.map((s) => [s.code, s.person, s.gap])).toEqual([
      ['am', 'account:1', false],
      ['pm', null, true],
    ])
  })
})
