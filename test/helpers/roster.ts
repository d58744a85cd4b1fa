import { count } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import fc from 'fast-check'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Db } from '../../db/client.ts'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { insertRuleVersion, insertSlotDef } from '../../db/queries/roster.ts'
import {
  auditLog,
  rosterAbsences,
  rosterEntries,
  rosterOverrides,
  rosterPublications,
  rosterRuleParticipants,
  rosterRules,
  rosterSlotDefs,
  rosterSwaps,
} from '../../db/schema.ts'
import type {
  Absence,
  ApprovedSwap,
  ClosureDay,
  Override,
  PersonKey,
  RosterInput,
  RotationRule,
  SlotDef,
} from '../../server/domain/roster/types.ts'
import { personKey } from '../../server/domain/roster/types.ts'
import { addDays, type Weekday } from '../../server/domain/zoned-time.ts'
import { addAccount, DEMO, type TestApp } from './test-app.ts'

/** Generators of roster inputs for property tests, and small builders for example tests. */

export const PEOPLE: readonly PersonKey[] = [
  'account:1',
  'account:2',
  'account:3',
  'deputy:1',
  'deputy:2',
  'deputy:3',
  'deputy:4',
  'deputy:5',
]

export const SLOT_SHAPES = [
  { code: 'am', start: '09:00', end: '12:00' },
  { code: 'pm', start: '14:00', end: '17:30' },
  { code: 'ev', start: '18:30', end: '20:30' },
] as const

export const WORKING_WEEK: readonly Weekday[] = [1, 2, 3, 4, 5]

/** A local date `0..span` days after `base`. */
export const dateIn = (base: string, span: number) =>
  fc.integer({ min: 0, max: span }).map((n) => addDays(base, n))

const weekdayMask = (minLength: number) =>
  fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[], { minLength }).map((a) => [...a].sort() as Weekday[])

export const slotDefsArb = (base: string, span: number): fc.Arbitrary<SlotDef[]> =>
  fc.subarray([...SLOT_SHAPES], { minLength: 1 }).chain((shapes) =>
    fc.tuple(
      ...shapes.map((s, i) =>
        fc
          .record({
            weekdays: weekdayMask(1),
            validFrom: fc.oneof(fc.constant(addDays(base, -30)), dateIn(base, span)),
            validUntil: fc.option(dateIn(base, span), { nil: null, freq: 3 }),
          })
          .map(
            (r): SlotDef => ({
              ...s,
              ...r,
              validUntil: r.validUntil !== null && r.validUntil < r.validFrom ? null : r.validUntil,
              sortOrder: i,
            }),
          ),
      ),
    ),
  )

export const closuresArb = (base: string, span: number): fc.Arbitrary<ClosureDay[]> =>
  fc
    .uniqueArray(
      fc.record({
        date: dateIn(base, span),
        kind: fc.constantFrom<ClosureDay['kind']>('holiday', 'workday', 'station_closed'),
      }),
      { maxLength: 12, selector: (c) => c.date },
    )
    .map((a) => a)

export const participantsArb = (min = 1) =>
  fc.shuffledSubarray([...PEOPLE], { minLength: min, maxLength: 6 }) as fc.Arbitrary<PersonKey[]>

export const ruleArb = (id: number, base: string, span: number): fc.Arbitrary<RotationRule> =>
  participantsArb().chain((participants) =>
    fc.record({
      id: fc.constant(id),
      layer: fc.integer({ min: 1, max: 3 }),
      effectiveFrom: fc.oneof(fc.constant(addDays(base, -20)), dateIn(base, span)),
      participants: fc.constant(participants),
      unit: fc.constantFrom<RotationRule['unit']>('slot', 'day', 'week'),
      interval: fc.integer({ min: 1, max: 3 }),
      startPosition: fc.integer({ min: 0, max: participants.length - 1 }),
      slotCodes: fc.subarray(SLOT_SHAPES.map((s) => s.code)),
      weekdays: weekdayMask(0),
    }),
  )

export const rulesArb = (base: string, span: number, firstId = 1) =>
  fc
    .integer({ min: 0, max: 4 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(firstId + i, base, span))))

export const absencesArb = (base: string, span: number): fc.Arbitrary<Absence[]> =>
  fc.array(
    fc
      .record({
        person: fc.constantFrom(...PEOPLE),
        from: dateIn(base, span),
        days: fc.integer({ min: 0, max: 10 }),
      })
      .map(({ person, from, days }) => ({ person, from, to: addDays(from, days) })),
    { maxLength: 8 },
  )

export const swapsArb = (base: string, span: number, firstId = 1): fc.Arbitrary<ApprovedSwap[]> =>
  fc
    .array(
      fc.record({
        date: dateIn(base, span),
        code: fc.constantFrom(...SLOT_SHAPES.map((s) => s.code)),
        from: fc.constantFrom(...PEOPLE),
        to: fc.constantFrom(...PEOPLE),
      }),
      { maxLength: 8 },
    )
    .map((a) => a.map((s, i) => ({ ...s, id: firstId + i })))

export const overridesArb = (base: string, span: number, firstId = 1): fc.Arbitrary<Override[]> =>
  fc
    .array(
      fc.record({
        from: dateIn(base, span),
        days: fc.integer({ min: 0, max: 6 }),
        slotCodes: fc.subarray(SLOT_SHAPES.map((s) => s.code)),
        person: fc.constantFrom(...PEOPLE),
      }),
      { maxLength: 5 },
    )
    .map((a) => a.map(({ days, ...o }, i) => ({ ...o, to: addDays(o.from, days), id: firstId + i })))

