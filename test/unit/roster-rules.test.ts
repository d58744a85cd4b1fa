import { describe, expect, it } from 'vitest'
import { fairnessTable } from '../../server/domain/roster/fairness.ts'
import { generateRoster } from '../../server/domain/roster/generate.ts'
import {
  carriedStartPosition,
  checkOverride,
  checkRuleVersion,
  checkSlotDef,
  diffRosters,
  firstChangeableDay,
} from '../../server/domain/roster/rules.ts'
import {
  checkSwapApproval,
  checkSwapRequest,
  checkSwapTake,
  swapStatusAt,
} from '../../server/domain/roster/swaps.ts'
import { input, rule, slot } from '../helpers/roster.ts'

const ABC = ['account:1', 'account:2', 'account:3'] as const

describe('rule changes', () => {
  it('may take effect only after the published horizon and never in the past', () => {
    expect(firstChangeableDay('2026-11-25', '2027-01-03')).toBe('2027-01-04')
    expect(firstChangeableDay('2026-11-25', null)).toBe('2026-11-25')
    expect(firstChangeableDay('2026-11-25', '2026-11-01')).toBe('2026-11-25')
  })

  it('carries the rotation position forward into a new version', () => {
    const current = input({
      slotDefs: [slot('am', '09:00', '12:00')],
      rules: [rule({ participants: [...ABC], unit: 'week', effectiveFrom: '2026-11-02' })],
    })
    // Weeks from 2 Nov go 1, 2, 3, 1, 2, 3 … so the week of 7 Dec is account:3's.
    expect(carriedStartPosition(current, 1, '2026-12-07', ['deputy:1', 'account:3', 'account:2'])).toBe(1)
    // account:3 leaves: the next one after them in the old order who stays (account:1) goes first.
    expect(carriedStartPosition(current, 1, '2026-12-07', ['deputy:1', 'account:2', 'account:1'])).toBe(2)
    // Nobody in common, or a new layer: start at the top.
    expect(carriedStartPosition(current, 1, '2026-12-07', ['deputy:1'])).toBe(0)
    expect(carriedStartPosition(current, 2, '2026-12-07', ['deputy:1', 'deputy:2'])).toBe(0)
  })

  it('shows the difference a new version makes before it is saved', () => {
    const current = input({
      slotDefs: [slot('am', '09:00', '12:00')],
      rules: [rule({ participants: [...ABC], effectiveFrom: '2026-11-02' })],
    })
    const next = rule({
      id: 2,
      participants: ['account:1', 'account:2'],
      effectiveFrom: '2026-11-09',
      startPosition: carriedStartPosition(current, 1, '2026-11-09', ['account:1', 'account:2']),
    })
    const before = generateRoster(current, '2026-11-02', '2026-11-13')
    const after = generateRoster({ ...current, rules: [...current.rules, next] }, '2026-11-02', '2026-11-13')
    const diff = diffRosters(before, after)
    expect(diff.every((d) => d.date >= '2026-11-09')).toBe(true)
    // The week of 9 Nov was 3,1,2,3,1 and becomes 1,2,1,2,1 (account:1 was next in line).
    expect(diff.map((d) => [d.date, d.before, d.after])).toEqual([
      ['2026-11-09', 'account:3', 'account:1'],
      ['2026-11-10', 'account:1', 'account:2'],
      ['2026-11-11', 'account:2', 'account:1'],
      ['2026-11-12', 'account:3', 'account:2'],
    ])
  })

  it('refuses a rotation with nobody, a repeated person, an unknown slot and a date inside the horizon', () => {
    const rules = [rule({ participants: [...ABC], effectiveFrom: '2026-12-07' })]
    expect(
      checkRuleVersion(
        { layer: 1, effectiveFrom: '2027-01-04', participants: [], slotCodes: [] },
        rules,
        ['am'],
        '2027-01-04',
      ),
    ).toEqual({ participants: 'roster.error.noParticipants' })
    expect(
      checkRuleVersion(
        {
          layer: 1,
          effectiveFrom: '2027-01-01',
          participants: ['account:1', 'account:1'],
          slotCodes: ['xx'],
        },
        rules,
        ['am'],
        '2027-01-04',
      ),
    ).toEqual({
      participants: 'roster.error.duplicateParticipant',
      effectiveFrom: 'roster.error.afterPublished',
      slotCodes: 'roster.error.unknownSlot',
    })
    expect(
      checkRuleVersion(
        { layer: 1, effectiveFrom: '2027-01-04', participants: ['account:1'], slotCodes: [] },
        [rule({ participants: ['account:2'], effectiveFrom: '2027-02-01' })],
        [],
        '2027-01-04',
      ),
    ).toEqual({ effectiveFrom: 'roster.error.notAfterLatest' })
  })

  it('refuses a slot that ends before it starts, and a code that is still in use', () => {
    expect(
      checkSlotDef({ code: 'am', start: '12:00', end: '09:00', validFrom: '2027-01-04' }, [], '2027-01-04'),
    ).toEqual({ end: 'roster.error.endBeforeStart' })
    expect(
      checkSlotDef({ code: 'am', start: '09:00', end: '09:00', validFrom: '2027-01-04' }, [], '2027-01-04')
        .end,
    ).toBe('roster.error.endBeforeStart')
    expect(
      checkSlotDef(
        { code: 'am', start: '09:00', end: '12:00', validFrom: '2027-01-04' },
        [slot('am', '08:00', '11:00')],
        '2027-01-04',
      ),
    ).toEqual({ code: 'roster.error.slotCodeTaken' })
    expect(
      checkSlotDef(
        { code: 'am', start: '09:00', end: '12:00', validFrom: '2027-01-04' },
        [{ ...slot('am', '08:00', '11:00'), validUntil: '2027-01-03' }],
        '2027-01-04',
      ),
    ).toEqual({})
  })

  it('refuses overlapping overrides on a shared slot, and a range that ends before it starts', () => {
    const existing = [
      { id: 7, from: '2026-12-01', to: '2026-12-03', slotCodes: ['am'], person: 'account:1' as const },
    ]
    expect(checkOverride({ from: '2026-12-03', to: '2026-12-04', slotCodes: [] }, existing).clash?.id).toBe(7)
    expect(
      checkOverride({ from: '2026-12-03', to: '2026-12-04', slotCodes: ['pm'] }, existing).clash,
    ).toBeNull()
    expect(
      checkOverride({ from: '2026-12-04', to: '2026-12-05', slotCodes: ['am'] }, existing).clash,
    ).toBeNull()
    expect(checkOverride({ from: '2026-12-05', to: '2026-12-04', slotCodes: [] }, existing).problems).toEqual(
      {
        to: 'roster.error.toBeforeFrom',
      },
    )
  })
})

