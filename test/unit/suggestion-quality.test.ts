import fc from 'fast-check'
import { jsx } from 'hono/jsx'
import { describe, expect, it } from 'vitest'
import { SUGGESTION_KINDS } from '../../db/enums.ts'
import {
  analyseAction,
  checkSuggestionQuality,
  QUALITY_ITEMS,
  type QualityInput,
  type QualityItemId,
  type QualityReport,
  REQUIRED_QUALITY_ITEMS,
  SUGGESTION_LIMITS,
  suggestionLexicon,
  titleMatters,
} from '../../server/domain/suggestion-quality.ts'
import { QualityChecklist } from '../../views/components/quality-checklist.tsx'
import { makeI18n } from '../../views/i18n/index.ts'
import { LOCALES, type Locale } from '../../views/i18n/locales.ts'
import { fragmentToString } from '../../views/pages/display/fragment-string.tsx'
import { suggestionTemplate, TEMPLATE_KINDS } from '../../views/pages/suggestions/suggestion-template.ts'

const lexicon = suggestionLexicon()

/** A draft a street office would accept: 幸福小区's lifts, with numbers, places, dates and who acts. */
const good: QualityInput = {
  title: '关于维修幸福小区3栋电梯的建议',
  problem:
    '自2026年3月起，幸福小区3栋的两台电梯停运12次，最长一次停运9天，影响全楼48户、136名居民，其中80岁以上老人11名。代表联络站收到居民反映13件。',
  causes: '电梯已使用19年，超过设计年限；专项维修资金申请卡在业主表决环节。',
  actions: [
    {
      text: '2026年12月底前更换3栋两台电梯的曳引机和控制柜，并张贴公示维修费用',
      actor: '幸福物业服务有限公司',
    },
    { text: '在10个工作日内办结3栋专项维修资金的使用审批', actor: '区住房和城乡建设局' },
  ],
  proposedUnitCount: 2,
  proposedLeadUnitCount: 1,
  linkedConcernCount: 13,
  linkedTopicCount: 1,
  noEvidenceReason: '',
  pendingCosigners: 0,
  placeNames: ['幸福小区', '幸福小區', 'Xingfu Estate'],
}

const goodHant: QualityInput = {
  ...good,
  title: '關於維修幸福小區3棟電梯的建議',
  problem: '自2026年3月起，幸福小區3棟的兩台電梯停運12次，影響全樓48戶、136名居民，其中80歲以上老人11名。',
  causes: '電梯已使用19年，超過設計年限。',
  actions: [
    { text: '2026年12月底前更換3棟兩台電梯的曳引機，並張貼公示維修費用', actor: '幸福物業服務有限公司' },
  ],
}

const goodEn: QualityInput = {
  ...good,
  title: 'Replace the lifts of Building 3 at Xingfu Estate',
  problem:
    'Since March 2026 the two lifts of Building 3 at Xingfu Estate have stopped 12 times, affecting 48 households and 136 residents.',
  causes: 'The lifts are 19 years old, past their design life.',
  actions: [
    {
      text: 'Replace the traction machines of both lifts in Building 3 by the end of December 2026',
      actor: 'Xingfu property management company',
    },
  ],
}

const item = (r: QualityReport, id: QualityItemId) => {
  const found = r.items.find((i) => i.id === id)
  if (!found) throw new Error(`no item ${id}`)
  return found
}
const check = (over: Partial<QualityInput>, base = good) =>
  checkSuggestionQuality({ ...base, ...over }, lexicon)
const ok = (over: Partial<QualityInput>, id: QualityItemId, base = good) => item(check(over, base), id).ok

describe('a good draft', () => {
  it.each([
    ['zh-Hans', good],
    ['zh-Hant', goodHant],
    ['en', goodEn],
  ])('in %s passes with every item met', (_lang, draft) => {
    const r = checkSuggestionQuality(draft, lexicon)
    expect(r.passed).toBe(true)
    expect(r.items.filter((i) => !i.ok).map((i) => i.id)).toEqual([])
    expect(r.items.map((i) => i.id)).toEqual([...QUALITY_ITEMS])
  })
})

