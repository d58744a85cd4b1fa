import { afterAll, describe, expect, it } from 'vitest'
import { VERSIONED_TABLES } from '../../db/data-versions.ts'
import { ALL_CACHES, type DerivedCache, watchBuilds } from '../../db/derived-cache.ts'
import { listPlaces } from '../../db/queries/places.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { feedFixture, feedPath } from '../helpers/feeds.ts'
import { kioskClient, markPresent, submitDropIn } from '../helpers/queue.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

/**
 * Each cache declares the tables its value is derived from; a write to one of them rebuilds it.
 * A table read but not declared serves stale data; one declared but not read rebuilds for nothing.
 * This test records the tables every build really reads — through the database's SQL hook, plus
 * the declared tables of any cache a build consults, whose builds may have run earlier — while
 * the app serves the pages that use each cache, and compares them with the declared list.
 */
const read = new Map<DerivedCache<unknown>, Set<string>>()
const building: Set<string>[] = []
const NOT_DATA = new Set(['data_versions'])

const tablesIn = (sql: string) =>
  [...sql.matchAll(/\b(?:from|join)\s+["`]?([a-z_]+)["`]?/gi)]
    .map((m) => m[1]!)
    .filter((t) => !NOT_DATA.has(t))

watchBuilds({
  consulted: (cache) => {
    for (const frame of building) for (const t of cache.tables) frame.add(t)
  },
  build: (cache, build) => {
    const frame = new Set<string>()
    building.push(frame)
    try {
      return build()
    } finally {
      building.pop()
      const seen = read.get(cache) ?? new Set()
      for (const t of frame) {
        seen.add(t)
        building.at(-1)?.add(t)
      }
      read.set(cache, seen)
    }
  },
})
afterAll(() => watchBuilds(undefined))

const onSql = (sql: string) => {
  for (const t of tablesIn(sql)) for (const frame of building) frame.add(t)
}

describe('cache table lists', () => {
  it('declares, for every cache, exactly the tables its builds read', async () => {
    const t = await makeTestApp({ onSql })
    const fx = await feedFixture(t)
    markPresent(t, 1, [1])
    // A planned visit to a place of station 1's districts, for the start screen's visit notices.
    insertVisit(
      t.db,
      {
        placeId: 6,
        stationId: 1,
        kind: 'home_visits',
        startsAt: new Date('2026-11-26T01:00:00Z'),
        endsAt: new Date('2026-11-26T03:00:00Z'),
        deputyIds: [2],
      },
      t.clock.now(),
    )

    // Kiosk start screen, paired kiosks, stations, deputies present.
    const kiosk = await kioskClient(t, 1)
    expect((await kiosk.get('/kiosk')).status, '/kiosk').toBe(200)
    // Walk-ins, at the kiosk and recorded by a clerk: due dates, active topics, queue settings.
    expect((await submitDropIn(kiosk)).res.status).toBe(303)
    submitConcern(
      t.db,
      {
        stationId: 1,
        localDate: '2026-11-25',
        topicId: 1,
        channel: 'kiosk',
        queue: true,
        deputyId: 1,
        priority: false,
        description: '路灯不亮',
        callbackPhone: null,
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'kiosk' },
      },
      t.clock.now(),
    )
    // A visit of deputy 1 organised by station 1, so the feeds read its place and deputies.
    const place = listPlaces(t.db, { districtIds: [1] })[0]!
    const startsAt = new Date('2026-11-27T01:00:00.000Z')
    const endsAt = new Date('2026-11-27T03:00:00.000Z')
    insertVisit(
      t.db,
      { placeId: place.id, stationId: 1, kind: 'home_visits', startsAt, endsAt, deputyIds: [1] },
      t.clock.now(),
    )
    // Calendar feeds: live tokens and rendered feeds (which read the generated roster).
    for (const [kind, id] of [
      ['deputy', 1],
      ['station', 1],
      ['staff', fx.roster.clerk.split(':')[1]],
    ] as const)
      expect((await t.client().get(feedPath(t, kind, Number(id)))).status, kind).toBe(200)
    // The deputy record and the roster screens.
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get('/records/deputies/1')).status, '/records/deputies/1').toBe(200)
    const admin = await t.client().login(...DEMO.admin)
    for (const path of ['/records/stations/1', '/records/streets/1', '/records'])
      expect((await admin.get(path)).status, path).toBe(200)
    const clerk = await t.client().login(...DEMO.staff)
    expect((await clerk.get('/staff/stations/1/roster')).status, '/staff/stations/1/roster').toBe(200)
    expect((await clerk.get('/me/duty')).status, '/me/duty').toBe(200)
    expect((await clerk.get('/console')).status, '/console').toBe(200)

    const versioned = new Set<string>(VERSIONED_TABLES)
    const report = ALL_CACHES.map((cache) => {
      const seen = [...(read.get(cache) ?? [])].sort()
      return {
        cache: cache.name,
        unversioned: seen.filter((tb) => !versioned.has(tb)),
        readNotDeclared: seen.filter((tb) => !cache.tables.includes(tb as never)),
        declaredNotRead: cache.tables.filter((tb) => !seen.includes(tb)),
        built: read.has(cache),
      }
    })
    expect(report).toEqual(
      ALL_CACHES.map((cache) => ({
        cache: cache.name,
        unversioned: [],
        readNotDeclared: [],
        declaredNotRead: [],
        built: true,
      })),
    )
  })
})
