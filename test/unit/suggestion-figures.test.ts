import { describe, expect, it } from 'vitest'
import {
  type FigureRows,
  type FigureSuggestion,
  suggestionFigures,
  unitFigures,
} from '../../server/domain/suggestion-figures.ts'

/*
 * A small street in November 2026, with every figure computed by hand below. Deputies 1, 2, 3;
 * units 10, 11, 12, 13; "today" is 2026-12-06.
 *
 * S1 deputy 1, first submitted 11-03, closed 11-28 satisfied, re-handled once (round 1), passed
 *    the quality check first time; units 10 主办, 11 协办; replies: 10 r0 C on 11-10 (due 11-20,
 *    on time), 11 r0 B on 11-25 (due 11-20, LATE), 10 r1 A on 11-26 (due 11-30, on time);
 *    co-signers: 2 confirmed, 3 declined.
 * S2 deputy 1, first submitted 11-15, failed the check first time, assigned to 10 主办, due 12-01,
 *    10 has not replied (overdue now); 13 replied C on 11-20 (due 12-01) before the office moved
 *    the suggestion away from it.
 * S3 deputy 1, returned to the deputy (not filed): counts nowhere.
 * S4 deputy 1, first submitted 10-10 (before the period), closed 11-20 basically satisfied, never
 *    checked; unit 11 主办 replied A on 10-30 (before the period).
 * S5 deputy 1, withdrawn, co-signer 2 confirmed, unit 12: counts nowhere.
 * S6 deputy 2, first submitted 11-20, passed first time, replied; units 11 主办, 10 协办; replies:
 *    11 r0 D on 11-29 (no due date: not judged), 10 r0 B on 11-30 (due 12-20, on time);
 *    co-signers: 1 confirmed, 3 invited.
 */
const period = { from: '2026-11-01', to: '2026-11-30' }
const today = '2026-12-06'

const s = (x: Partial<FigureSuggestion> & Pick<FigureSuggestion, 'id' | 'status'>): FigureSuggestion => ({
  leadDeputyId: 1,
  firstSubmittedOn: null,
  closedOn: null,
  verdict: null,
  qualityFirstPassed: null,
  round: 0,
  dueOn: null,
  ...x,
})

const rows: FigureRows = {
  suggestions: [
    s({
      id: 1,
      status: 'closed',
      firstSubmittedOn: '2026-11-03',
      closedOn: '2026-11-28',
      verdict: 'satisfied',
      qualityFirstPassed: true,
      round: 1,
      dueOn: '2026-11-30',
    }),
    s({
      id: 2,
      status: 'assigned',
      firstSubmittedOn: '2026-11-15',
      qualityFirstPassed: false,
      dueOn: '2026-12-01',
    }),
    s({ id: 3, status: 'returned', firstSubmittedOn: '2026-11-05', qualityFirstPassed: false }),
    s({
      id: 4,
      status: 'closed',
      firstSubmittedOn: '2026-10-10',
      closedOn: '2026-11-20',
      verdict: 'basically_satisfied',
    }),
    s({ id: 5, status: 'withdrawn', firstSubmittedOn: '2026-11-06', qualityFirstPassed: true }),
    s({
      id: 6,
      leadDeputyId: 2,
      status: 'replied',
      firstSubmittedOn: '2026-11-20',
      qualityFirstPassed: true,
      dueOn: '2026-12-20',
    }),
  ],
  replies: [
    { suggestionId: 1, unitId: 10, round: 0, grade: 'C', repliedOn: '2026-11-10', dueOn: '2026-11-20' },
    { suggestionId: 1, unitId: 11, round: 0, grade: 'B', repliedOn: '2026-11-25', dueOn: '2026-11-20' },
    { suggestionId: 1, unitId: 10, round: 1, grade: 'A', repliedOn: '2026-11-26', dueOn: '2026-11-30' },
    { suggestionId: 2, unitId: 13, round: 0, grade: 'C', repliedOn: '2026-11-20', dueOn: '2026-12-01' },
    { suggestionId: 4, unitId: 11, round: 0, grade: 'A', repliedOn: '2026-10-30', dueOn: '2026-11-10' },
    { suggestionId: 6, unitId: 11, round: 0, grade: 'D', repliedOn: '2026-11-29', dueOn: null },
    { suggestionId: 6, unitId: 10, round: 0, grade: 'B', repliedOn: '2026-11-30', dueOn: '2026-12-20' },
  ],
  cosigners: [
    { suggestionId: 1, deputyId: 2, state: 'confirmed' },
    { suggestionId: 1, deputyId: 3, state: 'declined' },
    { suggestionId: 5, deputyId: 2, state: 'confirmed' },
    { suggestionId: 6, deputyId: 1, state: 'confirmed' },
    { suggestionId: 6, deputyId: 3, state: 'invited' },
  ],
  units: [
    { suggestionId: 1, unitId: 10, role: 'lead' },
    { suggestionId: 1, unitId: 11, role: 'assist' },
    { suggestionId: 2, unitId: 10, role: 'lead' },
    { suggestionId: 4, unitId: 11, role: 'lead' },
    { suggestionId: 5, unitId: 12, role: 'lead' },
    { suggestionId: 6, unitId: 11, role: 'lead' },
    { suggestionId: 6, unitId: 10, role: 'assist' },
  ],
}

