import { COMMON_PASSWORDS_TEXT } from './common-passwords.ts'

export const MIN_PASSWORD = 12
export const MAX_PASSWORD = 256

/** Message keys of the password rules (views/i18n/messages/auth.ts). */
export type PasswordProblem =
  | 'password.tooShort'
  | 'password.tooLong'
  | 'password.common'
  | 'password.repeated'
  | 'password.sequence'

const COMMON = new Set(
  COMMON_PASSWORDS_TEXT.split('\n')
    .map((w) => w.trim())
    .filter(Boolean),
)

const cycle = (s: string) => s.repeat(Math.ceil(MAX_PASSWORD / s.length) + 1)
const reversed = (s: string) => [...s].reverse().join('')

/** Runs a simple sequence walks along; a password that fits inside one of them is a sequence. */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  '`1234567890-=',
  'qwertyuiop[]\\',
  "asdfghjkl;'",
  'zxcvbnm,./',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7',
].flatMap((s) => [cycle(s), cycle(reversed(s))])

/** Whether `s` is one short unit (up to four characters) written over and over: `aaaa…`, `520520…`. */
function isRepeated(s: string): boolean {
  for (let unit = 1; unit <= 4; unit++) {
    if (s.length < unit * 3) break
    if (
      s ===
      s
        .slice(0, unit)
        .repeat(Math.ceil(s.length / unit))
        .slice(0, s.length)
    )
      return true
  }
  return false
}

/**
 * What is wrong with a new password, or null when it may be used: at least MIN_PASSWORD characters,
 * not in the list of common passwords (ignoring case), not one repeated character or short unit,
 * and not a simple sequence (digits, the alphabet or a keyboard row or column, either way round).
 */
export function passwordProblem(pw: string): PasswordProblem | null {
  const length = [...pw].length
  if (length < MIN_PASSWORD) return 'password.tooShort'
  if (length > MAX_PASSWORD) return 'password.tooLong'
  const lower = pw.toLowerCase()
  if (isRepeated(lower)) return 'password.repeated'
  if (SEQUENCES.some((s) => s.includes(lower))) return 'password.sequence'
  if (COMMON.has(lower)) return 'password.common'
  return null
}
