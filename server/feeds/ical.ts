import { createHash } from 'node:crypto'
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator'

/**
 * Writing iCalendar bytes from feed items, with every trap of ical-generator 10 (DESIGN §4.6)
 * handled here once: the UID, SEQUENCE, DTSTAMP and LAST-MODIFIED always come from the item; no
 * calendar time zone is set, so every instant is written in UTC with its `Z`; no METHOD; the
 * calendar name is escaped before the library copies it raw into NAME and X-WR-CALNAME; lines
 * are re-folded at 75 octets between whole escapes and whole characters; the last line ends in
 * CRLF. Pure: the same document always gives the same bytes.
 */

export type FeedItemStatus = 'confirmed' | 'cancelled'

/** One VEVENT. Every field is data; nothing is defaulted from the clock or randomness. */
export type FeedItem = {
  /** Stable across renders and unique in the feed; letters, digits, `-`, `.` and `@` only. */
  uid: string
  /** Grows whenever the item changes. */
  sequence: number
  /** The update time of the rows behind the item; written as DTSTAMP and LAST-MODIFIED. */
  updatedAt: Date
  start: Date
  end: Date
  summary: string
  location?: string
  description?: string
  status: FeedItemStatus
}

export type FeedDocument = {
  /** Shown by clients as the calendar's name. */
  name: string
  /** Language of the text, for PRODID (e.g. ZH-HANS, EN). */
  language: string
  /** How often clients should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  refreshSeconds: number
  items: readonly FeedItem[]
}

export const PRODUCT_ID = { company: 'Liaison', product: 'Deputy liaison station calendar' } as const

/** Lines are at most this many octets, CRLF excluded (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75

const UID_PATTERN = /^[A-Za-z0-9.@-]{1,200}$/

/** Drops what a TEXT value may not hold: control characters (except line breaks) and lone surrogates. */
export function cleanText(s: string): string {
  let out = ''
  for (const ch of s.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  )) {
    const cp = ch.codePointAt(0)!
    if (cp === 0x09) out += ' '
    else if ((cp < 0x20 && cp !== 0x0a && cp !== 0x0d) || cp === 0x7f) continue
    else out += ch
  }
  return out
}

/** RFC 5545 §3.3.11 TEXT escaping, for values the library writes without escaping (the name). */
export const escapeText = (s: string) =>
  cleanText(s)
    .replace(/[\\;,]/g, (m: string) => `\\${m}`)
    .replace(/\r\n|\r|\n/g, '\\n')

const octets = (s: string) => Buffer.byteLength(s, 'utf8')

/** The units a line may be broken between: a whole escape (`\n`, `\,`) or a whole grapheme. */
function atoms(line: string): string[] {
  const out: string[] = []
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })
  let pendingEscape = false
  for (const { segment } of segmenter.segment(line)) {
    if (pendingEscape) {
      out[out.length - 1] += segment
      pendingEscape = false
    } else {
      out.push(segment)
      pendingEscape = segment === '\\'
    }
  }
  // A grapheme longer than a whole line (a long emoji sequence) is split between code points.
  return out.flatMap((a) => (octets(a) <= MAX_LINE_OCTETS - 1 ? [a] : [...a]))
}

/**
 * Folds one content line: the first physical line holds at most 75 octets, each continuation a
 * space and at most 74 more, never splitting an escape, a character or a grapheme.
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_LINE_OCTETS) return line
  const lines: string[] = []
  let current = ''
  let size = 0
  let limit = MAX_LINE_OCTETS
  for (const atom of atoms(line)) {
    const n = octets(atom)
    if (size + n > limit) {
      lines.push(current)
      current = ''
      size = 0
      limit = MAX_LINE_OCTETS - 1
    }
    current += atom
    size += n
  }
  lines.push(current)
  return lines.join('\r\n ')
}

/** Unfolds the library's output and folds it again our way, ending every line (the last too) in CRLF. */
export function refold(text: string): string {
  const logical = text.replace(/\r\n[ \t]/g, '').split('\r\n')
  while (logical.length && logical[logical.length - 1] === '') logical.pop()
  return logical.map((l) => `${foldLine(l)}\r\n`).join('')
}

const byStartThenUid = (a: FeedItem, b: FeedItem) =>
  a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)

/** Renders a feed document to the exact text served. */
export function renderCalendar(doc: FeedDocument): string {
  const seen = new Set<string>()
  for (const item of doc.items) {
    if (!UID_PATTERN.test(item.uid)) throw new RangeError(`unsafe UID: ${item.uid}`)
    if (seen.has(item.uid)) throw new RangeError(`duplicate UID: ${item.uid}`)
    seen.add(item.uid)
    if (!Number.isSafeInteger(item.sequence) || item.sequence < 0)
      throw new RangeError(`bad SEQUENCE for ${item.uid}`)
  }
  // No timezone(), no method(): times stay UTC with Z, and subscribers get no iTIP method.
  const cal = ical({
    prodId: { ...PRODUCT_ID, language: doc.language },
    // An empty name would make the library leave NAME and X-WR-CALNAME out.
    name: escapeText(doc.name) || PRODUCT_ID.company,
    ttl: doc.refreshSeconds,
  })
  for (const item of [...doc.items].sort(byStartThenUid)) {
    const cancelled = item.status === 'cancelled'
    cal.createEvent({
      id: item.uid,
      sequence: item.sequence,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      start: item.start,
      end: item.end,
      summary: cleanText(item.summary),
      location: item.location ? cleanText(item.location) : null,
      description: item.description ? cleanText(item.description) : null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    })
  }
  return refold(cal.toString())
}

/** The bytes served for a document. */
export const calendarBytes = (doc: FeedDocument) => Buffer.from(renderCalendar(doc), 'utf8')

/** A strong entity tag over exact bytes. */
export const strongEtag = (bytes: Uint8Array) => `"${createHash('sha256').update(bytes).digest('base64url')}"`