describe('“进一步加强管理” is refused', () => {
  it.each([
    ['zh-Hans', good, '进一步加强管理', ['进一步', '加强', '管理']],
    ['zh-Hant', goodHant, '進一步加強管理', ['進一步', '加強', '管理']],
    ['en', goodEn, 'Further strengthen management', ['further', 'strengthen', 'management']],
  ] as const)('in %s: concrete_action fails and names the vague words', (_lang, base, text, words) => {
    const r = check({ actions: [{ text, actor: '有关部门' }] }, base)
    expect(r.passed).toBe(false)
    const a = item(r, 'concrete_action')
    expect(a).toMatchObject({ required: true, ok: false })
    expect(a.detail?.vague).toEqual(words)
    expect(a.detail?.action1).toEqual(['verb'])
    expect(r.items.filter((i) => i.required && !i.ok).map((i) => i.id)).toEqual(['concrete_action'])
  })
})

describe('one matter (一事一议)', () => {
  it.each([
    '关于维修幸福小区电梯的建议',
    '电梯维修',
    '道路及排水',
    '关于道路及排水设施改造的建议',
    '关于维修、更换幸福小区3栋电梯的建议',
    '关于幸福小区3栋、5栋、7栋电梯维修的建议',
    '关于及时维修和平路路灯的建议',
    '关于加装电梯，方便老人上下楼的建议',
    '關於維修幸福小區電梯的建議',
    'Road and drainage repair at Heping Road',
    'Repair the lifts of Building 3, 5 and 7',
  ])('%s is one matter', (title) => {
    expect(titleMatters(title, lexicon)).toBeNull()
    expect(ok({ title }, 'one_matter')).toBe(true)
  })

  it.each([
    ['关于维修电梯和更换水管的建议', ['维修电梯', '更换水管']],
    ['关于维修电梯，更换水管的建议', ['维修电梯', '更换水管']],
    ['关于幸福小区电梯维修；道路修补的建议', ['幸福小区电梯维修', '道路修补']],
    ['关于幸福小区电梯、路灯和垃圾站的建议', ['幸福小区电梯', '路灯', '垃圾站']],
    ['一是维修电梯，二是修补道路', ['维修电梯', '修补道路']],
    ['關於維修幸福小區電梯及更換水管的建議', ['維修幸福小區電梯', '更換水管']],
    ['Repair the lift and replace the water pipes', ['repair the lift', 'replace the water pipes']],
  ])('%s is several matters', (title, parts) => {
    const r = check({ title })
    expect(item(r, 'one_matter')).toMatchObject({ ok: false, required: true, detail: { parts } })
    expect(r.passed).toBe(false)
  })

  it('warns, without refusing, when the linked concerns span several topics', () => {
    const r = check({ linkedTopicCount: 3 })
    expect(item(r, 'one_topic')).toMatchObject({ ok: false, required: false, detail: { n: 3 } })
    expect(r.passed).toBe(true)
    expect(ok({ linkedTopicCount: 1 }, 'one_topic')).toBe(true)
  })
})

describe('facts in the problem', () => {
  const problem = (p: string) => item(check({ problem: p }), 'facts')

  it('needs a number with its measure word and a place', () => {
    expect(problem('幸福小区的电梯经常坏，居民很不方便，希望有关部门重视一下这件事情。')).toMatchObject({
      ok: false,
      detail: { noNumber: 1 },
    })
    expect(
      problem('电梯自2026年3月起停运了12次，居民很不方便，希望有关部门重视一下这件事情。'),
    ).toMatchObject({
      ok: false,
      detail: { noPlace: 1 },
    })
    expect(problem('电梯经常坏，居民很不方便，希望有关部门能够重视一下这件事情，尽快解决。').detail).toEqual({
      noNumber: 1,
      noPlace: 1,
    })
  })

  it('counts Chinese numerals, full-width digits and English quantities, not a bare year', () => {
    expect(problem('三栋楼的居民都反映电梯停运，已经很久了，出行很不方便，请尽快处理。')).toMatchObject({
      ok: true,
      detail: { number: '三栋' },
    })
    expect(problem('幸福小区１３户居民反映电梯停运，出行很不方便，请尽快处理这件事。')).toMatchObject({
      ok: true,
      detail: { number: '13户' },
    })
    expect(problem('2026年幸福小区的电梯经常停运，居民出行很不方便，请尽快处理这件事。').detail).toEqual({
      noNumber: 1,
    })
    expect(
      item(
        check({ problem: 'The lift of Building 3 at Xingfu Estate stopped 12 times since March.' }, goodEn),
        'facts',
      ),
    ).toMatchObject({ ok: true, detail: { number: '12 times', place: 'Xingfu Estate' } })
  })

  it('recognises a place of the register with no place word in its name', () => {
    const p = '翠湖苑的电梯停运12次，居民出行很不方便，请尽快处理这件事情，谢谢。'
    expect(item(check({ problem: p, placeNames: [] }), 'facts').ok).toBe(false)
    expect(item(check({ problem: p, placeNames: ['翠湖苑'] }), 'facts')).toMatchObject({
      ok: true,
      detail: { place: '翠湖苑' },
    })
  })

  it('asks for a date as an optional reminder', () => {
    const noDate = check({ problem: '幸福小区3栋的两台电梯停运12次，影响全楼48户、136名居民，请尽快处理。' })
    expect(item(noDate, 'dates')).toMatchObject({ ok: false, required: false })
    expect(noDate.passed).toBe(true)
    for (const p of ['3月起', '2026-03', '去年冬天', 'since March'])
      expect(ok({ problem: `${good.problem}${p}` }, 'dates')).toBe(true)
    expect(item(check({}), 'dates').detail).toEqual({ date: '2026年3月' })
  })
})

