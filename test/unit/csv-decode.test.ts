import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeSpreadsheetText } from '../../server/domain/csv/decode-text.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)

describe('decodeSpreadsheetText', () => {
  it('reads UTF-8 with or without a BOM, dropping the BOM', () => {
    expect(decodeSpreadsheetText(utf8('名称,类型\n'))).toEqual({ text: '名称,类型\n', encoding: 'utf-8' })
    expect(decodeSpreadsheetText(utf8('\uFEFF名称,类型\n'))).toEqual({
      text: '名称,类型\n',
      encoding: 'utf-8',
    })
  })

  it('reads GBK and GB18030 exports of Chinese spreadsheets', () => {
    const text = '名称,类型,选区\r\n锦丰家纺有限公司,企业,第一选区\r\n'
    expect(decodeSpreadsheetText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' })
    // Characters outside GBK (here 𠀀 and the euro sign) need GB18030's four-byte forms.
    const rare = '𠀀村,€\n'
    expect(decodeSpreadsheetText(iconv.encode(rare, 'gb18030')).text).toBe(rare)
  })

  it('reads traditional characters written in GBK', () => {
    const text = '名稱,類型\n東湖社區,社區\n'
    expect(decodeSpreadsheetText(iconv.encode(text, 'gbk')).text).toBe(text)
  })

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeSpreadsheetText(utf8('name,kind\n')).encoding).toBe('utf-8')
  })
})
