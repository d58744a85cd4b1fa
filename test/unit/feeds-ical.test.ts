import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  calendarBytes,
  cleanText,
  type FeedDocument,
  type FeedItem,
  foldLine,
  renderCalendar,
  strongEtag,
} from '../../server/feeds/ical.ts'
import { expectFeedRules, parseFeed } from '../helpers/feeds.ts'

const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  uid: 'session-1.d1@test.liaison',
  sequence: 3,
  updatedAt: new Date('2026-11-20T03:04:05.678Z'),
  start: new Date('2026-11-26T01:00:00Z'),
  end: new Date('2026-11-26T03:00:00Z'),
  summary: '接待日',
  status: 'confirmed',
  ...over,
})

const doc = (items: FeedItem[], name = '陈建国：接待与值班'): FeedDocument => ({
  name,
  language: 'ZH-HANS',
  refreshSeconds: 3600,
  items,
})

const CHINESE = '关于东湖路沿线老旧小区加装电梯、停车位分配、垃圾分类站点位置以及夜间噪音扰民问题的综合意见'

describe('iCalendar rendering (DESIGN §4.6)', () => {
  it('writes UID, SEQUENCE, DTSTAMP and LAST-MODIFIED from the item, in UTC, and no METHOD', () => {
    const text = renderCalendar(doc([item()]))
    expectFeedRules(Buffer.from(text))
    expect(text).toContain('\r\nUID:session-1.d1@test.liaison\r\n')
    expect(text).toContain('\r\nSEQUENCE:3\r\n')
    expect(text).toContain('\r\nDTSTAMP:20261120T030405Z\r\n')
    expect(text).toContain('\r\nLAST-MODIFIED:20261120T030405Z\r\n')
    expect(text).toContain('\r\nDTSTART:20261126T010000Z\r\n')
    expect(text).toContain('\r\nPRODID:-//Liaison//Deputy liaison station calendar//ZH-HANS\r\n')
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n')
    expect(text).not.toMatch(/METHOD|TZID|VTIMEZONE/)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })

  it('renders the same bytes for the same rows, in whatever order they come', () => {
    const items = [
      item(),
      item({ uid: 'booking-2.d1@test.liaison', start: new Date('2026-11-26T01:00:00Z') }),
      item({ uid: 'duty-1-20261127-am.d1@test.liaison', start: new Date('2026-11-27T01:00:00Z') }),
    ]
    const a = calendarBytes(doc(items))
    const b = calendarBytes(doc([...items].reverse()))
    expect(a.equals(b)).toBe(true)
    expect(strongEtag(a)).toBe(strongEtag(b))
    expect(strongEtag(a)).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
  })

  it('escapes the calendar name (the library copies it raw) and reads it back intact', () => {
    const name = '东湖站, 接待; 值班 \\ 日程\n第二行'
    const text = renderCalendar(doc([item()], name))
    expect(text).toContain('NAME:东湖站\\, 接待\\; 值班 \\\\ 日程\\n第二行\r\n')
    expect(text).toContain('X-WR-CALNAME:东湖站\\, 接待\\; 值班 \\\\ 日程\\n第二行\r\n')
    expect(parseFeed(text).name).toBe(name)
  })

  it('folds long Chinese text at 75 octets without splitting a character or an escape', () => {
    // Every offset of an escape against the fold point, with three-byte characters around it.
    for (let pad = 0; pad < 80; pad++) {
      const summary = `${'a'.repeat(pad)}${CHINESE},;\\${CHINESE}\n${'b'.repeat(pad % 7)}😀👨‍👩‍👧${CHINESE}`
      const text = renderCalendar(doc([item({ summary, description: summary, location: summary })]))
      expectFeedRules(Buffer.from(text))
      const [e] = parseFeed(text).events
      expect(e!.summary).toBe(summary)
      expect(e!.description).toBe(summary)
      expect(e!.location).toBe(summary)
    }
  })

  it('keeps every line within 75 octets: the first with 75, continuations with a space and 74', () => {
    const line = `SUMMARY:${'测'.repeat(60)}`
    const folded = foldLine(line).split('\r\n')
    expect(folded.map((l) => Buffer.byteLength(l))).toEqual([74, 73, 43])
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short')
  })

  it('marks cancelled items CANCELLED and transparent', () => {
    const text = renderCalendar(doc([item({ status: 'cancelled' })]))
    const [e] = parseFeed(text).events
    expect(e!.status).toBe('CANCELLED')
    expect(text).toContain('TRANSP:TRANSPARENT')
  })

  it('refuses duplicate or unsafe UIDs and negative sequences', () => {
    expect(() => renderCalendar(doc([item(), item()]))).toThrow(/duplicate UID/)
    expect(() => renderCalendar(doc([item({ uid: 'a:b\r\nX' })]))).toThrow(/unsafe UID/)
    expect(() => renderCalendar(doc([item({ sequence: -1 })]))).toThrow(/SEQUENCE/)
  })

  it('drops control characters and lone surrogates, which TEXT may not hold', () => {
    expect(cleanText('a\u0000b\u0007c\td\ud800e')).toBe('abc d\ufffde')
  })

  // U+FFFD in the input would look like a broken fold to expectFeedRules, so leave it out.
  const text = (maxLength: number) =>
    fc.string({ unit: 'grapheme', maxLength }).map((s) => s.replaceAll('\ufffd', ''))

  it('holds every rule and round-trips any text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            summary: text(120),
            description: fc.string({
              unit: fc.constantFrom('测', '\\', ',', ';', '\n', 'a', '😀', 'é'),
              maxLength: 200,
            }),
            sequence: fc.nat({ max: 10_000 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        text(60),
        (rows, name) => {
          const items = rows.map((r, i) =>
            item({
              uid: `item-${i}@test.liaison`,
              summary: r.summary,
              description: r.description,
              sequence: r.sequence,
            }),
          )
          const bytes = calendarBytes(doc(items, name))
          expectFeedRules(bytes)
          const parsed = parseFeed(bytes.toString('utf8'))
          expect(parsed.name).toBe(cleanText(name).replace(/\r\n|\r/g, '\n') || 'Liaison')
          for (const [i, r] of rows.entries()) {
            const e = parsed.events.find((x) => x.uid === `item-${i}@test.liaison`)!
            expect(e.summary).toBe(cleanText(r.summary).replace(/\r\n|\r/g, '\n'))
            expect(e.sequence).toBe(r.sequence)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
