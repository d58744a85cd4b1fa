import { eq, sql } from 'drizzle-orm'
import ICAL from 'ical.js'
import { expect } from 'vitest'
import type { Db } from '../../db/client.ts'
import { issueFeedToken } from '../../db/queries/feeds.ts'
import { insertOverride, publishRoster } from '../../db/queries/roster.ts'
import {
  concerns,
  type FeedKind,
  receptionBookings,
  receptionSessions,
  stations,
  topics,
} from '../../db/schema.ts'
import { personKey } from '../../server/domain/roster/types.ts'
import { zonedTimeToUtc } from '../../server/domain/zoned-time.ts'
import { type RosterFixture, rosterFixture } from './roster.ts'
import type { TestApp } from './test-app.ts'

/** Personal data planted in the fixtures; none of it may ever appear in a feed. */
export const SECRETS = {
  phone: '13812345678',
  otherPhone: '02088886666',
  concern: '楼道里堆放杂物多年无人清理，消防通道被堵',
  name: '张三丰',
  otherName: '欧阳修',
} as const

/** A topic name long enough, in Chinese, to make summaries fold. */
export const LONG_TOPIC =
  '关于东湖路沿线老旧小区加装电梯、停车位分配、垃圾分类站点位置以及夜间噪音扰民问题的综合意见'

export type FeedFixture = {
  roster: RosterFixture
  deputyId: number
  sessionId: number
  otherSessionId: number
  bookingIds: number[]
  /** The slot the deputy holds by an override. */
  deputyDuty: { date: string; code: string; overrideId: number }
}

type SessionInput = { deputyId: number; stationId: number; date: string; start: string; end: string }

/** A reception session, written as the booking module stores one. */
export function addSession(db: Db, s: SessionInput, now: Date): number {
  return db
    .insert(receptionSessions)
    .values({
      deputyId: s.deputyId,
      stationId: s.stationId,
      date: s.date,
      startTime: s.start,
      endTime: s.end,
      startsAt: zonedTimeToUtc(s.date, s.start, 'Asia/Shanghai'),
      endsAt: zonedTimeToUtc(s.date, s.end, 'Asia/Shanghai'),
      slotMinutes: 30,
      capacityPerSlot: 1,
      place: '接待室 1',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: receptionSessions.id })
    .get().id
}

/** A booking with a name, a phone and a concern, all personal, in slot `index` of a session. */
export function addBooking(
  db: Db,
  b: {
    sessionId: number
    index: number
    topicId: number
    name: string | null
    phone: string
    concern: string
  },
  now: Date,
): number {
  const s = db.select().from(receptionSessions).where(eq(receptionSessions.id, b.sessionId)).get()!
  const concernId = db
    .insert(concerns)
    .values({
      trackingCode: `T${b.sessionId}X${b.index}`,
      stationId: s.stationId,
      topicId: b.topicId,
      channel: 'reception',
      deputyId: s.deputyId,
      description: b.concern,
      residentName: b.name,
      callbackPhone: b.phone,
      receivedOn: s.date,
      firstResponseDueOn: s.date,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: concerns.id })
    .get().id
  const slotAt = new Date(s.startsAt.getTime() + b.index * 30 * 60_000)
  return db
    .insert(receptionBookings)
    .values({
      code: `BK${b.sessionId}${b.index}AA`,
      sessionId: s.id,
      stationId: s.stationId,
      deputyId: s.deputyId,
      slotIndex: b.index,
      seat: 1,
      slotAt,
      slotEndsAt: new Date(slotAt.getTime() + 30 * 60_000),
      topicId: b.topicId,
      residentName: b.name,
      residentPhone: b.phone,
      status: 'booked',
      channel: 'clerk',
      concernId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: receptionBookings.id })
    .get().id
}

/** Changes a session as the booking module does: sequence up, updatedAt to now. */
export function changeSession(
  db: Db,
  id: number,
  set: Partial<typeof receptionSessions.$inferInsert>,
  now: Date,
) {
  db.update(receptionSessions)
    .set({ ...set, sequence: sql`${receptionSessions.sequence} + 1`, updatedAt: now })
    .where(eq(receptionSessions.id, id))
    .run()
}

