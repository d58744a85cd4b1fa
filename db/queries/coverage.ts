import { and, asc, eq, inArray, isNotNull, lt, or, type SQL } from 'drizzle-orm'
import type { BookingContactRow, ConcernContactRow, VisitContactRow } from '../../server/domain/coverage.ts'
import { localDate } from '../../server/domain/time.ts'
import { addDays } from '../../server/domain/zoned-time.ts'
import type { Queryable } from '../client.ts'
import { concerns, deputies, deputyDistricts, districts, places, receptionBookings } from '../schema.ts'
import { stationZones } from './stations.ts'
import { listVisits } from './visits.ts'

/** Districts with their street and station, for the coverage pages' choices and scopes. */
export function coverageDistricts(
  db: Queryable,
  f: { stationIds?: readonly number[]; streetId?: number } = {},
) {
  const parts: SQL[] = []
  if (f.stationIds) parts.push(inArray(districts.stationId, [...f.stationIds]))
  if (f.streetId !== undefined) parts.push(eq(districts.streetId, f.streetId))
  return db
    .select()
    .from(districts)
    .where(parts.length ? and(...parts) : undefined)
    .orderBy(asc(districts.id))
    .all()
}

/** The districts a deputy represents. */
export const districtIdsOfDeputy = (db: Queryable, deputyId: number): number[] =>
  db
    .select({ id: deputyDistricts.districtId })
    .from(deputyDistricts)
    .where(eq(deputyDistricts.deputyId, deputyId))
    .all()
    .map((r) => r.id)

/** Active deputies of some districts, each with their districts and own places, by id. */
export function deputiesOfDistricts(db: Queryable, districtIds: readonly number[]) {
  if (!districtIds.length) return []
  const rows = db
    .select({
      id: deputies.id,
      name: deputies.name,
      homeStationId: deputies.homeStationId,
      workUnitPlaceId: deputies.workUnitPlaceId,
      homePlaceId: deputies.homePlaceId,
      districtId: deputyDistricts.districtId,
    })
    .from(deputyDistricts)
    .innerJoin(deputies, eq(deputies.id, deputyDistricts.deputyId))
    .where(and(inArray(deputyDistricts.districtId, [...districtIds]), eq(deputies.active, true)))
    .orderBy(asc(deputies.id), asc(deputyDistricts.districtId))
    .all()
  const out = new Map<number, Omit<(typeof rows)[number], 'districtId'> & { districtIds: number[] }>()
  for (const { districtId, ...d } of rows) {
    const prev = out.get(d.id)
    if (prev) prev.districtIds.push(districtId)
    else out.set(d.id, { ...d, districtIds: [districtId] })
  }
  return [...out.values()]
}

export const coverageDeputy = (db: Queryable, id: number) =>
  db
    .select({
      id: deputies.id,
      name: deputies.name,
      homeStationId: deputies.homeStationId,
      workUnitPlaceId: deputies.workUnitPlaceId,
      homePlaceId: deputies.homePlaceId,
    })
    .from(deputies)
    .where(eq(deputies.id, id))
    .get()

export type ContactRows = {
  visits: VisitContactRow[]
  concerns: ConcernContactRow[]
  bookings: BookingContactRow[]
}

/**
 * Everything that may be a contact before `to` (a local date, exclusive), whenever it happened
 * (the last contact may be years back): visits, placed concerns and bookings at the places of the given districts,
 * and those of the given deputies anywhere. Dates are local in each station's zone. Concerns are
 * read through concerns_place, visits through visits_place, bookings through
 * reception_bookings_place and reception_bookings_deputy.
 */
export function loadContactRows(
  db: Queryable,
  scope: { districtIds: readonly number[]; deputyIds?: readonly number[] },
  to: string,
): ContactRows {
  const zone = stationZones(db)
  const dateAt = (stationId: number, at: Date) => localDate(at, zone.get(stationId) ?? 'Asia/Shanghai')
  // One day past `to` in UTC covers every zone; the exact local cut is made below.
  const until = new Date(`${addDays(to, 1)}T14:00:00Z`)
  const districtIds = [...scope.districtIds]
  const placeIds = db.select({ id: places.id }).from(places).where(inArray(places.districtId, districtIds))
  const deputyIds = [...(scope.deputyIds ?? [])]

  const visitRows = new Map<number, VisitContactRow>()
  const addVisits = (rows: ReturnType<typeof listVisits>) => {
    for (const v of rows) {
      const date = dateAt(v.stationId, v.startsAt)
      if (date >= to) continue
      visitRows.set(v.id, {
        id: v.id,
        placeId: v.placeId,
        status: v.status,
        date,
        deputyIds: v.deputies.map((d) => d.id),
      })
    }
  }
  if (districtIds.length) addVisits(listVisits(db, { districtIds, to: until }))
  for (const deputyId of deputyIds) addVisits(listVisits(db, { deputyId, to: until }))

  const whose = (
    placeCol: typeof concerns.placeId | typeof receptionBookings.placeId,
    deputyCol: SQL | null,
  ) => {
    const parts: SQL[] = []
    if (districtIds.length) parts.push(inArray(placeCol, placeIds))
    if (deputyCol) parts.push(deputyCol)
    return parts.length ? or(...parts) : undefined
  }
  const concernRows =
    districtIds.length || deputyIds.length
      ? db
          .select({
            id: concerns.id,
            placeId: concerns.placeId,
            deputyId: concerns.deputyId,
            receivedOn: concerns.receivedOn,
            status: concerns.status,
            triage: concerns.triage,
            visitId: concerns.visitId,
          })
          .from(concerns)
          .where(
            and(
              isNotNull(concerns.placeId),
              lt(concerns.receivedOn, to),
              whose(concerns.placeId, deputyIds.length ? inArray(concerns.deputyId, deputyIds) : null),
            ),
          )
          .all()
          // Sorted here: ordering by id in SQL made SQLite walk the whole table in id order.
          .sort((a, b) => a.id - b.id)
      : []
  const bookingRows =
    districtIds.length || deputyIds.length
      ? db
          .select({
            id: receptionBookings.id,
            placeId: receptionBookings.placeId,
            deputyId: receptionBookings.deputyId,
            status: receptionBookings.status,
            stationId: receptionBookings.stationId,
            slotAt: receptionBookings.slotAt,
          })
          .from(receptionBookings)
          .where(
            and(
              isNotNull(receptionBookings.placeId),
              inArray(receptionBookings.status, ['checked_in', 'served']),
              lt(receptionBookings.slotAt, until),
              whose(
                receptionBookings.placeId,
                deputyIds.length ? inArray(receptionBookings.deputyId, deputyIds) : null,
              ),
            ),
          )
          .all()
          .sort((a, b) => a.id - b.id)
      : []
  return {
    visits: [...visitRows.values()].sort((a, b) => a.id - b.id),
    concerns: concernRows,
    bookings: bookingRows
      .map((b) => ({
        id: b.id,
        placeId: b.placeId,
        deputyId: b.deputyId,
        status: b.status,
        date: dateAt(b.stationId, b.slotAt),
      }))
      .filter((b) => b.date < to),
  }
}
