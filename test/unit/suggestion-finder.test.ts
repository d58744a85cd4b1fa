import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hidePhones } from '../../server/domain/masking.ts'
import {
  concernTokens,
  describeConcerns,
  dice,
  FINDER_RULE,
  type FinderConcern,
  findGroups,
  guessKind,
  pairScore,
  residentKeyOf,
  residentWords,
  summariseEvidence,
  textTokens,
} from '../../server/domain/suggestion-finder.ts'

const concern = (id: number, text: string, o: Partial<FinderConcern> = {}): FinderConcern => ({
  id,
  topicId: 1,
  placeId: 1,
  receivedOn: '2026-03-12',
  text,
  phrases: [],
  open: true,
  residentKey: `c:${id}`,
  ...o,
})

describe('textTokens', () => {
  it('takes Chinese by character bigrams, split at digits, punctuation and particles', () => {
    expect([...textTokens('3栋电梯又坏了！')].sort()).toEqual(['栋电', '电梯'])
    expect([...textTokens('电梯困人')].sort()).toEqual(['困人', '梯困', '电梯'])
  })

  it('drops stop-bigrams and one-character runs', () => {
    expect(textTokens('我们的问题')).toEqual(new Set())
    expect(textTokens('坏')).toEqual(new Set())
    expect(textTokens('问题')).toEqual(new Set())
  })

  it('takes Latin text by lower-case words without stop-words, full-width folded', () => {
    expect([...textTokens('The LIFT is broken again, Ｌｉｆｔ!')].sort()).toEqual(['broken', 'lift'])
  })

  it('adds the phrase chips a concern carries', () => {
    expect([...concernTokens({ text: '', phrases: ['电梯故障'] })].sort()).toEqual(
      ['梯故', '故障', '电梯'].sort(),
    )
  })
})

describe('dice', () => {
  it('is 2|A∩B|/(|A|+|B|), symmetric, 1 on equal sets and 0 on disjoint or empty ones', () => {
    const a = new Set(['电梯', '困人'])
    const b = new Set(['电梯', '停运', '老人'])
    expect(dice(a, b)).toBeCloseTo(0.4)
    expect(dice(b, a)).toBe(dice(a, b))
    expect(dice(a, a)).toBe(1)
    expect(dice(a, new Set(['路灯']))).toBe(0)
    expect(dice(new Set(), new Set())).toBe(0)
  })
})

describe('pairScore', () => {
  const tok = (text: string) => textTokens(text)
  it('never joins two different places', () => {
    expect(
      pairScore(
        { topicId: 1, placeId: 1, tokens: tok('电梯坏了') },
        { topicId: 1, placeId: 2, tokens: tok('电梯坏了') },
      ),
    ).toBeNull()
  })

  it('adds the topic and the place to the words', () => {
    const s = pairScore(
      { topicId: 1, placeId: 1, tokens: tok('3栋电梯又坏了') },
      { topicId: 1, placeId: 1, tokens: tok('电梯困人') },
    )!
    expect(s).toBeCloseTo(0.4 + FINDER_RULE.sameTopic + FINDER_RULE.samePlace)
  })

  it('joins concerns without words on topic and place alone', () => {
    expect(
      pairScore(
        { topicId: 1, placeId: 1, tokens: new Set() },
        { topicId: 1, placeId: 1, tokens: tok('电梯') },
      ),
    ).toBe(FINDER_RULE.threshold)
    expect(
      pairScore(
        { topicId: 1, placeId: 1, tokens: new Set() },
        { topicId: 2, placeId: 1, tokens: tok('电梯') },
      )!,
    ).toBeLessThan(FINDER_RULE.threshold)
  })
})

