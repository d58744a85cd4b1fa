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
  // A station's monthly report holds only counts and summaries written for the public (DESIGN §4.8).
  ['/reports', 'public'],
  ['/concerns', ['deputy', 'staff']],
  ['/records', ['deputy', 'staff']],
  // Calendar apps fetch feeds without an account: the secret token in the path is the credential.
  ['/feeds', 'public'],
  ['/console', ['deputy', 'staff']],
  ['/admin', ['admin']],
  ['/staff', ['staff']],
  // Jobs and the outbox span every station; only administrators see them.
  ['/staff/jobs', ['admin']],
  // Follow-up deadlines and retention apply to every station; only administrators change them.
  ['/staff/followup-settings', ['admin']],
  ['/deputy', ['deputy', 'staff']],
  ['/me', 'signed-in'],
]

const matches = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)

export function accessFor(path: string): Access {
  let best: readonly [string, Access] | undefined
  for (const rule of ACCESS_RULES) {
    if (matches(path, rule[0]) && (!best || rule[0].length > best[0].length)) best = rule
  }
  return best ? best[1] : 'signed-in'
}
