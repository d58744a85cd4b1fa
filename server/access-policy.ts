import type { Role } from '../db/schema.ts'

/**
 * Who may reach a path. 'public' needs nothing; 'kiosk' needs a paired device's token;
 * 'signed-in' any account; a role list one of those roles (admin always passes).
 */
export type Access = 'public' | 'kiosk' | 'signed-in' | readonly Role[]

/**
 * The one table that opens routes. Longest matching prefix wins; a path no entry matches needs a
 * signed-in account, so a new route is closed until it is listed here.
 */
export const ACCESS_RULES: readonly (readonly [prefix: string, access: Access])[] = [
  ['/healthz', 'public'],
  ['/static', 'public'],
  ['/login', 'public'],
  ['/lang', 'public'],
  ['/kiosk/pair', 'public'],
  ['/kiosk', 'kiosk'],
  ['/display', 'kiosk'],
  ['/track', 'public'],
  // Residents' own phones (issue 16): no account, no pairing, no app; and the short poster URLs.
  ['/m', 'public'],
  ['/q', 'public'],
  // A station's monthly report holds only counts and summaries written for the public (DESIGN §4.8).
  ['/reports', 'public'],
  ['/concerns', ['deputy', 'staff']],
  ['/records', ['deputy', 'staff']],
  // Each account sees only its own districts' (staff: their stations'; a deputy: their own) coverage.
  ['/coverage', ['deputy', 'staff']],
  // Calendar apps fetch feeds without an account: the secret token in the path is the credential.
  ['/feeds', 'public'],
  ['/console', ['deputy', 'staff']],
  ['/admin', ['admin']],
  ['/staff', ['staff']],
  // Jobs and the outbox span every station; only administrators see them.
  ['/staff/jobs', ['admin']],
  // Follow-up deadlines and retention apply to every station; only administrators change them.
  ['/staff/followup-settings', ['admin']],
  // Each account finds only what it may see (staff: their stations; a deputy: their own).
  ['/staff/search', ['deputy', 'staff']],
  ['/deputy', ['deputy', 'staff']],
  // Visits: the deputies going, the organising station's clerks (each route checks which visit).
  ['/visits', ['deputy', 'staff']],
  // Deputies' suggestions (issue 18): lead and co-signing deputies, staff of the station (each route checks which).
  ['/suggestions', ['deputy', 'staff']],
  ['/me', 'signed-in'],
]

/**
 * Public paths whose answers still must not be kept by a browser or proxy: the log-in form, the
 * pairing form, a resident's tracking page (a concern's progress, found by its code), the
 * phone's concern form (it carries a signed one-use token) and its code look-up, and the phone
 * booking pages (a booking found by its code; the form carries a one-time key).
 */
export const PUBLIC_NOT_STORED = [
  '/login',
  '/kiosk/pair',
  '/track',
  // Residents' phone forms, code look-ups and booking codes (issue 16): personal, or carrying a form token.
  '/m/raise',
  '/m/track',
  '/m/book',
  '/m/booking',
] as const

const matches = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)

/**
 * Whether a response may be kept in a cache: only on public paths that carry no personal data.
 * Everything behind a log-in or a kiosk's pairing is a staff page or personal data (DESIGN §4.8).
 */
export function mayBeStored(path: string): boolean {
  return accessFor(path) === 'public' && !PUBLIC_NOT_STORED.some((prefix) => matches(path, prefix))
}

export function accessFor(path: string): Access {
  let best: readonly [string, Access] | undefined
  for (const rule of ACCESS_RULES) {
    if (matches(path, rule[0]) && (!best || rule[0].length > best[0].length)) best = rule
  }
  return best ? best[1] : 'signed-in'
}