describe('findGroups', () => {
  it('groups one matter in one place and leaves the same words in another place apart', () => {
    const groups = findGroups([
      concern(1, '3栋电梯又坏了'),
      concern(2, '电梯经常停运，老人下不了楼'),
      concern(3, '电梯困人'),
      concern(4, '电梯困人', { placeId: 2 }),
      concern(5, '电梯又坏了', { placeId: 2 }),
      concern(6, '路灯不亮', { topicId: 2 }),
    ])
    expect(groups.map((g) => g.concernIds)).toEqual([
      [1, 2, 3],
      [4, 5],
    ])
    expect(groups[0]).toMatchObject({ keyword: '电梯', placeIds: [1], residents: 3, concerns: 3, open: 3 })
  })

  it('counts one resident per call-back phone and ranks by residents, then recency', () => {
    const groups = findGroups([
      concern(1, '垃圾没人清运', { placeId: 3, residentKey: 'p:1', receivedOn: '2026-05-01' }),
      concern(2, '垃圾清运不及时', { placeId: 3, residentKey: 'p:1', receivedOn: '2026-05-02' }),
      concern(3, '垃圾清运太慢', { placeId: 3, residentKey: 'p:1', receivedOn: '2026-05-03' }),
      concern(4, '路灯不亮', { placeId: 4, receivedOn: '2026-04-01' }),
      concern(5, '路灯坏了不亮', { placeId: 4, receivedOn: '2026-04-02' }),
    ])
    expect(groups.map((g) => [g.residents, g.concerns])).toEqual([
      [2, 2],
      [1, 3],
    ])
  })

  const arbConcern = fc.record({
    topicId: fc.integer({ min: 1, max: 3 }),
    placeId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    receivedOn: fc.constantFrom('2026-03-01', '2026-05-20', '2026-11-02'),
    text: fc.array(
      fc.constantFrom('电梯', '坏了', '困人', '路灯', '不亮', '停车', '难', '噪音', '扰民', 'lift', '3栋'),
      {
        maxLength: 4,
      },
    ),
    residentKey: fc.constantFrom('p:1', 'p:2', 'x'),
  })
  const arbConcerns = fc.array(arbConcern, { maxLength: 18 }).map((rows) =>
    rows.map((r, i) => ({
      ...r,
      id: i + 1,
      text: r.text.join(''),
      phrases: [],
      open: i % 3 !== 0,
      residentKey: r.residentKey === 'x' ? `c:${i + 1}` : r.residentKey,
    })),
  )

  it('never puts two different places in one group; groups are disjoint and have two members or more', () => {
    fc.assert(
      fc.property(arbConcerns, (rows) => {
        const groups = findGroups(rows)
        const seen = new Set<number>()
        for (const g of groups) {
          expect(g.concernIds.length).toBeGreaterThanOrEqual(2)
          const places = new Set(g.concernIds.map((id) => rows[id - 1]!.placeId).filter((p) => p !== null))
          expect(places.size).toBeLessThanOrEqual(1)
          for (const id of g.concernIds) {
            expect(seen.has(id)).toBe(false)
            seen.add(id)
          }
        }
      }),
    )
  })

  it('gives the same groups whatever the order of the candidates', () => {
    fc.assert(
      fc.property(
        arbConcerns.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(findGroups(shuffled)).toEqual(findGroups(rows))
        },
      ),
    )
  })

  it('joins every pair that reaches the threshold unless a place would be mixed', () => {
    fc.assert(
      fc.property(arbConcerns, (rows) => {
        const groupOf = new Map<number, number>()
        findGroups(rows, 1).forEach((g, i) => {
          for (const id of g.concernIds) groupOf.set(id, i)
        })
        const withTokens = rows.map((r) => ({ ...r, tokens: concernTokens(r) }))
        for (const a of withTokens)
          for (const b of withTokens) {
            if (a.id >= b.id || a.placeId === null || b.placeId === null) continue
            const s = pairScore(a, b)
            if (s !== null && s >= FINDER_RULE.threshold) expect(groupOf.get(a.id)).toBe(groupOf.get(b.id))
          }
      }),
    )
  })

  it('labels a group with the token most members share, its dates and its open count', () => {
    fc.assert(
      fc.property(arbConcerns, (rows) => {
        for (const g of findGroups(rows)) {
          const members = g.concernIds.map((id) => rows[id - 1]!)
          const counts = new Map<string, number>()
          for (const m of members)
            for (const tok of concernTokens(m)) counts.set(tok, (counts.get(tok) ?? 0) + 1)
          const most = Math.max(0, ...counts.values())
          if (g.keyword) expect(counts.get(g.keyword)).toBe(most)
          else expect(most).toBeLessThan(2)
          const dates = members.map((m) => m.receivedOn).sort()
          expect([g.firstOn, g.lastOn]).toEqual([dates[0], dates[dates.length - 1]])
          expect(g.open).toBe(members.filter((m) => m.open).length)
          expect(g.residents).toBe(new Set(members.map((m) => m.residentKey)).size)
        }
      }),
    )
  })

  it('describes a picked selection like a group', () => {
    expect(describeConcerns([])).toBeNull()
    expect(
      describeConcerns([concern(2, '电梯困人', { receivedOn: '2026-04-01' }), concern(1, '3栋电梯坏了')]),
    ).toMatchObject({
      concernIds: [1, 2],
      keyword: '电梯',
      firstOn: '2026-03-12',
      lastOn: '2026-04-01',
    })
  })
})

describe('guessKind', () => {
  it('maps the obvious topics to a template, anything else to other', () => {
    expect(guessKind('住房与物业')).toBe('infrastructure')
    expect(guessKind('道路交通')).toBe('traffic')
    expect(guessKind('精细化工安全')).toBe('environment')
    expect(guessKind('社会保障')).toBe('social_security')
    expect(guessKind('家居与家纺企业')).toBe('business')
    expect(guessKind('医疗卫生')).toBe('other')
  })
})

describe('residents’ words', () => {
  it('hides phone numbers and cuts long texts', () => {
    expect(hidePhones('电话13812345678，3栋电梯坏了')).toBe('电话***********，3栋电梯坏了')
    expect(hidePhones('幺三八一二三四五六七八')).toBe('***********')
    expect(hidePhones('2026-12-05 3栋2单元')).toBe('2026-12-05 3栋2单元')
    expect(residentWords('电梯'.repeat(50), hidePhones, 10)).toBe(`${'电梯'.repeat(5)}…`)
    expect(residentKeyOf({ id: 7, callbackPhone: '138 1234 5678' })).toBe('p:13812345678')
    expect(residentKeyOf({ id: 7, callbackPhone: null })).toBe('c:7')
  })
})

describe('summariseEvidence', () => {
  it('counts residents, places, dates, open concerns and every verdict given', () => {
    const s = summariseEvidence(
      [
        { id: 1, placeId: 2, receivedOn: '2026-05-01', open: false, residentKey: 'p:1' },
        { id: 2, placeId: 2, receivedOn: '2026-03-12', open: true, residentKey: 'p:1' },
        { id: 3, placeId: null, receivedOn: '2026-11-20', open: true, residentKey: 'c:3' },
      ],
      [
        { concernId: 1, verdict: 'unsatisfied' },
        { concernId: 1, verdict: 'satisfied' },
        { concernId: 9, verdict: 'satisfied' },
      ],
    )
    expect(s).toEqual({
      residents: 2,
      concerns: 3,
      placeIds: [2],
      withoutPlace: 1,
      firstOn: '2026-03-12',
      lastOn: '2026-11-20',
      open: 2,
      verdicts: { satisfied: 1, basically_satisfied: 0, unsatisfied: 1 },
      unrated: 2,
    })
  })
})
