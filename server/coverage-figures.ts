import type { Queryable } from '../db/client.ts'
import {
  coverageDeputy,
  coverageDistricts,
  deputiesOfDistricts,
  districtIdsOfDeputy,
  loadContactRows,
} from '../db/queries/coverage.ts'
import { listPlaces, type PlaceWithDistrict } from '../db/queries/places.ts'
import {
  type ContactEvent,
  contactEvents,
  contactsByKindAndMonth,
  type DeputyCoverage,
  deputyCoverage,
  type Period,
  type PlaceCoverage,
  placeCoverage,
  placeMonthGrid,
} from './domain/coverage.ts'

/*
 * Coverage figures read from the database and computed by server/domain/coverage.ts, in one
 * place for the coverage pages, the deputy record, the monthly report and the weekly nudge.
 * Periods are local dates [from, to).
 */

export type DistrictCoverage = {
  places: PlaceWithDistrict[]
  rows: (PlaceCoverage & { place: PlaceWithDistrict })[]
  events: ContactEvent[]
}

/** Every active place of some districts with its coverage, unreached first. */
export function districtCoverage(
  db: Queryable,
  districtIds: readonly number[],
  period: Period,
  today: string,
  unreachedDays: number,
): DistrictCoverage {
  if (!districtIds.length) return { places: [], rows: [], events: [] }
  const places = listPlaces(db, { districtIds })
  const events = contactEvents(loadContactRows(db, { districtIds }, period.to))
  const byId = new Map(places.map((p) => [p.id, p]))
  const rows = placeCoverage({ places, events, period, today, unreachedDays }).map((r) => ({
    ...r,
    place: byId.get(r.placeId)!,
  }))
  return { places, rows, events }
}

export const kindMonthChart = (d: DistrictCoverage, period: Period, today: string) =>
  contactsByKindAndMonth({ places: d.places, events: d.events, period, today })

export const placeGrid = (d: DistrictCoverage, period: Period, today: string) =>
  placeMonthGrid({ places: d.places, events: d.events, period, today })

export type DeputyCoverageView = {
  deputy: NonNullable<ReturnType<typeof coverageDeputy>>
  districtIds: number[]
  places: PlaceWithDistrict[]
  coverage: DeputyCoverage
}

/** One deputy's coverage: their districts' places, their contacts anywhere, their visits. */
export function deputyCoverageOf(
  db: Queryable,
  deputyId: number,
  period: Period,
  today: string,
  minSample: number,
): DeputyCoverageView | null {
  const deputy = coverageDeputy(db, deputyId)
  if (!deputy) return null
  const districtIds = districtIdsOfDeputy(db, deputyId)
  const places = districtIds.length ? listPlaces(db, { districtIds }) : []
  const rows = loadContactRows(db, { districtIds, deputyIds: [deputyId] }, period.to)
  const coverage = deputyCoverage({
    deputyId,
    districtPlaceIds: places.map((p) => p.id),
    events: contactEvents(rows),
    visits: rows.visits,
    period,
    today,
    ownPlaceIds: [deputy.workUnitPlaceId, deputy.homePlaceId],
    minSample,
  })
  return { deputy, districtIds, places, coverage }
}

/** Deputies of some districts with their coverage, for a district page's list. */
export function deputiesCoverage(
  db: Queryable,
  districtIds: readonly number[],
  period: Period,
  today: string,
  minSample: number,
) {
  return deputiesOfDistricts(db, districtIds)
    .map((d) => deputyCoverageOf(db, d.id, period, today, minSample))
    .filter((x): x is DeputyCoverageView => x !== null)
}

/** The coverage counts a record or a public report carries: numbers only, no names. */
export type CoverageCounts = {
  places: number
  placesReached: number
  unreached: number
  contacts: number
  visits: { planned: number; held: number; cancelled: number }
  /** Deputy scope only: the concentration shares with their n. */
  topPlaceShare: number | null
  ownPlacesShare: number | null
}

const coverageDistrictIds = (db: Queryable, stationIds: readonly number[]) =>
  stationIds.length ? coverageDistricts(db, { stationIds }).map((d) => d.id) : []

/** Coverage counts of a deputy, or of the districts of some stations, over [from, to). */
export function coverageCounts(
  db: Queryable,
  scope: { deputyId: number } | { stationIds: readonly number[] },
  period: Period,
  today: string,
  settings: { unreachedDays: number; minSatisfactionSample: number },
): CoverageCounts {
  if ('deputyId' in scope) {
    const v = deputyCoverageOf(db, scope.deputyId, period, today, settings.minSatisfactionSample)
    const c = v?.coverage
    const rows = v ? districtCoverage(db, v.districtIds, period, today, settings.unreachedDays).rows : []
    return {
      places: c?.placesOfDistricts ?? 0,
      placesReached: c?.placesReached ?? 0,
      unreached: rows.filter((r) => r.unreached).length,
      contacts: c?.contacts ?? 0,
      visits: {
        planned: c?.visits.planned ?? 0,
        held: c?.visits.held ?? 0,
        cancelled: c?.visits.cancelled ?? 0,
      },
      topPlaceShare: c?.topPlace?.share ?? null,
      ownPlacesShare: c?.ownPlaces.placeIds.length ? c.ownPlaces.share : null,
    }
  }
  const districtIds = coverageDistrictIds(db, scope.stationIds)
  const d = districtCoverage(db, districtIds, period, today, settings.unreachedDays)
  const rows = districtIds.length ? loadContactRows(db, { districtIds }, period.to).visits : []
  const visits = { planned: 0, held: 0, cancelled: 0 }
  for (const v of rows) {
    if (v.date < period.from) continue
    if (v.status === 'cancelled') visits.cancelled++
    else {
      visits.planned++
      if (v.status === 'held') visits.held++
    }
  }
  return {
    places: d.rows.length,
    placesReached: d.rows.filter((r) => r.contactsInPeriod > 0).length,
    unreached: d.rows.filter((r) => r.unreached).length,
    contacts: d.rows.reduce((s, r) => s + r.contactsInPeriod, 0),
    visits,
    topPlaceShare: null,
    ownPlacesShare: null,
  }
}
