import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { VERDICTS } from '../../db/enums.ts'
import { CONCERN_STATUSES, type ConcernStatus } from '../../db/schema.ts'
import {
  AWAITING_VERDICT,
  awaitsVerdict,
  stepsFrom,
  stepTo,
  verdictTarget,
} from '../../server/domain/concern-follow-up.ts'
import {
  allowedTransitions,
  checkTransition,
  isOpen,
  STATUS_TYPE,
} from '../../server/domain/concern-lifecycle.ts'

/** DESIGN §4.4 written out as pairs, independently of the implementation's table. */
const SPEC = new Set([
  'received>answered',
  'received>referred',
  'received>suggestion',
  'received>duplicate',
  'received>out_of_scope',
  'referred>received',
  'referred>in_progress',
  'referred>replied',
  'suggestion>in_progress',
  'suggestion>replied',
  'in_progress>replied',
  'replied>closed',
  'replied>reopened',
  'reopened>in_progress',
  'reopened>replied',
  // Issue 15: an answer on the spot takes the resident's verdict; a walk-in who never came and
  // left no phone ends apart.
  'answered>closed',
  'answered>reopened',
  'received>no_show_no_contact',
  // A clerk's triage of a phone concern (issue 16).
  'received>spam',
])
const OPEN: ConcernStatus[] = ['received', 'referred', 'suggestion', 'in_progress', 'replied', 'reopened']
const status = fc.constantFrom(...CONCERN_STATUSES)

describe('concern lifecycle', () => {
  it('allows exactly the transitions of the table, plus withdrawal from any open state', () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        const expected = SPEC.has(`${from}>${to}`) || (to === 'withdrawn' && OPEN.includes(from))
        const got = checkTransition(from, to, { channelNamed: true }).ok
        expect(got).toBe(expected)
      }),
    )
  })

  it('agrees with the status types: open states are the six of §4.4', () => {
    expect(CONCERN_STATUSES.filter(isOpen).sort()).toEqual([...OPEN].sort())
    expect(STATUS_TYPE.answered).toBe('resolved')
    expect(STATUS_TYPE.closed).toBe('resolved')
    expect(STATUS_TYPE.duplicate).toBe('closed')
  })

  it('leaves a resolved or closed state only by the verdict on an answer given on the spot', () => {
    for (const s of CONCERN_STATUSES.filter((s) => !isOpen(s) && s !== 'answered'))
      expect(allowedTransitions(s), s).toEqual([])
    expect(allowedTransitions('answered')).toEqual(['closed', 'reopened'])
  })

  it('takes every verdict from replied and answered, and from nothing else', () => {
    expect(CONCERN_STATUSES.filter(awaitsVerdict)).toEqual(['answered', 'replied'])
    expect(AWAITING_VERDICT).toEqual(['answered', 'replied'])
    for (const from of ['answered', 'replied'] as const) {
      expect(verdictTarget('satisfied')).toBe('closed')
      expect(verdictTarget('basically_satisfied')).toBe('closed')
      expect(verdictTarget('unsatisfied')).toBe('reopened')
      for (const v of VERDICTS) expect(checkTransition(from, verdictTarget(v)).ok).toBe(true)
    }
  })

  it('ends a no-show without contact only from received, as a closed status nothing leaves', () => {
    expect(STATUS_TYPE.no_show_no_contact).toBe('closed')
    expect(STATUS_TYPE.spam).toBe('closed')
    expect(isOpen('no_show_no_contact')).toBe(false)
    for (const from of CONCERN_STATUSES)
      expect(checkTransition(from, 'no_show_no_contact').ok, from).toBe(from === 'received')
    expect(allowedTransitions('no_show_no_contact')).toEqual([])
    expect(stepTo('no_show_no_contact')).toBeNull()
    expect(stepsFrom('received')).not.toContain(null)
  })

  it('refuses out_of_scope unless the right channel is named', () => {
    expect(checkTransition('received', 'out_of_scope')).toEqual({ ok: false, reason: 'needs_channel' })
    expect(checkTransition('received', 'out_of_scope', { channelNamed: true })).toEqual({ ok: true })
  })

  it('reaches a verdict from every open state along allowed steps', () => {
    for (const start of OPEN) {
      const seen = new Set<ConcernStatus>([start])
      const queue = [start]
      while (queue.length)
        for (const n of allowedTransitions(queue.shift()!)) if (!seen.has(n) && seen.add(n)) queue.push(n)
      expect(seen.has('closed') || seen.has('answered'), start).toBe(true)
    }
  })
})