describe('swaps', () => {
  const roster = generateRoster(
    input({
      slotDefs: [slot('am', '09:00', '12:00')],
      rules: [rule({ participants: [...ABC], effectiveFrom: '2026-11-23' })],
      published: { through: '2026-11-27', entries: new Map([['2026-11-26|am', 'account:2']]) },
    }),
    '2026-11-23',
    '2026-11-30',
  )
  const thursday = roster.find((s) => s.key === '2026-11-26|am')!
  const monday = roster.find((s) => s.key === '2026-11-30|am')!
  const now = new Date('2026-11-25T02:00:00Z')

  it('lets the person on a published slot ask, before it starts', () => {
    expect(checkSwapRequest(thursday, 'account:2', now)).toEqual({})
    expect(checkSwapRequest(thursday, 'account:1', now)).toEqual({ slot: 'roster.error.notYours' })
    expect(checkSwapRequest(monday, monday.person!, now)).toEqual({ slot: 'roster.error.notPublished' })
    expect(checkSwapRequest(thursday, 'account:2', new Date('2026-11-26T01:00:00Z'))).toEqual({
      slot: 'roster.error.slotStarted',
    })
  })

  it('refuses a swap with oneself, with an outsider and with someone away that day', () => {
    const args = { slot: thursday, from: 'account:2' as const, eligible: [...ABC], takerAbsent: false, now }
    expect(checkSwapTake({ ...args, taker: 'account:3' })).toEqual({})
    expect(checkSwapTake({ ...args, taker: 'account:2' })).toEqual({ taker: 'roster.error.swapWithSelf' })
    expect(checkSwapTake({ ...args, taker: 'deputy:9' })).toEqual({ taker: 'roster.error.notParticipant' })
    expect(checkSwapTake({ ...args, taker: 'account:1', takerAbsent: true })).toEqual({
      taker: 'roster.error.takerAbsent',
    })
  })

  it('expires open and taken requests once the slot has started', () => {
    expect(swapStatusAt('open', thursday.startsAt, now)).toBe('open')
    expect(swapStatusAt('taken', thursday.startsAt, thursday.startsAt)).toBe('expired')
    expect(swapStatusAt('approved', thursday.startsAt, thursday.startsAt)).toBe('approved')
  })

  it('refuses an approval by whoever gives the slot away or takes it, staff account or deputy', () => {
    const swap = { from: 'account:2', to: 'deputy:4' } as const
    const own = { swap: 'roster.error.ownSwap' }
    expect(checkSwapApproval(swap, { id: 2, deputyId: null })).toEqual(own)
    expect(checkSwapApproval(swap, { id: 9, deputyId: 4 })).toEqual(own)
    expect(checkSwapApproval({ from: 'account:2', to: null }, { id: 2, deputyId: null })).toEqual(own)
    expect(checkSwapApproval(swap, { id: 3, deputyId: null })).toEqual({})
    expect(checkSwapApproval(swap, { id: 4, deputyId: 2 })).toEqual({})
  })
})

describe('fairness table', () => {
  it('counts slots held per person per month, weekend and evening slots apart, gaps for nobody', () => {
    const roster = generateRoster(
      input({
        slotDefs: [slot('am', '09:00', '12:00', [1, 2, 3, 4, 5, 6, 7]), slot('ev', '18:30', '20:30', [5])],
        rules: [
          rule({ participants: ['account:1', 'account:2'], slotCodes: ['am'], effectiveFrom: '2026-11-01' }),
        ],
      }),
      '2026-11-01',
      '2026-12-31',
    )
    const { rows, gaps } = fairnessTable(
      roster,
      ['2026-11', '2026-12'],
      ['account:1', 'account:2', 'deputy:1'],
    )
    expect(rows.map((r) => r.person)).toEqual(['account:1', 'account:2', 'deputy:1'])
    expect(rows.map((r) => r.total.slots)).toEqual([31, 30, 0])
    expect(rows[0]!.months.map((m) => m.slots)).toEqual([15, 16])
    expect(rows.reduce((n, r) => n + r.total.weekend, 0)).toBe(17)
    expect(gaps).toEqual({ slots: 8, weekend: 0, evening: 8 })
  })
})
