import { Writable } from 'node:stream'
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { feedUidDomain } from '../../db/queries/feeds.ts'
import {
  insertAbsence,
  insertSwapRequest,
  moveSwap,
  removeOverride,
  stationRoster,
} from '../../db/queries/roster.ts'
import {
  auditLog,
  closures,
  feedTokens,
  receptionBookings,
  receptionSessions,
  stations,
} from '../../db/schema.ts'
import { createApp } from '../../server/app.ts'
import { zonedTimeToUtc } from '../../server/domain/zoned-time.ts'
import { bookSlot, cancelBookingBy, moveSessionByClerk } from '../../server/events/reception-commands.ts'
import { createLogger } from '../../server/logger.ts'
import {
  changeBooking,
  changeSession,
  expectFeedRules,
  expectNoPersonalData,
  type FeedFixture,
  feedFixture,
  feedPath,
  type ParsedEvent,
  parseFeed,
} from '../helpers/feeds.ts'
import { makeTestApp, type TestApp, TestClient } from '../helpers/test-app.ts'

let t: TestApp
let fx: FeedFixture
let domain: string

beforeEach(async () => {
  t = await makeTestApp()
  fx = await feedFixture(t)
  domain = feedUidDomain(t.db)
})

async function fetchFeed(path: string, headers: Record<string, string> = {}) {
  const res = await t.client().get(path, { headers })
  const bytes = Buffer.from(await res.arrayBuffer())
  return { res, bytes, text: bytes.toString('utf8') }
}

