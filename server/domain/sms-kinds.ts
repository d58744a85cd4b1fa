/**
 * The SMS a station sends (issue 16) and each one's template variables, in the order Tencent's
 * TemplateParamSet takes them ({1}, {2}…); Alibaba's templates name them (${code}). The operator
 * has one approved template per kind with exactly these variables (README, decision 0037).
 */
export const SMS_KINDS = {
  /** To a resident who booked and agreed: the code they check in with. */
  'booking.confirmation': ['code', 'date', 'time'],
  /** The day before, to the same resident. */
  'booking.reminder': ['code', 'date', 'time'],
  /** A concern recorded for the resident away from a kiosk (at a visit): its tracking code. */
  'concern.received': ['code'],
  /** A reply reached the resident's concern: rate it with this tracking code. */
  'concern.reply': ['code'],
  /** To a clerk or deputy who chose SMS: their duty tomorrow. */
  'roster.reminder': ['date', 'time', 'station'],
  /** To a clerk who chose SMS: a kiosk asks for help. */
  'staff.call': ['station', 'kiosk'],
  /** To a deputy who chose SMS: the places of their districts unreached the longest (issue 17). */
  'coverage.nudge': ['places'],
  /** To a deputy who chose SMS: their coming week in one line. */
  'schedule.weekly': ['week', 'items'],
} as const satisfies Record<string, readonly string[]>

export type SmsKind = keyof typeof SMS_KINDS
export type SmsParams<K extends SmsKind = SmsKind> = Record<(typeof SMS_KINDS)[K][number], string>

export const isSmsKind = (k: string): k is SmsKind => Object.hasOwn(SMS_KINDS, k)

/** Only a mainland mobile number receives SMS; landlines are normalised phones too (masking.ts). */
export const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone)

/** The variables of a kind in its template's order, for providers that take a list. */
export function orderedParams(kind: SmsKind, params: Record<string, string>): string[] {
  return SMS_KINDS[kind].map((name) => params[name] ?? '')
}
