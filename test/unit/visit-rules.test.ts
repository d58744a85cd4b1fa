import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { visitActions, visitPhase, visitRefusal, visitTimeProblem } from '../../server/domain/visit-rules.ts'

const now = new Date('2026-11-25T02:00:00.000Z')
const before = new Date('2026-11-25T01:00:00.000Z')
const after = new Date('2026-11-25T03:00:00.000Z')

describe('visit rules', () => {
  it('logs and concerns only once started, never on a cancelled visit', () => {
    expect(visitRefusal({ status: 'planned', startsAt: after }, 'log', now)).toBe('visit.error.notStarted')
    expect(visitRefusal({ status: 'planned', startsAt: before }, 'log', now)).toBeNull()
    expect(visitRefusal({ status: 'cancelled', startsAt: before }, 'addConcern', now)).toBe(
      'visit.error.cancelled',
    )
    expect(visitRefusal({ status: 'held', startsAt: before }, 'edit', now)).toBe('visit.error.notPlanned')
  })

  it('undo: never from planned, never for a held visit with concerns', () => {
    expect(visitRefusal({ status: 'planned', startsAt: before }, 'undo', now)).toBe(
      'visit.error.alreadyPlanned',
    )
    expect(visitRefusal({ status: 'held', startsAt: before }, 'undo', now, 1)).toBe('visit.error.hasConcerns')
    expect(visitRefusal({ status: 'held', startsAt: before }, 'undo', now, 0)).toBeNull()
    expect(visitRefusal({ status: 'cancelled', startsAt: after }, 'undo', now, 3)).toBeNull()
  })

  it('offers exactly the actions it does not refuse, and nothing but undo after a cancel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('planned', 'held', 'cancelled' as const),
        fc.integer({ min: -5, max: 5 }),
        fc.nat(3),
        (status, hours, n) => {
          const v = { status, startsAt: new Date(now.getTime() + hours * 3_600_000) }
          const offered = visitActions(v, now, n)
          for (const a of ['edit', 'cancel', 'log', 'undo', 'addConcern'] as const)
            expect(offered.includes(a)).toBe(visitRefusal(v, a, now, n) === null)
          if (status === 'cancelled') expect(offered).toEqual(['undo'])
        },
      ),
    )
  })

  it('times: end after start, at most 12 hours; phases', () => {
    expect(visitTimeProblem(after, before)).toBe('visit.error.endBeforeStart')
    expect(visitTimeProblem(before, new Date(before.getTime() + 13 * 3_600_000))).toBe('visit.error.tooLong')
    expect(visitTimeProblem(before, after)).toBeNull()
    expect(visitPhase({ status: 'planned', endsAt: before }, now)).toBe('awaitingLog')
    expect(visitPhase({ status: 'planned', endsAt: after }, now)).toBe('upcoming')
    expect(visitPhase({ status: 'held', endsAt: before }, now)).toBe('logged')
  })
})