/** Fetches a feed, checks every byte-level rule and that no personal datum leaked, and parses it. */
async function feed(path: string) {
  const got = await fetchFeed(path)
  expect(got.res.status).toBe(200)
  expect(got.res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
  expectFeedRules(got.bytes)
  expectNoPersonalData(got.text)
  const parsed = parseFeed(got.text)
  const byUid = new Map(parsed.events.map((e) => [e.uid, e]))
  return {
    ...got,
    ...parsed,
    etag: got.res.headers.get('etag')!,
    lastModified: Date.parse(got.res.headers.get('last-modified')!),
    event: (uid: string): ParsedEvent => {
      const e = byUid.get(uid)
      if (!e) throw new Error(`no event ${uid} in ${[...byUid.keys()].join(', ')}`)
      return e
    },
    has: (uid: string) => byUid.has(uid),
  }
}

const sessionRow = (id: number) =>
  t.db.select().from(receptionSessions).where(eq(receptionSessions.id, id)).get()!
const bookingRows = (sessionId: number) =>
  t.db.select().from(receptionBookings).where(eq(receptionBookings.sessionId, sessionId)).all()
/** A deputy feed's session SEQUENCE: the session's own plus each booking's sequence + 1. */
const deputySessionSequence = (id: number) =>
  sessionRow(id).sequence + bookingRows(id).reduce((n, b) => n + b.sequence + 1, 0)
const at = (date: string, time: string) => zonedTimeToUtc(date, time, 'Asia/Shanghai')
const minute = 60_000

describe('calendar feeds round-trip the database through a strict parser', () => {
  it('a deputy’s feed holds their sessions with counts, each booking and their duty, as stored', async () => {
    const f = await feed(feedPath(t, 'deputy', fx.deputyId))
    expect(f.name).toBe('陈建国：接待与值班')
    for (const sessionId of [fx.sessionId, fx.otherSessionId]) {
      const s = sessionRow(sessionId)
      const e = f.event(`session-${s.id}.d1@${domain}`)
      expect(e.start).toEqual(s.startsAt)
      expect(e.end).toEqual(s.endsAt)
      expect(e.status).toBe('CONFIRMED')
      expect(e.sequence).toBe(deputySessionSequence(s.id))
      expect(e.lastModified).toEqual(new Date(Math.floor(s.updatedAt.getTime() / 1000) * 1000))
      for (const b of bookingRows(s.id)) {
        const be = f.event(`booking-${b.id}.d1@${domain}`)
        expect(be.start).toEqual(b.slotAt)
        expect(be.end).toEqual(b.slotEndsAt)
        expect(be.sequence).toBe(b.sequence)
        expect(be.status).toBe('CONFIRMED')
        expect(be.stamp).toEqual(new Date(Math.floor(b.updatedAt.getTime() / 1000) * 1000))
        expect(be.summary).toContain(`#${b.id}`)
      }
    }
    expect(f.event(`session-${fx.sessionId}.d1@${domain}`).summary).toBe(
      '接待日：东湖街道人大代表联络站（已预约 2 人）',
    )
    expect(f.event(`booking-${fx.bookingIds[0]}.d1@${domain}`).summary).toMatch(
      /^预约 #\d+：关于东湖路.* · 张\*$/,
    )
    expect(f.event(`booking-${fx.bookingIds[2]}.d1@${domain}`).summary).toBe(
      `预约 #${fx.bookingIds[2]}：道路交通`,
    )
    const duty = f.event(`duty-1-20261127-am.d1@${domain}`)
    expect(duty.start).toEqual(at('2026-11-27', '09:00'))
    expect(duty.end).toEqual(at('2026-11-27', '12:00'))
    expect(duty.status).toBe('CONFIRMED')
    expect(duty.summary).toBe('值班：东湖街道人大代表联络站 上午')
    // Published, then given to the deputy by an override: one change.
    expect(duty.sequence).toBe(1)
    expect(f.events).toHaveLength(2 + 3 + 1)
  })

  it('a station’s public feed holds its sessions and every published duty slot, and no booking', async () => {
    const f = await feed(feedPath(t, 'station', 1))
    const roster = stationRoster(
      t.db,
      t.db.select().from(stations).where(eq(stations.id, 1)).get()!,
      '2026-11-25',
      '2026-12-20',
    )
    const duties = f.events.filter((e) => e.uid.startsWith('duty-'))
    expect(duties).toHaveLength(roster.length)
    for (const slot of roster) {
      const e = f.event(`duty-1-${slot.date.replaceAll('-', '')}-${slot.code}.s1@${domain}`)
      expect(e.start).toEqual(slot.startsAt)
      expect(e.end).toEqual(slot.endsAt)
      expect(e.status).toBe('CONFIRMED')
      expect(e.summary).toBe(
        slot.person === 'deputy:1'
          ? '值班：上午 · 陈建国代表'
          : `值班：${slot.code === 'am' ? '上午' : '下午'} · 工作人员`,
      )
    }
    expect(f.event(`session-${fx.sessionId}.s1@${domain}`).summary).toBe('代表接待：陈建国')
    expect(f.event(`session-${fx.sessionId}.s1@${domain}`).sequence).toBe(sessionRow(fx.sessionId).sequence)
    expect(f.events.some((e) => e.uid.startsWith('booking-'))).toBe(false)
    expect(f.text).not.toContain('预约')
    // Staff names stay out of a public feed.
    expect(f.text).not.toMatch(/王晓梅|\bli\b|zhao/)
  })

  it('a staff member’s feed holds exactly the slots they hold', async () => {
    const f = await feed(feedPath(t, 'staff', 2))
    expect(f.name).toBe('王晓梅：值班')
    const roster = stationRoster(t.db, { id: 1, timeZone: 'Asia/Shanghai' }, '2026-11-25', '2026-12-20')
    const mine = roster.filter((s) => s.person === fx.roster.clerk)
    expect(f.events.map((e) => e.uid).sort()).toEqual(
      mine.map((s) => `duty-1-${s.date.replaceAll('-', '')}-${s.code}.a2@${domain}`).sort(),
    )
    for (const e of f.events) expect(e.status).toBe('CONFIRMED')
  })

  it('speaks the language the link was made in', async () => {
    const en = await feed(feedPath(t, 'deputy', fx.deputyId, 'en'))
    expect(en.name).toBe('陈建国: receptions and duty')
    expect(en.event(`booking-${fx.bookingIds[2]}.d1@${domain}`).summary).toBe(
      `Booking #${fx.bookingIds[2]}: Roads and traffic`,
    )
    const hant = await feed(feedPath(t, 'station', 1, 'zh-Hant'))
    expect(hant.name).toBe('東湖街道人大代表聯絡站：接待日與值班')
  })
})

describe('with the booking module’s own commands', () => {
  it('a booking made, cancelled, and a session moved by a clerk all reach the deputy’s feed', async () => {
    const path = feedPath(t, 'deputy', fx.deputyId)
    const booked = bookSlot(
      t.deps,
      {
        stationId: 1,
        sessionId: fx.otherSessionId,
        slotIndex: 1,
        topicId: 3,
        residentName: '李四海',
        residentPhone: '13900001111',
        channel: 'clerk',
        kioskId: null,
        accountId: 2,
        submissionKey: null,
      },
      t.clock.now(),
    )
    if (!booked.ok) throw new Error(`booking refused: ${booked.reason}`)
    const uid = `booking-${booked.booking.id}.d1@${domain}`
    let f = await feed(path)
    expect(f.event(uid).summary).toBe(`预约 #${booked.booking.id}：环境卫生 · 李*`)
    expect(f.event(uid).start).toEqual(booked.booking.slotAt)
    expect(f.text).not.toContain('13900001111')
    expect(f.text).not.toContain(booked.booking.code)
    expect(f.event(`session-${fx.otherSessionId}.d1@${domain}`).summary).toContain('已预约 2 人')

    t.clock.advance(minute)
    expect(cancelBookingBy(t.deps, { bookingId: booked.booking.id, by: 'resident' }, t.clock.now()).ok).toBe(
      true,
    )
    f = await feed(path)
    expect(f.event(uid).status).toBe('CANCELLED')
    expect(f.event(uid).sequence).toBe(1)

    t.clock.advance(minute)
    const sessionUid = `session-${fx.sessionId}.d1@${domain}`
    const before = f.event(sessionUid).sequence
    const moved = moveSessionByClerk(
      t.deps,
      { stationId: 1, sessionId: fx.sessionId, date: '2026-11-30', startTime: '14:00' },
      t.clock.now(),
    )
    expect(moved.ok).toBe(true)
    f = await feed(path)
    expect(f.event(sessionUid).start).toEqual(at('2026-11-30', '14:00'))
    expect(f.event(sessionUid).sequence).toBeGreaterThan(before)
    expect(f.event(sessionUid).sequence).toBe(deputySessionSequence(fx.sessionId))
    expect(f.event(`booking-${fx.bookingIds[0]}.d1@${domain}`).start).toEqual(at('2026-11-30', '14:00'))
  })
})

describe('HTTP caching', () => {
  it('serves identical bytes and UIDs on every fetch, whenever it is fetched, and 304 when unchanged', async () => {
    const path = feedPath(t, 'deputy', fx.deputyId)
    const a = await feed(path)
    t.clock.advance(90 * minute)
    const b = await feed(path)
    expect(b.bytes.equals(a.bytes)).toBe(true)
    expect(b.etag).toBe(a.etag)
    expect(b.lastModified).toBe(a.lastModified)
    expect(b.events.map((e) => e.uid)).toEqual(a.events.map((e) => e.uid))

    const cached = await fetchFeed(path, { 'if-none-match': a.etag })
    expect(cached.res.status).toBe(304)
    expect(cached.bytes.length).toBe(0)
    expect(cached.res.headers.get('etag')).toBe(a.etag)
    // A 304 carries the validator and caching fields only (RFC 9110 15.4.5); the 200 carries the rest.
    expect(cached.res.headers.get('cache-control')).toBe('private, no-cache')
    expect(cached.res.headers.get('x-request-id')).toBeTruthy()
    expect(cached.res.headers.get('content-security-policy')).toBeNull()
    expect(cached.res.headers.get('last-modified')).toBeNull()
    expect(a.res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(a.res.headers.get('x-robots-tag')).toBe('noindex')
    expect((await fetchFeed(path, { 'if-none-match': `"other", W/${a.etag}` })).res.status).toBe(304)
    expect((await fetchFeed(path, { 'if-none-match': '"other"' })).res.status).toBe(200)
    const since = new Date(a.lastModified).toUTCString()
    expect((await fetchFeed(path, { 'if-modified-since': since })).res.status).toBe(304)
    expect(a.res.headers.get('cache-control')).toBe('private, no-cache')
    const head = await t.client().request(path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(a.etag)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect(a.res.headers.get('set-cookie')).toBeNull()
  })

  it('an edit, a cancellation and a removal each give a new ETag; SEQUENCE grows; Last-Modified never goes back', async () => {
    const deputy = feedPath(t, 'deputy', fx.deputyId)
    const station = feedPath(t, 'station', 1)
    const sessionUid = `session-${fx.sessionId}.d1@${domain}`
    const bookingUid = `booking-${fx.bookingIds[1]}.d1@${domain}`
    let d = await feed(deputy)
    let s = await feed(station)

    const expectChanged = async (path: string, before: Awaited<ReturnType<typeof feed>>) => {
      expect((await fetchFeed(path, { 'if-none-match': before.etag })).res.status).toBe(200)
      const after = await feed(path)
      expect(after.etag).not.toBe(before.etag)
      expect(after.lastModified).toBeGreaterThan(before.lastModified)
      expect((await fetchFeed(path, { 'if-none-match': after.etag })).res.status).toBe(304)
      return after
    }

    // An edit: the session moves room.
    t.clock.advance(5 * minute)
    changeSession(t.db, fx.sessionId, { place: '接待室 2' }, t.clock.now())
    let next = await expectChanged(deputy, d)
    expect(next.event(sessionUid).sequence).toBeGreaterThan(d.event(sessionUid).sequence)
    expect(next.event(sessionUid).sequence).toBe(deputySessionSequence(fx.sessionId))
    expect(next.event(sessionUid).location).toContain('接待室 2')
    expect(next.event(sessionUid).lastModified).toEqual(t.clock.now())
    d = next

    // A cancellation: the booking stays, cancelled, and the session's count and SEQUENCE follow.
    t.clock.advance(5 * minute)
    changeBooking(t.db, fx.bookingIds[1]!, { status: 'cancelled', cancelledAt: t.clock.now() }, t.clock.now())
    next = await expectChanged(deputy, d)
    expect(next.event(bookingUid).status).toBe('CANCELLED')
    expect(next.event(bookingUid).sequence).toBe(d.event(bookingUid).sequence + 1)
    expect(next.event(sessionUid).summary).toContain('已预约 1 人')
    expect(next.event(sessionUid).sequence).toBeGreaterThan(d.event(sessionUid).sequence)
    d = next

    // A whole session cancelled: still there, CANCELLED, in both feeds until it has passed.
    t.clock.advance(5 * minute)
    changeSession(
      t.db,
      fx.sessionId,
      { status: 'cancelled', cancelReason: 'clerk', cancelledAt: t.clock.now() },
      t.clock.now(),
    )
    next = await expectChanged(deputy, d)
    expect(next.event(sessionUid).status).toBe('CANCELLED')
    expect(next.event(`booking-${fx.bookingIds[0]}.d1@${domain}`).status).toBe('CANCELLED')
    d = next
    s = await expectChanged(station, s)
    expect(s.event(`session-${fx.sessionId}.s1@${domain}`).status).toBe('CANCELLED')

    // A removal: the other session moves to station 2 and leaves station 1's feed.
    t.clock.advance(5 * minute)
    changeSession(t.db, fx.otherSessionId, { stationId: 2 }, t.clock.now())
    next = await expectChanged(station, s)
    expect(next.has(`session-${fx.otherSessionId}.s1@${domain}`)).toBe(false)
    s = next

    // Time passes: the cancelled session and its bookings leave the feeds once they have ended.
    t.clock.set(at('2026-11-26', '11:30'))
    next = await expectChanged(deputy, d)
    expect(next.has(sessionUid)).toBe(false)
    expect(next.has(bookingUid)).toBe(false)
    d = next

    // Even with the server's clock set back, Last-Modified does not go back.
    t.clock.set(at('2026-11-20', '08:00'))
    changeSession(t.db, fx.otherSessionId, { place: '接待室 3' }, t.clock.now())
    const back = await feed(deputy)
    expect(back.etag).not.toBe(d.etag)
    expect(back.lastModified).toBeGreaterThanOrEqual(d.lastModified)
  })

  it('duty changes (override removed, swap approved, absence, closure) raise SEQUENCE and move items', async () => {
    const dutyUid = (scope: string, date = '20261127', code = 'am') =>
      `duty-1-${date}-${code}.${scope}@${domain}`
    const deputy = feedPath(t, 'deputy', fx.deputyId)
    const zhao = Number(fx.roster.zhao.split(':')[1])
    const zhaoFeed = feedPath(t, 'staff', zhao)
    const station = feedPath(t, 'station', 1)
    const before = { d: await feed(deputy), z: await feed(zhaoFeed), s: await feed(station) }
    // Zhao was published for Friday morning; the override moved it to the deputy.
    expect(before.z.event(dutyUid(`a${zhao}`)).status).toBe('CANCELLED')
    expect(before.s.event(dutyUid('s1')).summary).toBe('值班：上午 · 陈建国代表')

    t.clock.advance(minute)
    removeOverride(t.db, 1, fx.deputyDuty.overrideId, 1, t.clock.now())
    const d = await feed(deputy)
    const z = await feed(zhaoFeed)
    const s = await feed(station)
    expect(d.event(dutyUid('d1')).status).toBe('CANCELLED')
    expect(d.event(dutyUid('d1')).sequence).toBe(before.d.event(dutyUid('d1')).sequence + 1)
    expect(z.event(dutyUid(`a${zhao}`)).status).toBe('CONFIRMED')
    expect(z.event(dutyUid(`a${zhao}`)).sequence).toBe(2)
    expect(s.event(dutyUid('s1')).summary).toBe('值班：上午 · 工作人员')
    expect(s.event(dutyUid('s1')).lastModified).toEqual(t.clock.now())

    // A swap from the clerk to Li on Thursday morning.
    const clerkFeed = feedPath(t, 'staff', 2)
    const li = Number(fx.roster.li.split(':')[1])
    const liFeed = feedPath(t, 'staff', li)
    t.clock.advance(minute)
    const swap = insertSwapRequest(
      t.db,
      { stationId: 1, date: '2026-11-26', code: 'am', from: fx.roster.clerk },
      2,
      t.clock.now(),
    )!
    expect(moveSwap(t.db, swap, 'open', 'taken', li, t.clock.now(), fx.roster.li)).toBe(true)
    expect(moveSwap(t.db, swap, 'taken', 'approved', 1, t.clock.now())).toBe(true)
    expect((await feed(clerkFeed)).event(dutyUid('a2', '20261126')).status).toBe('CANCELLED')
    const liDuty = (await feed(liFeed)).event(dutyUid(`a${li}`, '20261126'))
    expect(liDuty.status).toBe('CONFIRMED')
    expect(liDuty.sequence).toBe(1)

    // Li away that day: nobody is really there.
    t.clock.advance(minute)
    insertAbsence(t.db, { person: fx.roster.li, from: '2026-11-26', to: '2026-11-26' }, 1, t.clock.now())
    expect((await feed(liFeed)).event(dutyUid(`a${li}`, '20261126')).status).toBe('CANCELLED')
    const gap = (await feed(station)).event(dutyUid('s1', '20261126'))
    expect(gap.summary).toBe('值班：上午 · 待安排')
    expect(gap.sequence).toBe(2)

    // The station closes on a published day: its duty is cancelled, not silently dropped.
    t.clock.advance(minute)
    t.db
      .insert(closures)
      .values({
        date: '2026-12-01',
        kind: 'station_closed',
        stationId: 1,
        name: '停电检修',
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .run()
    const closed = await feed(station)
    for (const code of ['am', 'pm']) {
      expect(closed.event(dutyUid('s1', '20261201', code)).status).toBe('CANCELLED')
      expect(closed.event(dutyUid('s1', '20261201', code)).sequence).toBe(1)
    }
  })
})

describe('feed tokens', () => {
  it('are long random secrets stored only as a hash; rotated and revoked ones answer 404', async () => {
    const { issueFeedToken, revokeFeedToken } = await import('../../db/queries/feeds.ts')
    const first = issueFeedToken(t.db, { kind: 'deputy', subjectId: 1, locale: 'zh-Hans' }, 1, t.clock.now())
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 bits
    const stored = JSON.stringify([t.db.select().from(feedTokens).all(), t.db.select().from(auditLog).all()])
    expect(stored).not.toContain(first)
    expect((await fetchFeed(`/feeds/${first}.ics`)).res.status).toBe(200)

    const second = issueFeedToken(t.db, { kind: 'deputy', subjectId: 1, locale: 'zh-Hans' }, 1, t.clock.now())
    expect((await fetchFeed(`/feeds/${first}.ics`)).res.status).toBe(404)
    expect((await fetchFeed(`/feeds/${second}.ics`)).res.status).toBe(200)
    expect(revokeFeedToken(t.db, 'deputy', 1, 1, t.clock.now())).toBe(true)
    expect((await fetchFeed(`/feeds/${second}.ics`)).res.status).toBe(404)

    for (const bad of [
      `${'A'.repeat(43)}.ics`,
      'short.ics',
      `${second}`,
      `${second}.ics.bak`,
      `${second}.ICS`,
    ])
      expect((await fetchFeed(`/feeds/${bad}`)).res.status, bad).toBe(404)
  })

  it('are resolved from memory: serving writes the fetch mark at most hourly and keeps the kept row in step', async () => {
    const { FEED_TOKEN_TABLES, dataVersion } = await import('../../db/data-versions.ts')
    const path = feedPath(t, 'deputy', fx.deputyId)
    const marks = () => t.db.select().from(feedTokens).where(eq(feedTokens.kind, 'deputy')).all()[0]!
    const version = dataVersion(t.db, FEED_TOKEN_TABLES)
    const first = await feed(path)
    const written = marks()
    expect(written.renderedHash).not.toBeNull()
    expect(written.lastFetchedAt).not.toBeNull()
    expect(dataVersion(t.db, FEED_TOKEN_TABLES)).toBe(version)

    t.clock.advance(30 * minute)
    expect((await fetchFeed(path, { 'if-none-match': first.etag })).res.status).toBe(304)
    expect(marks().lastFetchedAt).toEqual(written.lastFetchedAt)
    t.clock.advance(31 * minute)
    expect((await fetchFeed(path, { 'if-none-match': first.etag })).res.status).toBe(304)
    expect(marks().lastFetchedAt!.getTime()).toBe(t.clock.now().getTime())
    expect(marks().renderedAt).toEqual(written.renderedAt)
  })

  it('stop working when the person or station is deactivated', async () => {
    const path = feedPath(t, 'station', 2)
    expect((await fetchFeed(path)).res.status).toBe(200)
    t.db.update(stations).set({ active: false }).where(eq(stations.id, 2)).run()
    expect((await fetchFeed(path)).res.status).toBe(404)
  })

  it('are rate-limited per feed (fetches of one valid token per window)', async () => {
    const path = feedPath(t, 'station', 1)
    const client = new TestClient(t.app)
    let last = 0
    for (let i = 0; i < 121; i++) last = (await client.get(path)).status
    expect(last).toBe(429)
    t.clock.advance(11 * minute)
    expect((await client.get(path)).status).toBe(200)
  })

  it('never reach the log', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = createApp({ ...t.deps, logger: createLogger('info', sink) })
    const path = feedPath(t, 'deputy', 1)
    const token = path.slice('/feeds/'.length, -'.ics'.length)
    expect((await new TestClient(app).get(path)).status).toBe(200)
    expect((await new TestClient(app).get(`/feeds/${token.slice(1)}.ics`)).status).toBe(404)
    const log = lines.join('')
    expect(log).toContain('/feeds/[redacted]')
    expect(log).not.toContain(token)
    expect(log).not.toContain(token.slice(1))
  })
})
