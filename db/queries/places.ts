import { type AnyColumn, and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { Queryable } from '../client.ts'
import { deputyDistricts, districts, type PlaceKind, type PlaceSector, places } from '../schema.ts'

export type PlaceRow = typeof places.$inferSelect

/** What a new place needs; the optional size hints and coordinates may be left out. */
export type PlaceInput = {
  districtId: number
  kind: PlaceKind
  nameZhHans: string
  nameZhHant?: string
  nameEn?: string
  sector?: PlaceSector | null
  address?: string
  latitude?: number | null
  longitude?: number | null
  households?: number | null
  residents?: number | null
  employees?: number | null
  students?: number | null
}

/** A place with the names of its district, for lists a resident or clerk reads. */
export type PlaceWithDistrict = PlaceRow & {
  district: { id: number; stationId: number | null; nameZhHans: string; nameZhHant: string; nameEn: string }
}

const withDistrict = {
  place: places,
  district: {
    id: districts.id,
    stationId: districts.stationId,
    nameZhHans: districts.nameZhHans,
    nameZhHant: districts.nameZhHant,
    nameEn: districts.nameEn,
  },
}

const flatten = (r: { place: PlaceRow; district: PlaceWithDistrict['district'] }): PlaceWithDistrict => ({
  ...r.place,
  district: r.district,
})

export type PlaceFilter = {
  districtIds?: readonly number[]
  kind?: PlaceKind
  /** Include deactivated places (admin screens); residents' lists never do. */
  includeInactive?: boolean
}

function filterOf(f: PlaceFilter): SQL | undefined {
  const parts: SQL[] = []
  if (f.districtIds) parts.push(inArray(places.districtId, [...f.districtIds]))
  if (f.kind) parts.push(eq(places.kind, f.kind))
  if (!f.includeInactive) parts.push(eq(places.active, true))
  return parts.length ? and(...parts) : undefined
}

/** Places ordered by district, kind and name; active ones only unless asked. */
export function listPlaces(db: Queryable, f: PlaceFilter = {}): PlaceWithDistrict[] {
  return db
    .select(withDistrict)
    .from(places)
    .innerJoin(districts, eq(districts.id, places.districtId))
    .where(filterOf(f))
    .orderBy(asc(places.districtId), asc(places.kind), asc(places.nameZhHans))
    .all()
    .map(flatten)
}

export function findPlace(db: Queryable, id: number): PlaceWithDistrict | undefined {
  const r = db
    .select(withDistrict)
    .from(places)
    .innerJoin(districts, eq(districts.id, places.districtId))
    .where(eq(places.id, id))
    .get()
  return r && flatten(r)
}

/** Escapes LIKE's wildcards so a resident's `%` or `_` matches itself. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * Active places whose name in any language contains `query` (a few characters: 幸福, 幸福村,
 * "xing" does not match pinyin — English names do), best first: names that start with it, then
 * the rest, each by name.
 */
export function searchPlaces(
  db: Queryable,
  query: string,
  limit = 20,
  f: PlaceFilter = {},
): PlaceWithDistrict[] {
  const q = query.trim()
  if (!q) return []
  const pattern = likeText(q)
  // drizzle's like() has no ESCAPE clause, so the condition is written out.
  const likeEscaped = (col: AnyColumn) => sql`${col} like ${pattern} escape '\\'`
  const match = or(likeEscaped(places.nameZhHans), likeEscaped(places.nameZhHant), likeEscaped(places.nameEn))
  const rows = db
    .select(withDistrict)
    .from(places)
    .innerJoin(districts, eq(districts.id, places.districtId))
    .where(and(filterOf(f), match))
    .orderBy(asc(places.nameZhHans))
    .all()
    .map(flatten)
  const lower = q.toLowerCase()
  const starts = (p: PlaceRow) =>
    p.nameZhHans.startsWith(q) || p.nameZhHant.startsWith(q) || p.nameEn.toLowerCase().startsWith(lower)
  return [...rows.filter(starts), ...rows.filter((p) => !starts(p))].slice(0, limit)
}

/** Active places of the districts a deputy serves. */
export function placesOfDeputy(db: Queryable, deputyId: number): PlaceWithDistrict[] {
  const ids = db
    .select({ id: deputyDistricts.districtId })
    .from(deputyDistricts)
    .where(eq(deputyDistricts.deputyId, deputyId))
    .all()
    .map((r) => r.id)
  return ids.length ? listPlaces(db, { districtIds: ids }) : []
}

/** Inserts one place; the caller holds the transaction (an import writes all or nothing). */
export function insertPlace(db: Queryable, input: PlaceInput, now: Date): PlaceRow {
  return db
    .insert(places)
    .values({
      districtId: input.districtId,
      kind: input.kind,
      nameZhHans: input.nameZhHans,
      nameZhHant: input.nameZhHant ?? '',
      nameEn: input.nameEn ?? '',
      sector: input.sector ?? null,
      address: input.address ?? '',
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      households: input.households ?? null,
      residents: input.residents ?? null,
      employees: input.employees ?? null,
      students: input.students ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get()
}
