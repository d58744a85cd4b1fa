import type { Account } from './account.ts'
import { BOOKING_CODE_LENGTH } from './booking-rules.ts'
import { normalizeCode, TRACKING_CODE_LENGTH, UNAMBIGUOUS } from './secrets.ts'

/** The longest search a clerk types: a name, a code or a phone number fit well within it. */
export const SEARCH_MAX = 40

/** The fewest digits a phone search takes: the last four of a number, as residents give them. */
export const PHONE_DIGITS_MIN = 4

/** What one search box input asks for; each kind is null when the input cannot be one. */
export type SearchTerms = {
  /** A tracking or booking code, normalised (upper case, no dashes or spaces). */
  code: string | null
  /** Digits a phone number ends with (the last four, or more). */
  phoneDigits: string | null
  /** Part of a resident's name. */
  name: string | null
}

export type SearchInput =
  | { ok: true; terms: SearchTerms | null }
  | { ok: false; reason: 'too_long' | 'control' }

const CODE = new RegExp(
  `^(?:[${UNAMBIGUOUS}]{${TRACKING_CODE_LENGTH}}|[${UNAMBIGUOUS}]{${BOOKING_CODE_LENGTH}})$`,
)
const CONTROL = /\p{Cc}/u

/**
 * Reads the staff search box: a code (case- and dash-insensitive), the last digits of a phone,
 * or part of a name. One input may be several kinds at once (`2345` could end a phone number or,
 * as `23456789`, be a code): every kind it can be is searched. `terms` is null for an empty box.
 */
export function parseSearch(raw: string): SearchInput {
  if (CONTROL.test(raw)) return { ok: false, reason: 'control' }
  const q = raw.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if ([...q].length > SEARCH_MAX) return { ok: false, reason: 'too_long' }
  if (q === '') return { ok: true, terms: null }
  const code = normalizeCode(q)
  const digits = q.replace(/[\s\-()]/g, '').replace(/^\+86/, '')
  return {
    ok: true,
    terms: {
      code: CODE.test(code) ? code : null,
      phoneDigits: /^\d+$/.test(digits) && digits.length >= PHONE_DIGITS_MIN ? digits : null,
      name: /^[\d\s\-()+]+$/.test(q) ? null : q,
    },
  }
}

/** Whose concerns and bookings a search may find (DESIGN §4.9 roles). */
export type SearchScope =
  | { kind: 'all' }
  | { kind: 'stations'; stationIds: readonly number[] }
  | { kind: 'deputy'; deputyId: number }

/** Admins find everything, staff what belongs to their stations, a deputy their own. */
export function searchScopeOf(account: Account): SearchScope {
  if (account.role === 'admin') return { kind: 'all' }
  if (account.role === 'staff') return { kind: 'stations', stationIds: account.stationIds }
  return { kind: 'deputy', deputyId: account.deputyId ?? 0 }
}