/** A whole random input; `published` entries name random people for random slots. */
export const rosterInputArb = (base: string, span: number): fc.Arbitrary<RosterInput> =>
  fc
    .record({
      slotDefs: slotDefsArb(base, span),
      closures: closuresArb(base, span),
      rules: rulesArb(base, span),
      absences: absencesArb(base, span),
      swaps: swapsArb(base, span),
      overrides: overridesArb(base, span),
      through: fc.option(dateIn(base, span), { nil: null }),
      entries: fc.array(
        fc.record({
          date: dateIn(base, span),
          code: fc.constantFrom(...SLOT_SHAPES.map((s) => s.code)),
          person: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
        }),
        { maxLength: 10 },
      ),
    })
    .map(({ through, entries, ...rest }) => ({
      ...rest,
      timeZone: 'Asia/Shanghai',
      published: { through, entries: new Map(entries.map((e) => [`${e.date}|${e.code}`, e.person])) },
    }))

/** An input with nothing but slots and rules, for example tests. */
export function input(parts: Partial<RosterInput> & Pick<RosterInput, 'slotDefs'>): RosterInput {
  return {
    timeZone: 'Asia/Shanghai',
    closures: [],
    rules: [],
    absences: [],
    swaps: [],
    overrides: [],
    published: { through: null, entries: new Map() },
    ...parts,
  }
}

export const slot = (
  code: string,
  start: string,
  end: string,
  weekdays: readonly Weekday[] = WORKING_WEEK,
): SlotDef => ({
  code,
  start,
  end,
  weekdays,
  validFrom: '2000-01-01',
  validUntil: null,
  sortOrder: 0,
})

export const rule = (r: Partial<RotationRule> & Pick<RotationRule, 'participants'>): RotationRule => ({
  id: 1,
  layer: 1,
  effectiveFrom: '2026-01-01',
  unit: 'slot',
  interval: 1,
  startPosition: 0,
  slotCodes: [],
  weekdays: [],
  ...r,
})

// ── fixtures on a test app's database ────────────────────────────────────────────────────────────

export type RosterFixture = {
  stationId: number
  clerk: PersonKey
  li: PersonKey
  zhao: PersonKey
  logins: { li: [string, string]; zhao: [string, string] }
}

/**
 * Station 1 of the demo with a morning and an afternoon slot on working days and one rotation
 * (the demo clerk, then Li, then Zhao, a slot each) from `from` (a Monday; 2026-11-23 by default).
 * Works on a test app or a browser test's server.
 */
export async function rosterFixture(
  t: Pick<TestApp, 'db' | 'clock'>,
  opts: { unit?: RotationRule['unit']; from?: string } = {},
): Promise<RosterFixture> {
  const app = t as TestApp
  const li = await addAccount(app, { username: 'li', role: 'staff', stationIds: [1] })
  const zhao = await addAccount(app, { username: 'zhao', role: 'staff', stationIds: [1] })
  const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
  const now = t.clock.now()
  const names = { am: ['上午', '上午', 'Morning'], pm: ['下午', '下午', 'Afternoon'] } as const
  for (const [code, start, end] of [
    ['am', '09:00', '12:00'],
    ['pm', '14:00', '17:30'],
  ] as const)
    insertSlotDef(
      t.db,
      1,
      {
        code,
        nameZhHans: names[code][0],
        nameZhHant: names[code][1],
        nameEn: names[code][2],
        start,
        end,
        weekdays: [1, 2, 3, 4, 5],
        validFrom: addDays(opts.from ?? '2026-11-23', -22),
      },
      clerkId,
      now,
    )
  const people = {
    clerk: personKey('account', clerkId),
    li: personKey('account', li.id),
    zhao: personKey('account', zhao.id),
  }
  insertRuleVersion(
    t.db,
    1,
    {
      layer: 1,
      effectiveFrom: opts.from ?? '2026-11-23',
      unit: opts.unit ?? 'slot',
      interval: 1,
      startPosition: 0,
      slotCodes: [],
      weekdays: [],
      participants: [people.clerk, people.li, people.zhao],
    },
    clerkId,
    now,
  )
  return {
    stationId: 1,
    ...people,
    logins: { li: [li.username, li.password], zhao: [zhao.username, zhao.password] },
  }
}

/** How many rows each roster table holds, to show that a refused request wrote nothing. */
export function rosterCounts(db: Db) {
  const n = (table: SQLiteTable) => db.select({ n: count() }).from(table).get()!.n
  return {
    slots: n(rosterSlotDefs),
    rules: n(rosterRules),
    participants: n(rosterRuleParticipants),
    absences: n(rosterAbsences),
    swaps: n(rosterSwaps),
    overrides: n(rosterOverrides),
    publications: n(rosterPublications),
    entries: n(rosterEntries),
    audit: n(auditLog),
  }
}

/** Every visible link, button and form control inside the page's main area is at least 44×44 CSS px. */
export async function expectStaffTargets(page: Page, label: string) {
  const small = await page.$$eval(
    'main a, main button, main select, main input:not([type=hidden]), main label:has(input[type=checkbox])',
    (els) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect()
          // A checkbox is reached through its label, which is the target that is measured.
          return r.width > 0 && r.height > 0 && !(el instanceof HTMLInputElement && el.type === 'checkbox')
        })
        .map((el) => {
          const r = el.getBoundingClientRect()
          return {
            el: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 24)}"`,
            w: Math.round(r.width),
            h: Math.round(r.height),
          }
        })
        .filter((t) => t.w < 44 || t.h < 44),
  )
  expect(small, `targets under 44 px on ${label}`).toEqual([])
}
