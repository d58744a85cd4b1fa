import { asc, eq, inArray } from 'drizzle-orm'
import { VISIT_NOTICE_DAYS, visitsToShow } from '../../server/domain/visit-notices.ts'
import type { Queryable } from '../client.ts'
import { DerivedCache } from '../derived-cache.ts'
import { concerns, districts, places } from '../schema.ts'
import { findPlace, listPlaces, type PlaceWithDistrict } from './places.ts'
import { listVisits, type VisitView } from './visits.ts'

/** The districts whose residents this station's community room serves. */
export function stationDistrictIds(db: Queryable, stationId: number): number[] {
  return db
    .select({ id: districts.id })
    .from(districts)
    .where(eq(districts.stationId, stationId))
    .orderBy(asc(districts.id))
    .all()
    .map((r) => r.id)
}

const placesByStation = new DerivedCache<readonly PlaceWithDistrict[]>(['districts', 'places'] as const, {
  name: 'places by station',
  max: 5000,
})

/**
 * Active places of the station's districts: what a resident at its kiosk picks from. Kept until a
 * district or place is written (every walk-in asks), so shared and frozen.
 */
export function stationPlaces(db: Queryable, stationId: number): readonly PlaceWithDistrict[] {
  return placesByStation.get(db, String(stationId), () => {
    const ids = stationDistrictIds(db, stationId)
    return Object.freeze(ids.length ? listPlaces(db, { districtIds: ids }) : [])
  })
}

/** An active place of the station's districts, or undefined: the kiosk accepts no other. */
export function stationPlace(db: Queryable, stationId: number, placeId: number) {
  const place = findPlace(db, placeId)
  return place?.active && place.district.stationId === stationId ? place : undefined
}

/** An active place of any district: a clerk records residents from anywhere. */
export function activePlace(db: Queryable, placeId: number) {
  const place = findPlace(db, placeId)
  return place?.active ? place : undefined
}

/** Every active place for a clerk's select: the station's districts first, then the others. */
export function placeOptions(db: Queryable, stationId: number) {
  const all = listPlaces(db)
  return {
    own: all.filter((p) => p.district.stationId === stationId),
    others: all.filter((p) => p.district.stationId !== stationId),
  }
}

/**
 * Visits in [from, to) that this station plans or that go to a place of its districts, in start
 * order, each once. Cancelled ones are included: the caller decides what to show.
 */
export function stationVisits(db: Queryable, stationId: number, from: Date, to: Date): VisitView[] {
  const statuses = ['planned', 'cancelled'] as const
  const own = listVisits(db, { stationId, from, to, statuses })
  const districtIds = stationDistrictIds(db, stationId)
  const near = districtIds.length ? listVisits(db, { districtIds, from, to, statuses }) : []
  const seen = new Set(own.map((v) => v.id))
  return [...own, ...near.filter((v) => !seen.has(v.id))].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id,
  )
}

const DAY_MS = 86_400_000

/**
 * What the kiosk start screen and the room board show of visits: the next few of the coming
 * VISIT_NOTICE_DAYS (one begun yesterday evening and still going counts), by visitsToShow's rule.
 */
export function upcomingVisits(db: Queryable, stationId: number, timeZone: string, now: Date): VisitView[] {
  const from = new Date(now.getTime() - DAY_MS)
  const to = new Date(now.getTime() + VISIT_NOTICE_DAYS * DAY_MS)
  return visitsToShow(stationVisits(db, stationId, from, to), now, timeZone)
}

export type PlaceNames = { nameZhHans: string; nameZhHant: string; nameEn: string }

/** The place each concern names, by concern id; concerns without a place are left out. */
export function placesOfConcerns(db: Queryable, concernIds: readonly number[]): Map<number, PlaceNames> {
  if (concernIds.length === 0) return new Map()
  const rows = db
    .select({
      concernId: concerns.id,
      nameZhHans: places.nameZhHans,
      nameZhHant: places.nameZhHant,
      nameEn: places.nameEn,
    })
    .from(concerns)
    .innerJoin(places, eq(places.id, concerns.placeId))
    .where(inArray(concerns.id, [...concernIds]))
    .all()
  return new Map(rows.map(({ concernId, ...names }) => [concernId, names]))
}