describe('concrete actions', () => {
  const action = (text: string, actor = '区住房和城乡建设局') => analyseAction({ text, actor }, lexicon)

  it('needs a verb, an object and who should do it', () => {
    expect(action('维修3栋电梯').concrete).toBe(true)
    expect(action('3月底前更换3栋两台电梯的曳引机').concrete).toBe(true)
    expect(action('維修3棟電梯').concrete).toBe(true)
    expect(action('Repair the lift of Building 3').concrete).toBe(true)
    expect(action('加强维修')).toMatchObject({ hasVerb: true, hasObject: false, concrete: false })
    expect(action('切实加大维修力度')).toMatchObject({
      hasVerb: true,
      hasObject: false,
      vague: ['切实', '加大', '力度'],
    })
    expect(action('解决电梯问题')).toMatchObject({ hasVerb: false, concrete: false })
    expect(action('维修3栋电梯', '')).toMatchObject({ hasActor: false, concrete: false })
  })

  it('passes when one action is concrete, and reminds about the vague others', () => {
    const r = check({
      actions: [{ text: '进一步重视', actor: '街道' }, good.actions[0]!, { text: '更换3栋电梯', actor: '' }],
    })
    expect(item(r, 'concrete_action')).toMatchObject({ ok: true, detail: { n: 1 } })
    expect(item(r, 'each_action_concrete')).toMatchObject({
      ok: false,
      required: false,
      detail: { failing: ['1', '3'], action1: ['verb'], vague1: ['进一步', '重视'], action3: ['actor'] },
    })
    expect(r.passed).toBe(true)
  })

  it('fails with no action at all, ignoring blank rows', () => {
    const r = check({ actions: [{ text: ' ', actor: '' }] })
    expect(item(r, 'concrete_action')).toMatchObject({ ok: false, detail: { none: 1 } })
    expect(item(r, 'length').ok).toBe(true)
  })
})

describe('unit, evidence, length, template, co-signers', () => {
  it('needs a proposed lead unit', () => {
    expect(ok({ proposedUnitCount: 0, proposedLeadUnitCount: 0 }, 'unit')).toBe(false)
    expect(ok({ proposedUnitCount: 1, proposedLeadUnitCount: 0 }, 'unit')).toBe(false)
    expect(ok({ proposedUnitCount: 1, proposedLeadUnitCount: undefined }, 'unit')).toBe(true)
  })

  it('needs linked concerns or a reason of a few words', () => {
    expect(item(check({}), 'evidence').detail).toEqual({ linked: 13 })
    expect(ok({ linkedConcernCount: 0, noEvidenceReason: '' }, 'evidence')).toBe(false)
    expect(ok({ linkedConcernCount: 0, noEvidenceReason: '无' }, 'evidence')).toBe(false)
    expect(ok({ linkedConcernCount: 0, noEvidenceReason: 'none' }, 'evidence')).toBe(false)
    expect(ok({ linkedConcernCount: 0, noEvidenceReason: '代表视察时发现，尚无居民反映' }, 'evidence')).toBe(
      true,
    )
  })

  it('names each part out of its bounds with its length', () => {
    const L = SUGGESTION_LIMITS
    const r = check({
      title: '电梯',
      actions: [...good.actions, { text: '修', actor: '物业' }, { text: '更换'.repeat(200), actor: '物业' }],
    })
    expect(item(r, 'length')).toMatchObject({ ok: false, detail: { title: 2, action3: 1, action4: 400 } })
    expect(ok({ problem: '幸'.repeat(L.problemMax + 1) }, 'length')).toBe(false)
    const many = Array.from({ length: L.actionsMax + 1 }, () => good.actions[0]!)
    expect(item(check({ actions: many }), 'length').detail).toEqual({ actions: L.actionsMax + 1 })
  })

  it('refuses a placeholder of the template left in any part', () => {
    const r = check({
      problem: `${good.problem}【户数】户受影响`,
      actions: [{ ...good.actions[0]!, actor: '【物业服务企业】' }],
    })
    expect(item(r, 'template_filled')).toMatchObject({
      ok: false,
      detail: { left: ['【户数】', '【物业服务企业】'] },
    })
    expect(r.passed).toBe(false)
  })

  it('reminds about causes and co-signers who have not answered, without refusing', () => {
    const r = check({ causes: '', pendingCosigners: 2 })
    expect(item(r, 'causes')).toMatchObject({ ok: false, required: false })
    expect(item(r, 'cosigners_answered')).toMatchObject({ ok: false, required: false, detail: { n: 2 } })
    expect(r.passed).toBe(true)
  })
})