export function changeBooking(
  db: Db,
  id: number,
  set: Partial<typeof receptionBookings.$inferInsert>,
  now: Date,
) {
  db.update(receptionBookings)
    .set({ ...set, sequence: sql`${receptionBookings.sequence} + 1`, updatedAt: now })
    .where(eq(receptionBookings.id, id))
    .run()
}

/**
 * Station 1 with the roster fixture published four weeks ahead, deputy 1 (the demo deputy) on
 * duty by an override on Friday morning, and two reception sessions of deputy 1 with bookings
 * that carry names, phones and concerns. The test clock is Wednesday 2026-11-25 10:00 Shanghai.
 */
export async function feedFixture(t: TestApp): Promise<FeedFixture> {
  const roster = await rosterFixture(t)
  const now = t.clock.now()
  const station = t.db.select().from(stations).where(eq(stations.id, 1)).get()!
  publishRoster(t.db, station, '2026-12-20', null, now)
  const deputyId = 1
  const over = insertOverride(
    t.db,
    1,
    { from: '2026-11-27', to: '2026-11-27', slotCodes: ['am'], person: personKey('deputy', deputyId) },
    1,
    now,
  )
  if (!over.ok) throw new Error('override refused')
  const longTopicId = t.db
    .insert(topics)
    .values({
      nameZhHans: LONG_TOPIC,
      nameZhHant: LONG_TOPIC,
      nameEn: 'Lifts, parking, waste sorting and night noise; a long topic, with a comma',
      sortOrder: 999,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: topics.id })
    .get().id
  const sessionId = addSession(
    t.db,
    { deputyId, stationId: 1, date: '2026-11-26', start: '09:00', end: '11:00' },
    now,
  )
  const otherSessionId = addSession(
    t.db,
    { deputyId, stationId: 1, date: '2026-12-03', start: '14:00', end: '16:00' },
    now,
  )
  const bookingIds = [
    addBooking(
      t.db,
      {
        sessionId,
        index: 0,
        topicId: longTopicId,
        name: SECRETS.name,
        phone: SECRETS.phone,
        concern: SECRETS.concern,
      },
      now,
    ),
    addBooking(
      t.db,
      {
        sessionId,
        index: 1,
        topicId: 1,
        name: SECRETS.otherName,
        phone: SECRETS.otherPhone,
        concern: SECRETS.concern,
      },
      now,
    ),
    addBooking(
      t.db,
      {
        sessionId: otherSessionId,
        index: 0,
        topicId: 2,
        name: null,
        phone: SECRETS.phone,
        concern: SECRETS.concern,
      },
      now,
    ),
  ]
  return {
    roster,
    deputyId,
    sessionId,
    otherSessionId,
    bookingIds,
    deputyDuty: { date: '2026-11-27', code: 'am', overrideId: over.id },
  }
}

/** Makes a link for a feed and returns its path. */
export function feedPath(
  t: TestApp,
  kind: FeedKind,
  subjectId: number,
  locale: 'zh-Hans' | 'zh-Hant' | 'en' = 'zh-Hans',
) {
  return `/feeds/${issueFeedToken(t.db, { kind, subjectId, locale }, null, t.clock.now())}.ics`
}

export type ParsedEvent = {
  uid: string
  sequence: number
  summary: string
  status: string
  start: Date
  end: Date
  stamp: Date
  lastModified: Date
  description: string
  location: string
}

/** Parses a feed with ical.js (which throws on a malformed line) and reads back every event. */
export function parseFeed(text: string): { name: string; events: ParsedEvent[]; component: ICAL.Component } {
  const component = new ICAL.Component(ICAL.parse(text))
  const events = component.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    const time = (name: string) => (v.getFirstPropertyValue(name) as ICAL.Time).toJSDate()
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      status: String(v.getFirstPropertyValue('status') ?? ''),
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      stamp: time('dtstamp'),
      lastModified: time('last-modified'),
      description: e.description ?? '',
      location: e.location ?? '',
    }
  })
  // ical.js does not know NAME (RFC 7986), so it hands back the escaped text.
  const rawName = String(component.getFirstPropertyValue('name') ?? '')
  const name = rawName.replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch))
  return { name, events, component }
}

