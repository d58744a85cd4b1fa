import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalog, makeI18n } from '../../views/i18n/index.ts'
import { localeFromAcceptLanguage } from '../../views/i18n/locales.ts'

const SOURCE_DIRS = ['server', 'views', 'db', 'kiosk']
const CJK = /[\u3400-\u9fff]/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory())
      return name === 'messages' || name === 'migrations' ? [] : sourceFiles(path)
    return /\.(ts|tsx|js)$/.test(name) ? [path] : []
  })
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('message catalogue', () => {
  const entries = Object.entries(catalog)

  it('has every message in zh-Hans, zh-Hant and English, none blank', () => {
    const missing = entries
      .filter(([, m]) => m.length !== 3 || m.some((s) => s.trim() === ''))
      .map(([k]) => k)
    expect(missing).toEqual([])
  })

  it('writes the Chinese columns in Chinese and the English column in English', () => {
    const notChinese = entries
      .filter(([, [hans, hant]]) => !CJK.test(hans) || !CJK.test(hant))
      .map(([k]) => k)
    const notEnglish = entries.filter(([, m]) => CJK.test(m[2])).map(([k]) => k)
    expect(notChinese).toEqual([])
    expect(notEnglish).toEqual([])
  })

  it('uses the same placeholders in every language', () => {
    const mismatched = entries
      .filter(([, [a, b, c]]) => {
        const p = placeholders(a).join()
        return placeholders(b).join() !== p || placeholders(c).join() !== p
      })
      .map(([k]) => k)
    expect(mismatched).toEqual([])
  })

  it('uses every key somewhere in the code, and the code uses no key that is missing', () => {
    const code = SOURCE_DIRS.flatMap(sourceFiles)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const unused = Object.keys(catalog).filter((k) => !code.includes(`'${k}'`) && !code.includes(`"${k}"`))
    expect(unused).toEqual([])
    const called = [...code.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!)
    const unknown = [...new Set(called)].filter((k) => !(k in catalog))
    expect(unknown).toEqual([])
  })

  it('fills placeholders and falls back to zh-Hans for a name with no translation', () => {
    const en = makeI18n('en')
    expect(en.t('error.tooLong', { max: 20 })).toBe('At most 20 characters.')
    expect(en.name({ nameZhHans: '东湖', nameZhHant: '', nameEn: '' })).toBe('东湖')
    expect(makeI18n('zh-Hant').name({ nameZhHans: '东湖', nameZhHant: '東湖', nameEn: 'Donghu' })).toBe(
      '東湖',
    )
  })

  it('formats times in the zone it is given', () => {
    const d = new Date('2026-11-25T16:30:00Z')
    expect(
      makeI18n('en').dateTime(d, 'Asia/Shanghai', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ).toBe('00:30')
    expect(
      makeI18n('en').dateTime(d, 'Europe/Berlin', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    ).toBe('17:30')
  })
})

describe('a phone language from Accept-Language', () => {
  it('takes the highest weight among our locales, by script or region for Chinese', () => {
    expect(localeFromAcceptLanguage('en;q=0.8, zh-TW;q=0.9')).toBe('zh-Hant')
    expect(localeFromAcceptLanguage('fr, en;q=0.05, zh;q=0.005')).toBe('en')
    expect(localeFromAcceptLanguage('zh-Hant-HK;q=1.000, en;q=0.999')).toBe('zh-Hant')
    expect(localeFromAcceptLanguage('zh-CN;q=0, en;q=0.1')).toBe('en')
    // Malformed weights (RFC 9110 allows 0–1 with three decimals) weigh nothing.
    expect(localeFromAcceptLanguage('en;q=0x1, zh;q=1e0, zh-TW;q=.5')).toBeNull()
    expect(localeFromAcceptLanguage('de, fr')).toBeNull()
    expect(localeFromAcceptLanguage(undefined)).toBeNull()
  })
})
