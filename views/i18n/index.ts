import { createContext, useContext } from 'hono/jsx'
import type { Message } from './define.ts'
import { LOCALES, type Locale } from './locales.ts'
import { admin } from './messages/admin.ts'
import { adminPlaces } from './messages/admin-places.ts'
import { auth } from './messages/auth.ts'
import { booking } from './messages/booking.ts'
import { chips } from './messages/chips.ts'
import { common } from './messages/common.ts'
import { coverage } from './messages/coverage.ts'
import { feeds } from './messages/feeds.ts'
import { followup } from './messages/followup.ts'
import { jobs } from './messages/jobs.ts'
import { keypad } from './messages/keypad.ts'
import { kiosk } from './messages/kiosk.ts'
import { notifySettings } from './messages/notify-settings.ts'
import { phoneBooking } from './messages/phone-booking.ts'
import { phoneRaise } from './messages/phone-raise.ts'
import { placeIntake } from './messages/place-intake.ts'
import { places } from './messages/places.ts'
import { publicPages } from './messages/public-pages.ts'
import { queue } from './messages/queue.ts'
import { room } from './messages/room.ts'
import { roster } from './messages/roster.ts'
import { search } from './messages/search.ts'
import { sms } from './messages/sms.ts'
import { suggestionDrafts } from './messages/suggestion-drafts.ts'
import { suggestionFinder } from './messages/suggestion-finder.ts'
import { suggestionHandling } from './messages/suggestion-handling.ts'
import { suggestionPublic } from './messages/suggestion-public.ts'
import { suggestionQuality } from './messages/suggestion-quality.ts'
import { suggestionRecords } from './messages/suggestion-records.ts'
import { suggestions } from './messages/suggestions.ts'
import { visits } from './messages/visits.ts'

export const catalog = {
  ...common,
  ...auth,
  ...admin,
  ...adminPlaces,
  ...kiosk,
  ...jobs,
  ...queue,
  ...roster,
  ...booking,
  ...feeds,
  ...followup,
  ...keypad,
  ...chips,
  ...room,
  ...search,
  ...places,
  ...coverage,
  ...phoneRaise,
  ...phoneBooking,
  ...visits,
  ...placeIntake,
  ...publicPages,
  ...sms,
  ...notifySettings,
  ...suggestions,
  ...suggestionQuality,
  ...suggestionFinder,
  ...suggestionDrafts,
  ...suggestionHandling,
  ...suggestionPublic,
  ...suggestionRecords,
} satisfies Record<string, Message>
export type MessageKey = keyof typeof catalog
export type Vars = Record<string, string | number>
export type T = (key: MessageKey, vars?: Vars) => string

export type I18n = {
  locale: Locale
  t: T
  /** Picks the right column of a row that stores a name in three languages. */
  name: (row: { nameZhHans: string; nameZhHant?: string | null; nameEn?: string | null }) => string
  /** Formats an instant in a time zone, in this locale. */
  dateTime: (d: Date, timeZone: string, opts?: Intl.DateTimeFormatOptions) => string
}

const index = LOCALES.reduce((acc, l, i) => Object.assign(acc, { [l]: i }), {} as Record<Locale, number>)

const formatters = new Map<string, Intl.DateTimeFormat>()
/** Intl formatters are costly to build and cheap to reuse; pages format many dates each. */
function formatter(locale: string, timeZone: string, opts: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone })
    formatters.set(key, f)
  }
  return f
}

const made = new Map<Locale, I18n>()

/** The translations of one language; they hold nothing of a request, so one per language is kept. */
export function makeI18n(locale: Locale): I18n {
  let i18n = made.get(locale)
  if (!i18n) {
    i18n = Object.freeze(buildI18n(locale))
    made.set(locale, i18n)
  }
  return i18n
}

function buildI18n(locale: Locale): I18n {
  const col = index[locale]
  const t: T = (key, vars) => {
    const text = catalog[key][col] as string
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text
  }
  // Times on the 24-hour clock in every language: zh-TW would write 下午2:05 where zh-CN writes 14:05.
  const intlLocale = `${locale === 'zh-Hans' ? 'zh-CN' : locale === 'zh-Hant' ? 'zh-TW' : 'en-GB'}-u-hc-h23`
  return {
    locale,
    t,
    name: (row) =>
      (locale === 'zh-Hant' ? row.nameZhHant : locale === 'en' ? row.nameEn : row.nameZhHans) ||
      row.nameZhHans,
    dateTime: (d, timeZone, opts = { dateStyle: 'medium', timeStyle: 'short' }) =>
      formatter(intlLocale, timeZone, opts).format(d),
  }
}

export const I18nContext = createContext<I18n>(makeI18n('zh-Hans'))
/** The request's translations inside a component. */
export const useI18n = () => useContext(I18nContext)