/**
 * The byte-level rules of DESIGN §4.6: CRLF everywhere (after the last line too), no line over
 * 75 octets, no fold inside an escape or a multibyte character, instants in UTC, no METHOD,
 * PRODID / NAME / X-WR-CALNAME / REFRESH-INTERVAL / X-PUBLISHED-TTL present, UIDs unique.
 */
export function expectFeedRules(bytes: Uint8Array) {
  const text = Buffer.from(bytes).toString('utf8')
  expect(Buffer.from(text, 'utf8').equals(Buffer.from(bytes)), 'valid UTF-8').toBe(true)
  expect(text.endsWith('END:VCALENDAR\r\n'), 'CRLF after END:VCALENDAR').toBe(true)
  expect(text.replace(/\r\n/g, ''), 'no bare CR or LF').not.toMatch(/[\r\n]/)

  const physical = text.slice(0, -2).split('\r\n')
  const tooLong = physical.filter((l) => Buffer.byteLength(l, 'utf8') > 75)
  expect(tooLong, 'lines over 75 octets').toEqual([])
  physical.forEach((line, i) => {
    const next = physical[i + 1]
    if (next === undefined || !next.startsWith(' ')) return
    // A fold never cuts an escape: the line before it does not end in an odd run of backslashes.
    const trailing = /\\*$/.exec(line)![0].length
    expect(trailing % 2, `fold inside an escape after line ${i + 1}`).toBe(0)
  })
  // A fold inside a multibyte character would leave a lone byte: encoding each physical line
  // round-trips only when every line holds whole characters.
  const raw = Buffer.from(bytes)
  let offset = 0
  for (const line of physical) {
    const lineBytes = raw.subarray(offset, offset + Buffer.byteLength(line, 'utf8'))
    expect(lineBytes.toString('utf8'), 'fold inside a multibyte character').toBe(line)
    expect(line.includes('\ufffd'), 'replacement character in a line').toBe(false)
    offset += lineBytes.length + 2
  }

  const logical = text.replace(/\r\n /g, '').split('\r\n')
  const props = (name: string) => logical.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
  expect(props('METHOD'), 'no METHOD').toEqual([])
  expect(props('PRODID')).toHaveLength(1)
  expect(props('NAME')).toHaveLength(1)
  expect(props('X-WR-CALNAME')).toHaveLength(1)
  expect(props('REFRESH-INTERVAL')[0]).toMatch(/^REFRESH-INTERVAL;VALUE=DURATION:P/)
  expect(props('X-PUBLISHED-TTL')[0]).toMatch(/^X-PUBLISHED-TTL:P/)
  for (const name of ['DTSTAMP', 'LAST-MODIFIED', 'DTSTART', 'DTEND'])
    for (const l of props(name)) expect(l, `${name} in UTC`).toMatch(new RegExp(`^${name}:\\d{8}T\\d{6}Z$`))
  const uids = props('UID')
  expect(new Set(uids).size, 'UIDs unique').toBe(uids.length)
  expect(props('DTSTAMP')).toHaveLength(uids.length)
  expect(props('LAST-MODIFIED')).toHaveLength(uids.length)
  expect(props('SEQUENCE')).toHaveLength(uids.length)
}

/** Fails when any planted personal datum appears in a feed. */
export function expectNoPersonalData(text: string) {
  const unfolded = text.replace(/\r\n /g, '')
  for (const secret of Object.values(SECRETS)) expect(unfolded).not.toContain(secret)
  expect(unfolded).not.toContain('堆放杂物')
  expect(unfolded).not.toContain('138****')
  expect(unfolded).not.toMatch(/BK\d+AA/)
}