describe('the templates', () => {
  const locales: Locale[] = [...LOCALES]
  it('cover the five commonest kinds; other starts blank', () => {
    expect(TEMPLATE_KINDS).toEqual(SUGGESTION_KINDS.filter((k) => k !== 'other'))
    expect(suggestionTemplate(makeI18n('zh-Hans').t, 'other')).toEqual({
      title: '',
      problem: '',
      causes: '',
      actions: [],
    })
  })

  const cases = TEMPLATE_KINDS.flatMap((kind) => locales.map((locale) => [kind, locale] as const))
  it.each(cases)('%s in %s is refused until its 【】 are filled, then passes', (kind, locale) => {
    const tpl = suggestionTemplate(makeI18n(locale).t, kind)
    expect(tpl.actions.length).toBeGreaterThanOrEqual(2)
    const asDraft = (fill: (s: string) => string): QualityInput => ({
      ...good,
      title: fill(tpl.title),
      problem: fill(tpl.problem),
      causes: fill(tpl.causes),
      actions: tpl.actions.map((a) => ({ text: fill(a.text), actor: fill(a.actor) })),
    })
    const raw = checkSuggestionQuality(
      asDraft((s) => s),
      lexicon,
    )
    expect(item(raw, 'template_filled').ok).toBe(false)
    expect(raw.passed).toBe(false)
    const filler = locale === 'en' ? 'Lane 5 with 13 homes' : '幸福小区13户'
    const filled = checkSuggestionQuality(
      asDraft((s) => s.replace(/【[^】]*】/g, filler)),
      lexicon,
    )
    expect(filled.items.filter((i) => i.required && !i.ok)).toEqual([])
    expect(item(filled, 'each_action_concrete').ok).toBe(true)
  })
})

describe('the lexicon', () => {
  it('unions the lists of all three languages', () => {
    for (const w of ['加强', '加強', 'strengthen', '进一步', '進一步']) expect(lexicon.vague).toContain(w)
    for (const w of ['维修', '維修', 'repair', '加装', '加裝', 'install']) expect(lexicon.verbs).toContain(w)
    expect(lexicon.vague.filter((v) => lexicon.verbs.includes(v))).toEqual([])
  })
})

