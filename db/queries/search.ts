import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { SearchScope, SearchTerms } from '../../server/domain/staff-search.ts'
import type { Queryable } from '../client.ts'
import {
  type BookingStatus,
  type ConcernStatus,
  concerns,
  deputies,
  receptionBookings,
  receptionSessions,
  stations,
  topics,
} from '../schema.ts'

/** The most rows of each kind one search lists; a clerk narrows the search rather than pages. */
export const SEARCH_LIMIT = 50

type Names = { nameZhHans: string; nameZhHant: string; nameEn: string }

export type ConcernHit = {
  id: number
  trackingCode: string
  status: ConcernStatus
  stationId: number
  deputyId: number | null
  receivedOn: string
  residentName: string | null
  callbackPhone: string | null
  deputyName: string | null
  station: Names
  topic: Names
}

export type BookingHit = {
  id: number
  code: string
  status: BookingStatus
  stationId: number
  deputyId: number
  date: string
  startTime: string
  slotMinutes: number
  slotIndex: number
  residentName: string | null
  residentPhone: string | null
  deputyName: string
  station: Names
}

const names = (t: typeof topics | typeof stations) => ({
  nameZhHans: t.nameZhHans,
  nameZhHant: t.nameZhHant,
  nameEn: t.nameEn,
})

/** `%`, `_` and the escape itself taken literally inside a LIKE pattern. */
const literal = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`)
const contains = (column: SQLiteColumn, text: string) =>
  sql`${column} like ${`%${literal(text)}%`} escape '\\'`

/** The rows a scope allows, on a table with station and deputy columns. */
function inScope(scope: SearchScope, stationId: SQLiteColumn, deputyId: SQLiteColumn) {
  if (scope.kind === 'all') return undefined
  if (scope.kind === 'stations') return inArray(stationId, [...scope.stationIds])
  return eq(deputyId, scope.deputyId)
}

const emptyScope = (scope: SearchScope) => scope.kind === 'stations' && scope.stationIds.length === 0

const concernColumns = {
  id: concerns.id,
  trackingCode: concerns.trackingCode,
  status: concerns.status,
  stationId: concerns.stationId,
  deputyId: concerns.deputyId,
  receivedOn: concerns.receivedOn,
  residentName: concerns.residentName,
  callbackPhone: concerns.callbackPhone,
  deputyName: deputies.name,
  station: names(stations),
  topic: names(topics),
}

function concernRows(db: Queryable, where: SQL | undefined, limit: number): ConcernHit[] {
  return db
    .select(concernColumns)
    .from(concerns)
    .innerJoin(stations, eq(stations.id, concerns.stationId))
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .leftJoin(deputies, eq(deputies.id, concerns.deputyId))
    .where(where)
    .orderBy(desc(concerns.id))
    .limit(limit)
    .all()
}

const bookingColumns = {
  id: receptionBookings.id,
  code: receptionBookings.code,
  status: receptionBookings.status,
  stationId: receptionBookings.stationId,
  deputyId: receptionBookings.deputyId,
  date: receptionSessions.date,
  startTime: receptionSessions.startTime,
  slotMinutes: receptionSessions.slotMinutes,
  slotIndex: receptionBookings.slotIndex,
  residentName: receptionBookings.residentName,
  residentPhone: receptionBookings.residentPhone,
  deputyName: deputies.name,
  station: names(stations),
}

function bookingRows(db: Queryable, where: SQL | undefined, limit: number): BookingHit[] {
  return db
    .select(bookingColumns)
    .from(receptionBookings)
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionBookings.sessionId))
    .innerJoin(stations, eq(stations.id, receptionBookings.stationId))
    .innerJoin(deputies, eq(deputies.id, receptionBookings.deputyId))
    .where(where)
    .orderBy(desc(receptionBookings.slotAt), desc(receptionBookings.id))
    .limit(limit)
    .all()
}

/**
 * Concerns and bookings in the scope that match the terms: the code exactly (unique indexes), a
 * phone that ends with the digits, or a name containing the text. Phone and name are matched
 * with LIKE over the scope's rows (no index serves a suffix or a substring; the benchmark
 * measures it on a city-sized database). Newest first, at most `limit` of each kind. A code that
 * is found ends the search there.
 */
export function searchRecords(
  db: Queryable,
  terms: SearchTerms,
  scope: SearchScope,
  limit = SEARCH_LIMIT,
): { concerns: ConcernHit[]; bookings: BookingHit[] } {
  if (emptyScope(scope)) return { concerns: [], bookings: [] }
  // A code that is found is what was meant: the slow matches (phone, name) are not run for it.
  if (terms.code && (terms.phoneDigits || terms.name)) {
    const exact = searchRecords(db, { code: terms.code, phoneDigits: null, name: null }, scope, limit)
    if (exact.concerns.length + exact.bookings.length > 0) return exact
  }
  const concernMatch: SQL[] = []
  const bookingMatch: SQL[] = []
  if (terms.code) {
    concernMatch.push(eq(concerns.trackingCode, terms.code))
    bookingMatch.push(eq(receptionBookings.code, terms.code))
  }
  if (terms.phoneDigits) {
    const pattern = `%${terms.phoneDigits}`
    concernMatch.push(sql`${concerns.callbackPhone} like ${pattern}`)
    bookingMatch.push(sql`${receptionBookings.residentPhone} like ${pattern}`)
  }
  if (terms.name) {
    concernMatch.push(contains(concerns.residentName, terms.name))
    bookingMatch.push(contains(receptionBookings.residentName, terms.name))
  }
  if (concernMatch.length === 0) return { concerns: [], bookings: [] }
  return {
    concerns: concernRows(
      db,
      and(inScope(scope, concerns.stationId, concerns.deputyId), or(...concernMatch)),
      limit,
    ),
    bookings: bookingRows(
      db,
      and(inScope(scope, receptionBookings.stationId, receptionBookings.deputyId), or(...bookingMatch)),
      limit,
    ),
  }
}
