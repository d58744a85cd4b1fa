import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONCERN_STATUSES, type ConcernEventDetail, type ConcernStatus } from '../../db/schema.ts'
import type { Account } from '../../server/domain/account.ts'
import {
  availableSteps,
  checkDueOverride,
  DEFAULT_FOLLOW_UP_SETTINGS,
  dueAfterStep,
  effectiveEvents,
  escalationLevel,
  mayTakeStep,
  type STEPS,
  stepRefusal,
  stepsFrom,
  stepTo,
  undoCandidate,
  unitReplyTarget,
  verdictTarget,
} from '../../server/domain/concern-follow-up.ts'
import { allowedTransitions } from '../../server/domain/concern-lifecycle.ts'
import { workingCalendar } from '../../server/domain/working-days.ts'

const account = (a: Partial<Account>): Account => ({
  id: 1,
  mustChangePassword: false,
  username: 'x',
  displayName: 'x',
  role: 'staff',
  deputyId: null,
  stationIds: [1],
  ...a,
})
const clerk = account({})
const deputy = account({ role: 'deputy', deputyId: 7, stationIds: [] })
const admin = account({ role: 'admin', stationIds: [] })

/** Where each step leads, for the checks below (verdict: either of its two targets). */
const targets = (from: ConcernStatus, step: (typeof STEPS)[number]): ConcernStatus[] =>
  step === 'verdict'
    ? [verdictTarget('satisfied'), verdictTarget('unsatisfied')]
    : step === 'unit_reply'
      ? ['in_progress']
      : step === 'undo'
        ? []
        : [
            CONCERN_STATUSES.find((to) => stepTo(to) === step && allowedTransitions(from).includes(to)) ??
              'received',
          ]

describe('steps come from the lifecycle table', () => {
  it('offers a step for every allowed transition and none that the table refuses', () => {
    for (const from of CONCERN_STATUSES) {
      const steps = stepsFrom(from)
      // A no-show without contact is the queue's outcome, not a step anyone takes.
      for (const to of allowedTransitions(from)) if (stepTo(to)) expect(steps).toContain(stepTo(to))
      for (const step of steps) {
        if (step === 'unit_reply') {
          expect(unitReplyTarget(from).ok).toBe(true)
          continue
        }
        for (const to of targets(from, step)) expect(allowedTransitions(from)).toContain(to)
      }
    }
    expect(stepsFrom('closed')).toEqual([])
    expect(stepsFrom('answered')).toEqual(['verdict'])
    expect(stepsFrom('replied')).toEqual(['verdict', 'withdraw'])
    expect(stepsFrom('referred')).toEqual(['return', 'accept', 'unit_reply', 'relay', 'withdraw'])
    expect(stepsFrom('in_progress')).toEqual(['unit_reply', 'relay', 'withdraw'])
  })

  it('leaves the clerk’s and the administrator’s steps to them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONCERN_STATUSES), (status) => {
        const own = { stationId: 1, deputyId: 7, status }
        const forDeputy = availableSteps(deputy, own)
        for (const s of ['duplicate', 'return', 'unit_reply', 'verdict', 'undo'] as const)
          expect(forDeputy).not.toContain(s)
        expect(availableSteps(deputy, { ...own, deputyId: 8 })).toEqual([])
        expect(availableSteps(account({ stationIds: [2] }), own)).toEqual([])
        expect(availableSteps(clerk, own)).toEqual(stepsFrom(status))
      }),
    )
    expect(mayTakeStep(admin, { stationId: 5, deputyId: null }, 'undo')).toBe(true)
    expect(mayTakeStep(clerk, { stationId: 1, deputyId: null }, 'undo')).toBe(false)
  })

  it('never lets a deputy record the verdict on their own concern, with a reason that says who can', () => {
    const own = { stationId: 1, deputyId: 7 }
    expect(stepRefusal(deputy, own, 'verdict')).toBe('own_verdict')
    expect(stepRefusal(deputy, own, 'duplicate')).toBe('forbidden')
    expect(stepRefusal(deputy, { ...own, deputyId: 8 }, 'verdict')).toBe('forbidden')
    expect(stepRefusal(clerk, own, 'verdict')).toBeNull()
    expect(stepRefusal(admin, own, 'verdict')).toBeNull()
  })
})

