/**
 * Masks personal data for people who may not see it in full (DESIGN §4.8): `张三` → `张*`,
 * `13812345678` → `138****5678`.
 */

/** Keeps the first character of a name and hides the rest, one star per hidden character. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  const first = chars[0]!
  const hidden = chars.slice(1).filter((ch) => ch.trim() !== '').length
  return first + '*'.repeat(Math.max(1, hidden))
}

/** Keeps the first three and last four digits of a phone number (fewer for short numbers). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length >= 11) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
  if (digits.length >= 5) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`
  return '*'.repeat(digits.length)
}

/** A call-back number as residents write it: mainland mobile or landline with area code. */
export type PhoneCheck = { ok: true; phone: string } | { ok: false }

/**
 * Normalises a call-back number (drops spaces, dashes, a leading +86) and accepts a mainland
 * mobile (1[3-9] and 9 more digits) or a landline with area code (0 + 2–3 digits + 7–8 digits).
 */
export function normalizePhone(input: string): PhoneCheck {
  let s = input.replace(/[\s\-()（）]/g, '')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.startsWith('0086')) s = s.slice(4)
  if (/^1[3-9]\d{9}$/.test(s)) return { ok: true, phone: s }
  if (/^0\d{2,3}\d{7,8}$/.test(s)) return { ok: true, phone: s }
  return { ok: false }
}
