import { describe, expect, it } from 'vitest'
import { COMMON_SURNAMES, SURNAMES_PER_PAGE } from '../../server/domain/common-surnames.ts'

const HAN = /^\p{Script=Han}$/u

describe('common surnames', () => {
  it('lists 100 different surnames, each one Han character with a pinyin', () => {
    expect(COMMON_SURNAMES).toHaveLength(100)
    expect(new Set(COMMON_SURNAMES.map((s) => s.zhHans)).size).toBe(100)
    for (const s of COMMON_SURNAMES) {
      expect(s.zhHans, JSON.stringify(s)).toMatch(HAN)
      expect(s.zhHant, JSON.stringify(s)).toMatch(HAN)
      expect(s.pinyin, JSON.stringify(s)).toMatch(/^[A-Z][a-zü]+$/)
    }
  })

  it('starts with the most common and gives the traditional forms where they differ', () => {
    expect(COMMON_SURNAMES.slice(0, 5).map((s) => s.zhHans)).toEqual(['王', '李', '张', '刘', '陈'])
    const hant = Object.fromEntries(COMMON_SURNAMES.map((s) => [s.zhHans, s.zhHant]))
    expect(hant).toMatchObject({
      陈: '陳',
      刘: '劉',
      张: '張',
      黄: '黃',
      赵: '趙',
      吴: '吳',
      郑: '鄭',
      龙: '龍',
    })
    expect(hant).toMatchObject({ 王: '王', 李: '李', 林: '林' })
    expect(COMMON_SURNAMES.find((s) => s.zhHans === '陈')!.pinyin).toBe('Chen')
  })

  it('fits a page of the grid in whole pages of at most SURNAMES_PER_PAGE', () => {
    expect(Math.ceil(COMMON_SURNAMES.length / SURNAMES_PER_PAGE)).toBeLessThanOrEqual(3)
  })
})