describe('deadlines', () => {
  // Wed 9 Dec closed, Sat 12 Dec a make-up working day.
  const calendar = workingCalendar([
    { date: '2026-12-09', kind: 'station_closed' },
    { date: '2026-12-12', kind: 'workday' },
  ])
  const ctx = { today: '2026-12-04', stationDays: 5, settings: DEFAULT_FOLLOW_UP_SETTINGS, calendar }

  it('sets, keeps or clears the deadline by step, in working days', () => {
    const settings = { ...DEFAULT_FOLLOW_UP_SETTINGS, unitReplyWorkingDays: 5, rehandlingWorkingDays: 3 }
    expect(dueAfterStep('refer', { ...ctx, settings })).toEqual({ kind: 'unit_reply', on: '2026-12-12' })
    expect(dueAfterStep('refer', { ...ctx, dueOverride: '2026-12-18' })).toEqual({
      kind: 'unit_reply',
      on: '2026-12-18',
    })
    expect(dueAfterStep('return', ctx)).toEqual({ kind: 'first_response', on: '2026-12-12' })
    expect(dueAfterStep('unit_reply', ctx)).toEqual({ kind: 'relay', on: '2026-12-12' })
    expect(dueAfterStep('verdict', { ...ctx, settings, verdict: 'unsatisfied' })).toEqual({
      kind: 'rehandling',
      on: '2026-12-10',
    })
    expect(dueAfterStep('verdict', { ...ctx, verdict: 'basically_satisfied' })).toBeNull()
    expect(dueAfterStep('accept', ctx)).toBeUndefined()
    for (const s of ['answer', 'relay', 'withdraw', 'duplicate', 'out_of_scope'] as const)
      expect(dueAfterStep(s, ctx)).toBeNull()
  })

  it('refuses a typed due date in the past or on a day off', () => {
    expect(checkDueOverride('2026-12-03', '2026-12-04', calendar)).toBe('past')
    expect(checkDueOverride('2026-12-09', '2026-12-04', calendar)).toBe('off')
    expect(checkDueOverride('2026-12-13', '2026-12-04', calendar)).toBe('off')
    expect(checkDueOverride('2026-12-12', '2026-12-04', calendar)).toBe('ok')
    expect(checkDueOverride('2026-12-04', '2026-12-04', calendar)).toBe('ok')
  })

  it('escalates one level per step of working days past the deadline, up to three', () => {
    const due = { kind: 'unit_reply' as const, on: '2026-12-08' }
    const level = (today: string) => escalationLevel(due, today, 5, calendar)
    expect(level('2026-12-08')).toBe(0)
    expect(level('2026-12-09')).toBe(1) // closed: zero working days late, still overdue
    expect(level('2026-12-14')).toBe(1) // 10, 11, 12, 14: four
    expect(level('2026-12-15')).toBe(2)
    expect(level('2026-12-22')).toBe(3)
    expect(level('2027-06-01')).toBe(3)
    expect(escalationLevel(null, '2027-06-01', 5, calendar)).toBe(0)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), (days, step) => {
        const d = new Date(Date.UTC(2026, 11, 8 + days)).toISOString().slice(0, 10)
        const l = escalationLevel(due, d, step, calendar)
        expect(l).toBeGreaterThanOrEqual(days > 0 ? 1 : 0)
        expect(l).toBeLessThanOrEqual(3)
      }),
    )
  })
})

describe('undo', () => {
  const ev = (
    id: number,
    action: string,
    from: ConcernStatus | null,
    to: ConcernStatus,
    detail: ConcernEventDetail = {},
  ) => ({ id, action, fromStatus: from, toStatus: to, detail })

  it('cancels an undone event together with its undo, and offers the latest change still in force', () => {
    const events = [
      ev(1, 'created', null, 'received'),
      ev(2, 'status_changed', 'received', 'referred', { before: null }),
      ev(3, 'escalated', 'referred', 'referred', { level: 1 }),
      ev(4, 'unit_replied', 'referred', 'in_progress', { before: null }),
      ev(5, 'undone', 'in_progress', 'referred', { undoes: 4 }),
    ]
    expect(effectiveEvents(events).map((e) => e.id)).toEqual([1, 2, 3])
    expect(undoCandidate(events, 'referred')?.id).toBe(2)
    expect(undoCandidate(events.slice(0, 4), 'in_progress')?.id).toBe(4)
    // A concern no longer where the event left it has nothing to undo.
    expect(undoCandidate(events.slice(0, 4), 'replied')).toBeNull()
    expect(undoCandidate([ev(1, 'created', null, 'received')], 'received')).toBeNull()
    // A visit with a follow-up outcome changed nothing; one answered on the spot did.
    expect(
      undoCandidate(
        [ev(1, 'created', null, 'received'), ev(2, 'served', 'received', 'received')],
        'received',
      ),
    ).toBeNull()
    expect(
      undoCandidate([ev(1, 'created', null, 'received'), ev(2, 'served', 'received', 'answered')], 'answered')
        ?.id,
    ).toBe(2)
  })
})