describe('invariants (property tests)', () => {
  const fragment = fc.constantFrom(
    '维修',
    '电梯',
    '幸福小区',
    '3栋',
    '12次',
    '加强',
    '、',
    '和',
    '；',
    '【地点】',
    'repair',
    ' the lift',
    ' and ',
    '2026年3月',
    '',
  )
  const text = fc.array(fragment, { maxLength: 12 }).map((xs) => xs.join(''))
  const input: fc.Arbitrary<QualityInput> = fc.record({
    title: text,
    problem: text,
    causes: text,
    actions: fc.array(fc.record({ text, actor: fc.constantFrom('', '物业', '区住建局', '【单位】') }), {
      maxLength: 4,
    }),
    proposedUnitCount: fc.nat(3),
    proposedLeadUnitCount: fc.option(fc.nat(2), { nil: undefined }),
    linkedConcernCount: fc.nat(5),
    linkedTopicCount: fc.nat(3),
    noEvidenceReason: fc.constantFrom('', '无', '代表视察时发现的问题'),
    pendingCosigners: fc.nat(2),
    placeNames: fc.constant(['幸福小区']),
  })

  it('passed ⇔ every required item is ok; every item once, in order, required as declared', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = checkSuggestionQuality(i, lexicon)
        expect(r.passed).toBe(r.items.filter((x) => x.required).every((x) => x.ok))
        expect(r.items.map((x) => x.id)).toEqual([...QUALITY_ITEMS])
        for (const x of r.items) expect(x.required).toBe(REQUIRED_QUALITY_ITEMS.has(x.id))
      }),
    )
  })

  it('appending only vague words to an action never makes a failing action concrete', () => {
    const cjkVague = lexicon.vague.filter((w) => /[\u3400-\u9fff]/.test(w))
    const appended = fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom('', '，', '、', ' '), fc.constantFrom(...cjkVague)).map(([s, w]) => s + w),
        fc.constantFrom(...lexicon.vague).map((w) => ` ${w}`),
      ),
      { minLength: 1, maxLength: 5 },
    )
    const actionText = fc
      .array(fc.constantFrom('维修', '加强', '电梯', 'repair', ' the', '进一步', '3栋', '了', '对', ' '), {
        maxLength: 6,
      })
      .map((xs) => xs.join(''))
    fc.assert(
      fc.property(actionText, fc.constantFrom('', '物业'), appended, (t, actor, more) => {
        fc.pre(!analyseAction({ text: t, actor }, lexicon).concrete)
        expect(analyseAction({ text: t + more.join(''), actor }, lexicon).concrete).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('linking a concern never turns a met evidence item into an unmet one', () => {
    fc.assert(
      fc.property(input, (i) => {
        const before = item(checkSuggestionQuality(i, lexicon), 'evidence').ok
        const after = item(
          checkSuggestionQuality({ ...i, linkedConcernCount: i.linkedConcernCount + 1 }, lexicon),
          'evidence',
        ).ok
        expect(!before || after).toBe(true)
      }),
    )
  })
})

describe('the checklist, rendered', () => {
  const vague = checkSuggestionQuality(
    { ...good, actions: [{ text: '进一步加强管理', actor: '有关部门' }], pendingCosigners: 1 },
    lexicon,
  )
  const render = (locale: Locale, report: QualityReport) =>
    fragmentToString(makeI18n(locale), jsx(QualityChecklist, { report }))

  it.each([
    [
      'zh-Hans',
      '未满足',
      '至少一条具体、可检查的建议',
      '第1条建议只有笼统的词：进一步、加强、管理',
      '还有 1 项必需项未满足',
      '提醒',
    ],
    [
      'zh-Hant',
      '未滿足',
      '至少一條具體、可檢查的建議',
      '第1條建議只有籠統的詞：进一步、加强、管理',
      '還有 1 項必需項未滿足',
      '提醒',
    ],
    [
      'en',
      'Not met',
      'At least one concrete, checkable proposal',
      'Proposal 1 has only vague words: 进一步, 加强, 管理',
      '1 required item(s) not met yet',
      'Reminder',
    ],
  ] as const)(
    'in %s shows each item with its state, kind and reason',
    async (locale, notMet, label, vagueLine, summary, warn) => {
      const html = await render(locale, vague)
      for (const id of QUALITY_ITEMS) expect(html).toContain(`id="quality-item-${id}"`)
      expect(html).toContain('id="quality-checklist"')
      const row = html.slice(
        html.indexOf('id="quality-item-concrete_action"'),
        html.indexOf('id="quality-item-unit"'),
      )
      expect(row).toContain(notMet)
      expect(row).toContain(label)
      expect(row).toContain(vagueLine)
      // Said once, under the required item, not again under the reminder.
      expect(html.split(vagueLine).length - 1).toBe(1)
      expect(row).toContain('quality-fail')
      expect(html).toContain(summary)
      const cosigners = html.slice(html.indexOf('id="quality-item-cosigners_answered"'))
      expect(cosigners).toContain(warn)
      const t = makeI18n(locale).t
      expect(html).toContain(t('suggestion.quality.required'))
      expect(html).toContain(t('suggestion.quality.optional'))
    },
  )

  it('says plainly that a good draft can be submitted', async () => {
    const html = await render('zh-Hans', checkSuggestionQuality(good, lexicon))
    expect(html).toContain('必需项全部满足，可以提交。')
    expect(html).not.toContain('quality-fail')
  })
})
