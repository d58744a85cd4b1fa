/**
 * Masks personal data for people who may not see it in full (DESIGN §4.8): `张三` → `张*`,
 * `13812345678` → `138****5678`.
 */

/**
 * Keeps the first character of a name and one star for the rest, whatever its length: `欧阳娜娜`
 * → `欧*`, `John Smith` → `J*`. A star per character would tell a two- from a four-character name.
 */
export function maskName(name: string): string {
  const first = [...name.trim()][0]
  return first === undefined ? '' : `${first}*`
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

/**
 * How a phone number is grouped on screen while it is entered, by how it starts: a mobile 3-4-4
 * (`138 1234 5678`), a landline with a three-digit area code (010, 02x) 3-4-4 (`010 1234 5678`),
 * with a four-digit one 4-4-4 (`0571 8765 4321`). The first rule whose prefix the digits start
 * with applies; the sizes add up to the longest number normalizePhone accepts for that start.
 * Plain data: the kiosk keypad (kiosk/keypad.js) is handed this list, so screen and server group alike.
 */
export const PHONE_GROUPS: readonly (readonly [prefix: string, sizes: readonly number[]])[] = [
  ['1', [3, 4, 4]],
  ['01', [3, 4, 4]],
  ['02', [3, 4, 4]],
  ['0', [4, 4, 4]],
  ['', [4, 4, 4]],
]

/**
 * A phone number's digits in groups separated by spaces, for display only (the value sent is the
 * digits): `13812345678` → `138 1234 5678`. Anything but digits is dropped; digits beyond the
 * rule's length stay visible as one more group, so nothing typed is hidden.
 */
export function groupPhone(input: string): string {
  const digits = input.replace(/\D/g, '')
  const sizes = PHONE_GROUPS.find(([prefix]) => digits.startsWith(prefix))![1]
  const groups: string[] = []
  let at = 0
  for (const size of sizes) {
    if (at >= digits.length) break
    groups.push(digits.slice(at, at + size))
    at += size
  }
  if (at < digits.length) groups.push(digits.slice(at))
  return groups.join(' ')
}

/** Chinese numerals as digits, the everyday ones, 幺 (one, read out in numbers) and the banking forms. */
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  兩: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
}
const CHINESE_DIGIT = new RegExp(`[${Object.keys(CHINESE_DIGITS).join('')}]`, 'g')

/**
 * Digit groups and what may stand between two groups of one number: spaces, brackets around an
 * area code, or one dash, dot, slash or middle dot (with spaces around it). NFKC has already
 * turned full-width digits and punctuation into ASCII.
 */
const NUMBER_RUN = /\d+(?:(?:\s*[-‐‑–—./·・]\s*|[\s()]+)\d+)*/g

const MOBILE = /^1[3-9]\d{9}$/
const YEAR = /^(?:19|20)\d\d$/

/** A local number, 7–8 digits written together or as 3+4 / 4+4; not a span of years (2025-2026). */
function isLocalNumber(groups: readonly string[]): boolean {
  if (!/^[2-9]\d{6,7}$/.test(groups.join(''))) return false
  const sizes = groups.map((g) => g.length).join('+')
  if (sizes === '4+4') return !(YEAR.test(groups[0]!) && YEAR.test(groups[1]!))
  return sizes === '7' || sizes === '8' || sizes === '3+4'
}

/**
 * Consecutive digit groups that make one phone number: a mobile however it is grouped, with or
 * without +86; a landline written in one piece or as area code (0 + 2–3 digits) and local number;
 * a local number alone. Loose groupings of a landline are not matched, as a date span would be.
 */
/** The most digits a phone shape has: 0086 and a mobile's 11. */
const MAX_PHONE_DIGITS = 15

function isPhone(groups: readonly string[]): boolean {
  const digits = groups.join('')
  if (MOBILE.test(digits)) return true
  const national = digits.replace(/^(?:00)?86/, '')
  if (national !== digits && (MOBILE.test(national) || /^[2-9]\d{8,10}$/.test(national))) return true
  if (groups.length === 1) return /^0\d{9,11}$/.test(digits) || isLocalNumber(groups)
  if (/^0\d{2,3}$/.test(groups[0]!)) return isLocalNumber(groups.slice(1))
  return isLocalNumber(groups)
}

/**
 * Whether text meant for the public holds something written like a phone number (DESIGN §4.8):
 * ASCII or full-width digits, Chinese numerals, separated by spaces, dashes, dots or slashes, a
 * mainland mobile (with or without +86) or a landline. Dates (2026-12-05), times, amounts
 * (12,000元) and ticket numbers are not phone-shaped and pass.
 */
export function looksLikePhone(text: string): boolean {
  const plain = text.normalize('NFKC').replace(CHINESE_DIGIT, (ch) => CHINESE_DIGITS[ch]!)
  for (const run of plain.matchAll(NUMBER_RUN)) {
    const groups = run[0].match(/\d+/g)!
    // Any stretch of consecutive groups: a phone may sit next to a house number in one run. No
    // shape isPhone accepts has more than MAX_PHONE_DIGITS, so a stretch stops growing there
    // (else a long run of short groups costs the cube of its length: 3 s for 1,000 groups).
    for (let from = 0; from < groups.length; from++) {
      let digits = 0
      for (let to = from + 1; to <= groups.length; to++) {
        digits += groups[to - 1]!.length
        if (digits > MAX_PHONE_DIGITS) break
        if (isPhone(groups.slice(from, to))) return true
      }
    }
  }
  return false
}

const CHINESE_NUMBER_RUN = new RegExp(`(?:${CHINESE_DIGIT.source}[\\s-]*){7,}`, 'g')

/**
 * A resident's words with every phone-shaped number (as looksLikePhone finds them) turned into
 * stars, for screens that show residents' words without personal data (issue 18's evidence);
 * seven or more Chinese numerals in a row are starred too. Other numbers (dates, 3栋) stay.
 */
export function hidePhones(text: string): string {
  // Full-width digits are folded to find them; other text keeps its own punctuation.
  return (/[０-９]/.test(text) ? text.normalize('NFKC') : text)
    .replace(NUMBER_RUN, (run) => (looksLikePhone(run) ? run.replace(/\d/g, '*') : run))
    .replace(CHINESE_NUMBER_RUN, (run) => run.replace(CHINESE_DIGIT, '*'))
}
