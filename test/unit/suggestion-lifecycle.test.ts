import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SUGGESTION_STATUSES, type SuggestionStatus, VERDICTS } from '../../db/enums.ts'
import {
  FILED_SUGGESTION_STATUSES,
  isEditableSuggestion,
  isEndedSuggestion,
  isWithUnits,
  movesFrom,
  nextSuggestionStatus,
  OPEN_SUGGESTION_STATUSES,
  SUGGESTION_MOVES,
  type SuggestionMove,
} from '../../server/domain/suggestion-lifecycle.ts'

/*
 * Issue 18 item 4 written out by hand, independently of the implementation's table: every
 * status × move as "from move → to"; a move not listed is refused. Replies and verdicts carry
 * their data: `reply*` is a reply after which every assigned unit has replied, `reply` one after
 * which some have not; `verdict:ok` is 满意 / 基本满意, `verdict:no+` 不满意 with re-handlings left,
 * `verdict:no0` 不满意 with none left.
 */
const SPEC: Record<string, SuggestionStatus> = {
  'draft submit': 'submitted',
  'draft withdraw': 'withdrawn',
  'returned submit': 'submitted',
  'returned withdraw': 'withdrawn',
  'submitted accept': 'accepted',
  'submitted return': 'returned',
  'submitted withdraw': 'withdrawn',
  'accepted assign': 'assigned',
  'assigned assign': 'assigned',
  'assigned reply': 'assigned',
  'assigned reply*': 'replied',
  'rehandling reply': 'rehandling',
  'rehandling reply*': 'replied',
  'replied verdict:ok': 'closed',
  'replied verdict:no+': 'rehandling',
  'replied verdict:no0': 'closed',
}

const verdictMove = fc
  .record({
    verdict: fc.constantFrom(...VERDICTS),
    maxRehandlings: fc.integer({ min: 0, max: 5 }),
    rehandlingsUsed: fc.integer({ min: 0, max: 6 }),
  })
  .map((v): SuggestionMove => ({ move: 'verdict', ...v }))
const move: fc.Arbitrary<SuggestionMove> = fc.oneof(
  fc.constantFrom(
    ...(['submit', 'return', 'accept', 'assign', 'withdraw'] as const).map(
      (m): SuggestionMove => ({ move: m }),
    ),
  ),
  fc.boolean().map((allReplied): SuggestionMove => ({ move: 'reply', allReplied })),
  verdictMove,
)

/** The SPEC key of a move with its data. */
function keyOf(m: SuggestionMove): string {
  if (m.move === 'reply') return m.allReplied ? 'reply*' : 'reply'
  if (m.move === 'verdict') {
    if (m.verdict !== 'unsatisfied') return 'verdict:ok'
    return m.rehandlingsUsed < m.maxRehandlings ? 'verdict:no+' : 'verdict:no0'
  }
  return m.move
}

describe('suggestion lifecycle', () => {
  it('goes exactly where the written-out table says, for every status and move', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUGGESTION_STATUSES), move, (from, m) => {
        expect(nextSuggestionStatus(from, m)).toBe(SPEC[`${from} ${keyOf(m)}`] ?? null)
      }),
      { numRuns: 2000 },
    )
  })

  it('covers every status × move kind at least once (the table has no hole the sample missed)', () => {
    for (const from of SUGGESTION_STATUSES)
      for (const kind of SUGGESTION_MOVES) {
        const variants: SuggestionMove[] =
          kind === 'reply'
            ? [
                { move: 'reply', allReplied: false },
                { move: 'reply', allReplied: true },
              ]
            : kind === 'verdict'
              ? VERDICTS.flatMap((verdict) => [
                  { move: 'verdict' as const, verdict, rehandlingsUsed: 0, maxRehandlings: 1 },
                  { move: 'verdict' as const, verdict, rehandlingsUsed: 1, maxRehandlings: 1 },
                ])
              : [{ move: kind }]
        for (const m of variants)
          expect(nextSuggestionStatus(from, m), `${from} ${keyOf(m)}`).toBe(
            SPEC[`${from} ${keyOf(m)}`] ?? null,
          )
      }
  })

  it('offers from each status the move kinds the table lists, and nothing from an ended one', () => {
    for (const from of SUGGESTION_STATUSES) {
      const kinds = new Set(
        Object.keys(SPEC)
          .filter((k) => k.startsWith(`${from} `))
          .map((k) => k.split(' ')[1]!.replace(/[*:].*$/, '')),
      )
      expect(movesFrom(from).sort(), from).toEqual([...kinds].sort())
    }
    expect(SUGGESTION_STATUSES.filter(isEndedSuggestion)).toEqual(['closed', 'withdrawn'])
    expect(OPEN_SUGGESTION_STATUSES).toEqual(
      SUGGESTION_STATUSES.filter((s) => s !== 'closed' && s !== 'withdrawn'),
    )
  })

  it('names the editable, with-units and filed statuses as the issue does', () => {
    expect(SUGGESTION_STATUSES.filter(isEditableSuggestion)).toEqual(['draft', 'returned'])
    expect(SUGGESTION_STATUSES.filter(isWithUnits)).toEqual(['assigned', 'rehandling'])
    expect([...FILED_SUGGESTION_STATUSES].sort()).toEqual(
      ['submitted', 'accepted', 'assigned', 'replied', 'rehandling', 'closed'].sort(),
    )
  })

  it('ends every path: a suggestion sent back for re-handling closes once re-handlings run out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.constantFrom(...VERDICTS), { maxLength: 10 }),
        (max, verdicts) => {
          let status: SuggestionStatus = 'replied'
          let used = 0
          for (const verdict of [...verdicts, 'unsatisfied' as const].concat(
            Array(max + 1).fill('unsatisfied'),
          )) {
            if (status !== 'replied') break
            status = nextSuggestionStatus(status, {
              move: 'verdict',
              verdict,
              rehandlingsUsed: used,
              maxRehandlings: max,
            })!
            if (status === 'rehandling') {
              used++
              status = nextSuggestionStatus(status, { move: 'reply', allReplied: true })!
            }
          }
          expect(status).toBe('closed')
          expect(used).toBeLessThanOrEqual(max)
        },
      ),
    )
  })
})