describe('suggestion figures of a deputy', () => {
  it('deputy 1: led, co-signed, first-pass, grades, on time, satisfaction — by hand', () => {
    const f = suggestionFigures(rows, period, 5, 1)
    // led: S1, S2 (S3 returned, S4 filed in October, S5 withdrawn) = 2
    expect(f.led).toBe(2)
    expect(f.ids.led).toEqual([1, 2])
    // co-signed: confirmed on S6 = 1
    expect(f.cosigned).toBe(1)
    // quality: of S1 (passed) and S2 (failed), 1 of 2 passed first time
    expect(f.qualityFirstPass).toEqual({ share: 0.5, count: 1, of: 2 })
    // replies in November to S1, S2, S4: S1 C, B, A; S2 C (unit 13); S4's A came in October
    expect(f.grades).toEqual({ A: 1, B: 1, C: 2, D: 0, total: 4 })
    // on time: S1 C yes, S1 B no (11-25 > 11-20), S1 A yes, S2 C yes = 3 of 4
    expect(f.repliesOnTime).toEqual({ share: 0.75, count: 3, of: 4 })
    // closed in November: S1 satisfied, S4 basically satisfied → (1 + 1) ÷ 2 = 100 %, n = 2 < 5
    expect(f.satisfaction).toEqual({
      rate: 1,
      sample: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 0,
      ranked: false,
    })
    // S1 was re-handled (round 1) before it closed
    expect(f.rehandled).toBe(1)
    expect(f.ids.closed).toEqual([1, 4])
  })

  it('deputy 2: a co-signature on a withdrawn suggestion does not count; an undated reply is not judged', () => {
    const f = suggestionFigures(rows, period, 2, 2)
    expect(f.led).toBe(1) // S6
    expect(f.cosigned).toBe(1) // S1 (S5 withdrawn)
    expect(f.qualityFirstPass).toEqual({ share: 1, count: 1, of: 1 })
    expect(f.grades).toEqual({ A: 0, B: 1, C: 0, D: 1, total: 2 }) // S6: D, B
    expect(f.repliesOnTime).toEqual({ share: 1, count: 1, of: 1 }) // only the dated B is judged
    expect(f.satisfaction.sample).toBe(0)
    expect(f.satisfaction.rate).toBeNull()
    expect(f.rehandled).toBe(0)
  })

  it('deputy 3: declined and invited co-signatures do not count; nothing led gives n = 0 and no share', () => {
    const f = suggestionFigures(rows, period, 5, 3)
    expect(f.led).toBe(0)
    expect(f.cosigned).toBe(0)
    expect(f.qualityFirstPass).toEqual({ share: null, count: 0, of: 0 })
    expect(f.grades.total).toBe(0)
    expect(f.repliesOnTime).toEqual({ share: null, count: 0, of: 0 })
    expect(f.satisfaction).toMatchObject({ rate: null, sample: 0, ranked: false })
  })

  it('a whole scope: every filed suggestion and every confirmed co-signature', () => {
    const f = suggestionFigures(rows, period, 2)
    expect(f.led).toBe(3) // S1, S2, S6
    expect(f.cosigned).toBe(2) // S1 by 2, S6 by 1
    expect(f.qualityFirstPass).toEqual({ share: 2 / 3, count: 2, of: 3 }) // S1 ✓, S2 ✗, S6 ✓
    // November replies: S1 C B A, S2 C, S6 D B
    expect(f.grades).toEqual({ A: 1, B: 2, C: 2, D: 1, total: 6 })
    // dated: the 4 of deputy 1 (3 on time) + S6's B (on time) = 4 of 5
    expect(f.repliesOnTime).toEqual({ share: 0.8, count: 4, of: 5 })
    expect(f.satisfaction).toMatchObject({ rate: 1, sample: 2, ranked: true })
  })

  it('no suggestions at all: zeros and no division by zero', () => {
    const f = suggestionFigures({ suggestions: [], replies: [], cosigners: [], units: [] }, period, 5, 1)
    expect(f).toMatchObject({ led: 0, cosigned: 0, rehandled: 0 })
    expect(f.qualityFirstPass.share).toBeNull()
    expect(f.repliesOnTime.share).toBeNull()
    expect(f.satisfaction.rate).toBeNull()
    expect(unitFigures({ suggestions: [], replies: [], cosigners: [], units: [] }, period, today, 5)).toEqual(
      [],
    )
  })
})

