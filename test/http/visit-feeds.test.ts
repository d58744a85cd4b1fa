import { describe, expect, it } from 'vitest'
import { feedUidDomain } from '../../db/queries/feeds.ts'
import { listPlaces } from '../../db/queries/places.ts'
import { findVisit } from '../../db/queries/visits.ts'
import { cancelVisit, editVisit, logVisitHeld, planVisit } from '../../server/events/visit-commands.ts'
import { expectFeedRules, feedPath, parseFeed } from '../helpers/feeds.ts'
import { makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** Visits in the deputies' and the station's calendar feeds (issue 17 item 3, DESIGN §4.6). */
async function fetchFeed(t: TestApp, path: string) {
  const res = await t.client().get(path)
  expect(res.status).toBe(200)
  const bytes = Buffer.from(await res.arrayBuffer())
  expectFeedRules(bytes)
  const text = bytes.toString('utf8')
  return { text, ...parseFeed(text) }
}

async function setUp() {
  const t = await makeTestApp()
  const place = listPlaces(t.db, { districtIds: [1] }).find((p) => p.nameZhHans === '东湖社区')!
  const visit = planVisit(
    t.db,
    {
      placeId: place.id,
      stationId: 1,
      kind: 'home_visits',
      startsAt: new Date('2026-11-27T01:00:00.000Z'),
      endsAt: new Date('2026-11-27T03:00:00.000Z'),
      deputyIds: [1, 6],
      note: '重点听取加装电梯意见',
      actorAccountId: 1,
    },
    t.clock.now(),
  )
  const paths = {
    d1: feedPath(t, 'deputy', 1),
    d6: feedPath(t, 'deputy', 6),
    d2: feedPath(t, 'deputy', 2),
    s1: feedPath(t, 'station', 1),
    s2: feedPath(t, 'station', 2),
  }
  return { t, visit, paths, domain: feedUidDomain(t.db) }
}

describe('visits in calendar feeds', () => {
  it('appear in the feeds of the deputies going and of the organising station, with public facts only', async () => {
    const { t, visit, paths, domain } = await setUp()
    const d1 = await fetchFeed(t, paths.d1)
    const e = d1.events.find((x) => x.uid === `visit-${visit.id}.d1@${domain}`)!
    expect(e).toMatchObject({
      summary: '走访：东湖社区（入户走访）',
      location: '东湖社区',
      status: 'CONFIRMED',
      sequence: 0,
    })
    const names = findVisit(t.db, visit.id)!.deputies.map((d) => d.name)
    expect(names[0]).toBe('陈建国')
    expect(e.description).toBe(`代表：${names.join('、')}\n重点听取加装电梯意见`)
    expect(e.start.toISOString()).toBe('2026-11-27T01:00:00.000Z')
    expect(e.stamp.getTime()).toBe(visit.updatedAt.getTime())
    expect(e.lastModified.getTime()).toBe(visit.updatedAt.getTime())

    const d6 = await fetchFeed(t, paths.d6)
    expect(d6.events.some((x) => x.uid === `visit-${visit.id}.d6@${domain}`)).toBe(true)
    const s1 = await fetchFeed(t, paths.s1)
    expect(s1.events.some((x) => x.uid === `visit-${visit.id}.s1@${domain}`)).toBe(true)
    for (const other of [paths.d2, paths.s2])
      expect((await fetchFeed(t, other)).events.some((x) => x.uid.startsWith('visit-'))).toBe(false)

    // A new token replaces the old one: the deputy's feed in English.
    const en = await fetchFeed(t, feedPath(t, 'deputy', 1, 'en'))
    expect(en.events.find((x) => x.uid.startsWith('visit-'))!.summary).toBe(
      'Visit: Donghu Community (Home visits)',
    )
  })

  it('a change raises SEQUENCE and LAST-MODIFIED under the same UID; the log stays out of the feed', async () => {
    const { t, visit, paths, domain } = await setUp()
    const uid = `visit-${visit.id}.d1@${domain}`
    await fetchFeed(t, paths.d1) // rendered once, so the next fetch shows the cache moved with the write
    t.clock.set('2026-11-25T05:00:00.000Z')
    const place = visit.placeId
    const moved = editVisit(
      t.db,
      visit.id,
      {
        placeId: place,
        kind: 'firm_forum',
        startsAt: new Date('2026-11-27T06:00:00.000Z'),
        endsAt: new Date('2026-11-27T08:00:00.000Z'),
        deputyIds: [1],
        note: '',
      },
      1,
      t.clock.now(),
    )
    expect(moved.ok).toBe(true)
    const e = (await fetchFeed(t, paths.d1)).events.find((x) => x.uid === uid)!
    expect(e).toMatchObject({
      sequence: 1,
      summary: '走访：东湖社区（企业座谈）',
      description: '代表：陈建国',
    })
    expect(e.start.toISOString()).toBe('2026-11-27T06:00:00.000Z')
    expect(e.lastModified.toISOString()).toBe('2026-11-25T05:00:00.000Z')
    // Deputy 6 no longer goes: the visit leaves their feed.
    expect((await fetchFeed(t, paths.d6)).events.some((x) => x.uid.startsWith('visit-'))).toBe(false)

    t.clock.set('2026-11-27T09:00:00.000Z')
    logVisitHeld(
      t.db,
      visit.id,
      { status: 'held', peopleMet: 14, summary: '张阿姨反映楼道灯坏了' },
      1,
      t.clock.now(),
    )
    const after = await fetchFeed(t, paths.d1)
    expect(after.events.find((x) => x.uid === uid)).toMatchObject({ sequence: 2, status: 'CONFIRMED' })
    expect(after.text.replace(/\r\n /g, '')).not.toContain('张阿姨')
    expect(after.text).not.toContain('14')
  })

  it('a cancelled visit stays as STATUS:CANCELLED until it has passed, then leaves', async () => {
    const { t, visit, paths, domain } = await setUp()
    t.clock.set('2026-11-26T02:00:00.000Z')
    expect(cancelVisit(t.db, visit.id, '台风预警', 1, t.clock.now()).ok).toBe(true)
    for (const [path, scope] of [
      [paths.d1, 'd1'],
      [paths.s1, 's1'],
    ] as const) {
      const feed = await fetchFeed(t, path)
      const e = feed.events.find((x) => x.uid === `visit-${visit.id}.${scope}@${domain}`)!
      expect(e).toMatchObject({ status: 'CANCELLED', sequence: 1 })
      expect(e.lastModified.toISOString()).toBe('2026-11-26T02:00:00.000Z')
      expect(feed.text).not.toContain('台风预警')
    }
    t.clock.set('2026-11-27T03:00:01.000Z')
    expect((await fetchFeed(t, paths.d1)).events.some((x) => x.uid.startsWith('visit-'))).toBe(false)
  })
})
