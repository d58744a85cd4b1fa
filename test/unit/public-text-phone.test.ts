import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { looksLikePhone } from '../../server/domain/masking.ts'

/** How residents and clerks write numbers; every one of them must be refused in public text. */
const PHONES: readonly [format: string, text: string][] = [
  ['mobile', '13812345678'],
  ['spaces', '138 1234 5678'],
  ['dashes', '138-1234-5678'],
  ['dots', '138.1234.5678'],
  ['slashes', '138/1234/5678'],
  ['middle dots', '138·1234·5678'],
  ['spaced dashes', '138 - 1234 - 5678'],
  ['one digit at a time', '1 3 8 1 2 3 4 5 6 7 8'],
  ['+86', '+86 138 1234 5678'],
  ['0086', '0086-13812345678'],
  ['full-width digits', '１３８１２３４５６７８'],
  ['full-width with full-width dashes', '１３８－１２３４－５６７８'],
  ['Chinese numerals', '一三八一二三四五六七八'],
  ['幺 for one', '幺三八幺二三四五六七八'],
  ['Chinese numerals in groups', '一三八 一二三四 五六七八'],
  ['banking numerals', '壹叁捌壹贰叁肆伍陆柒捌'],
  ['mixed widths and numerals', '1３八-1二3４-五6七８'],
  ['inside a sentence', '请回电13812345678谢谢'],
  ['landline with area code', '0571-8888 8888'],
  ['area code in brackets', '(0571) 88888888'],
  ['full-width brackets', '（０５７１）８８８８８８８８'],
  ['landline in one piece', '057188888888'],
  ['Beijing', '010-62345678'],
  ['landline with 〇', '〇五七一-八八八八八八八八'],
  ['landline with 零', '零五七一八八八八八八八八'],
  ['landline after +86', '+86 571 8888 8888'],
  ['local number', '8888 8888'],
  ['local number, 3+4', '电话 876-5432'],
  ['earlier test', '电话0571-8765432'],
  ['next to a house number', '3号楼 3 13812345678'],
]

/** Everyday text with numbers in it that is not a phone number. */
const NOT_PHONES: readonly string[] = [
  '2026-12-05',
  '2026/12/05',
  '2026.12.05',
  '2026年12月5日',
  '二〇二六年十二月五日',
  '2026-12-05 09:30',
  '2026-12-05至2026-12-31',
  '2026/12/01-2026/12/31',
  '2025-2026年度',
  '09:30-10:30',
  '12,000元',
  '1,234,567元',
  '12.50元',
  'A-007',
  '第 3 号楼 12 单元',
  '3 号楼 1201 室',
  '85%',
  '已修好',
  '三五成群',
]

describe('the public-text phone guard', () => {
  it.each(PHONES)('catches %s: %s', (_, text) => {
    expect(looksLikePhone(text)).toBe(true)
  })

  it.each(NOT_PHONES)('lets %s pass', (text) => {
    expect(looksLikePhone(text)).toBe(false)
  })

  it('catches any mobile number, whatever digits, widths and separators it is written with', () => {
    const FULL_WIDTH = '０１２３４５６７８９'
    const CHINESE = '〇一二三四五六七八九'
    const digit = (d: number) =>
      fc.constantFrom(String(d), FULL_WIDTH[d]!, CHINESE[d]!, ...(d === 1 ? ['幺', '壹'] : []))
    const separator = fc.constantFrom('', '', ' ', '-', '.', '/', '·', ' - ', '　', '－', '．', '／')
    const mobile = fc.tuple(
      fc.integer({ min: 3, max: 9 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    )
    const text = mobile.chain(([second, rest]) =>
      fc
        .tuple(
          fc.tuple(...[1, second, ...rest].map(digit)),
          fc.array(separator, { minLength: 10, maxLength: 10 }),
          fc.constantFrom('', '电话', '请打 ', 'Tel: ', '联系人张先生，'),
          fc.constantFrom('', '。', ' 谢谢', '号'),
        )
        .map(
          ([digits, seps, before, after]) =>
            before + digits.map((d, i) => (seps[i - 1] ?? '') + d).join('') + after,
        ),
    )
    fc.assert(
      fc.property(text, (t) => looksLikePhone(t)),
      { numRuns: 500 },
    )
  })
  it('reads a text of thousands of short digit groups in one pass (a reply of "1 1 1 …" stalled the server)', () => {
    const groups = '1 '.repeat(20_000)
    expect(looksLikePhone(groups)).toBe(false)
    expect(looksLikePhone(`${groups}138 1234 5678`)).toBe(true)
  })
})