describe('units’ table', () => {
  const table = unitFigures(rows, period, today, 2)
  const unit = (id: number) => table.find((u) => u.unitId === id)!

  it('lists the units assigned to or replying to a filed suggestion; never one only on a withdrawn one', () => {
    expect(table.map((u) => u.unitId)).toEqual([10, 11, 13])
  })

  it('a unit with nothing in the period is left out, unless something of its is overdue now', () => {
    const october = unitFigures(rows, { from: '2026-10-01', to: '2026-10-31' }, today, 2)
    // 10: nothing in October but S2 overdue now; 11: S4 filed and replied in October; 13: nothing
    expect(october.map((u) => u.unitId)).toEqual([10, 11])
    expect(october[0]).toMatchObject({ assigned: { lead: 0, assist: 0 }, overdueNow: 1 })
    expect(october[1]).toMatchObject({ assigned: { lead: 1, assist: 0 }, grades: { A: 1, total: 1 } })
  })

  it('unit 10: assigned 2 主办 + 1 协办, all three replies on time, one overdue now', () => {
    const u = unit(10)
    // S1 lead, S2 lead, S6 assist — all filed in November
    expect(u.assigned).toEqual({ lead: 2, assist: 1 })
    // S1 C (r0), S1 A (r1, the re-handling), S6 B
    expect(u.grades).toEqual({ A: 1, B: 1, C: 1, D: 0, total: 3 })
    expect(u.repliesOnTime).toEqual({ share: 1, count: 3, of: 3 })
    // closed in November among S1, S2, S6: S1 satisfied → n = 1
    expect(u.satisfaction).toMatchObject({ rate: 1, sample: 1, satisfied: 1, ranked: false })
    // S2: with the units, due 12-01 < 12-06, no reply from 10 in round 0
    expect(u.overdueNow).toBe(1)
  })

  it('unit 11: a late reply and an undated one; satisfaction over both closed suggestions', () => {
    const u = unit(11)
    // S1 assist, S6 lead (S4 was filed in October)
    expect(u.assigned).toEqual({ lead: 1, assist: 1 })
    // November: S1 B (late), S6 D (undated); S4's A was in October
    expect(u.grades).toEqual({ A: 0, B: 1, C: 0, D: 1, total: 2 })
    expect(u.repliesOnTime).toEqual({ share: 0, count: 0, of: 1 })
    // closed in November: S1 satisfied, S4 basically satisfied → 2 ÷ 2, n = 2
    expect(u.satisfaction).toMatchObject({
      rate: 1,
      sample: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      ranked: true,
    })
    expect(u.overdueNow).toBe(0)
  })

  it('unit 13: moved off S2 by the office, its reply still counts; nothing assigned, nothing overdue', () => {
    const u = unit(13)
    expect(u.assigned).toEqual({ lead: 0, assist: 0 })
    expect(u.grades).toEqual({ A: 0, B: 0, C: 1, D: 0, total: 1 })
    expect(u.repliesOnTime).toEqual({ share: 1, count: 1, of: 1 })
    expect(u.satisfaction.sample).toBe(0)
    expect(u.overdueNow).toBe(0)
  })

  it('a reply in the current round ends "overdue"; a reply in an earlier round does not', () => {
    const rehandling: FigureRows = {
      suggestions: [
        s({ id: 7, status: 'rehandling', firstSubmittedOn: '2026-11-02', round: 1, dueOn: '2026-12-01' }),
      ],
      replies: [
        { suggestionId: 7, unitId: 10, round: 0, grade: 'C', repliedOn: '2026-11-09', dueOn: '2026-11-20' },
      ],
      cosigners: [],
      units: [{ suggestionId: 7, unitId: 10, role: 'lead' }],
    }
    expect(unitFigures(rehandling, period, today, 5)[0]!.overdueNow).toBe(1)
    const answered = {
      ...rehandling,
      replies: [
        ...rehandling.replies,
        {
          suggestionId: 7,
          unitId: 10,
          round: 1,
          grade: 'B' as const,
          repliedOn: '2026-12-05',
          dueOn: '2026-12-01',
        },
      ],
    }
    expect(unitFigures(answered, period, today, 5)[0]!.overdueNow).toBe(0)
    // not overdue on its due date itself
    expect(unitFigures(rehandling, period, '2026-12-01', 5)[0]!.overdueNow).toBe(0)
  })
})
