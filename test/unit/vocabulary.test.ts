import { describe, expect, it } from 'vitest'
import { catalog, makeI18n } from '../../views/i18n/index.ts'
import { LOCALES } from '../../views/i18n/locales.ts'

const entries = Object.entries(catalog)

/** Other words for the tracking code and the slip that crept in before issue 15. */
const RETIRED = {
  hans: ['追踪码', '跟踪码', '查询号', '小票', '凭条', '单据', '收据', '预约单'],
  hant: ['追蹤碼', '跟蹤碼', '查詢號', '小票', '憑條', '單據', '收據', '預約單'],
}

describe('one name for one thing (issue 15, item 9)', () => {
  it('uses no retired word for the tracking code or the slip', () => {
    const found = entries.flatMap(([key, [hans, hant]]) => [
      ...RETIRED.hans.filter((w) => hans.includes(w)).map((w) => `${key}: ${w}`),
      ...RETIRED.hant.filter((w) => hant.includes(w)).map((w) => `${key}: ${w}`),
    ])
    expect(found).toEqual([])
  })

  it('calls the tracking code 查询码 / 查詢碼 / tracking code together in all three languages', () => {
    const mismatched = entries
      .filter(([, [hans, hant, en]]) => {
        const named = [hans.includes('查询码'), hant.includes('查詢碼'), /tracking code/i.test(en)]
        return named.some(Boolean) && !named.every(Boolean)
      })
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('calls the slip 回执 / 回執 wherever the English says slip', () => {
    const mismatched = entries
      .filter(
        ([, [hans, hant, en]]) => /\bslips?\b/i.test(en) && !(hans.includes('回执') && hant.includes('回執')),
      )
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })
})

describe('times on the 24-hour clock in every language', () => {
  const afternoon = new Date('2026-12-05T06:05:00Z') // 14:05 in Shanghai
  const morning = new Date('2026-12-04T22:30:00Z') // 06:30 in Shanghai
  const shapes: Intl.DateTimeFormatOptions[] = [
    { dateStyle: 'medium', timeStyle: 'short' },
    { dateStyle: 'long', timeStyle: 'short' },
    { dateStyle: 'full', timeStyle: 'short' },
    { timeStyle: 'short' },
    { hour: '2-digit', minute: '2-digit' },
    { weekday: 'short', hour: '2-digit', minute: '2-digit' },
  ]

  it('writes 14:05 and 06:30, never 上午/下午 or am/pm', () => {
    for (const locale of LOCALES) {
      const { dateTime } = makeI18n(locale)
      for (const opts of shapes) {
        const pm = dateTime(afternoon, 'Asia/Shanghai', opts)
        const am = dateTime(morning, 'Asia/Shanghai', opts)
        expect(pm, `${locale} ${JSON.stringify(opts)}`).toMatch(/14:05/)
        expect(am, `${locale} ${JSON.stringify(opts)}`).toMatch(/0?6:30/)
        expect(`${pm} ${am}`).not.toMatch(/上午|下午|[ap]\.?m\.?/i)
      }
    }
  })

  it('keeps the long date of 繁體 as it was: 2026年12月5日 14:05', () => {
    expect(
      makeI18n('zh-Hant').dateTime(afternoon, 'Asia/Shanghai', { dateStyle: 'long', timeStyle: 'short' }),
    ).toBe('2026年12月5日 14:05')
    expect(
      makeI18n('zh-Hans').dateTime(afternoon, 'Asia/Shanghai', { dateStyle: 'long', timeStyle: 'short' }),
    ).toBe('2026年12月5日 14:05')
  })
})
