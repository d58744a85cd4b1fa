export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const LOCALE_LABELS: Record<Locale, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
}
/** BCP 47 tags for the html lang attribute and Intl. */
export const LOCALE_HTML_LANG: Record<Locale, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en' }

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v)

/** An RFC 9110 weight (`0`, `0.8`, `1.000`) in thousandths; anything else weighs nothing. */
function qValue(text: string): number {
  const m = /^(?:1(?:\.0{0,3})?|0(?:\.(\d{1,3}))?)$/.exec(text)
  if (!m) return 0
  if (text.startsWith('1')) return 1000
  return [...(m[1] ?? '').padEnd(3, '0')].reduce((n, d) => n * 10 + (d.charCodeAt(0) - 48), 0)
}

/**
 * The best of our locales for an Accept-Language header (a phone's language), or null when it
 * names none of them. Chinese tags go by script, else by region: zh-Hant, zh-TW, zh-HK and zh-MO
 * read traditional characters; zh, zh-Hans, zh-CN and zh-SG simplified.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null
  let best: { locale: Locale; q: number } | null = null
  for (const part of header.slice(0, 500).split(',')) {
    const [rawTag = '', ...params] = part.trim().split(';')
    const tag = rawTag.trim().toLowerCase()
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? qValue(qParam.slice(2)) : 1000
    if (!(q > 0)) continue
    const locale: Locale | null = tag.startsWith('zh')
      ? /^zh-(hant|tw|hk|mo)\b/.test(tag)
        ? 'zh-Hant'
        : 'zh-Hans'
      : tag === 'en' || tag.startsWith('en-')
        ? 'en'
        : null
    if (locale && (!best || q > best.q)) best = { locale, q }
  }
  return best?.locale ?? null
}
