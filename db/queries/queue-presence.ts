import { and, asc, eq, inArray } from 'drizzle-orm'
import { parsePersonKey } from '../../server/domain/roster/types.ts'
import type { Queryable } from '../client.ts'
import { DerivedCache } from '../derived-cache.ts'
import {
  deputies,
  deputyDistricts,
  districts,
  receptionSessions,
  stationPresence,
  stationQueueSettings,
  stations,
  topics,
} from '../schema.ts'
import { ROSTER_INPUT_TABLES, stationRoster } from './roster.ts'

export type PresentDeputy = { deputyId: number; name: string; place: string }

/**
 * Who is present at a station on a local date — the one place that answers it. Deputies the duty
 * roster puts on duty there that day, and deputies holding a reception session there, count as
 * present; a clerk's mark on the station day page
 * adds a deputy (with where to find them) or, marked absent, takes a rostered one out.
 */
export function presentDeputies(db: Queryable, stationId: number, date: string): PresentDeputy[] {
  return present.get(db, `${stationId}|${date}`, () =>
    Object.freeze(findPresent(db, stationId, date)),
  ) as PresentDeputy[]
}

/** Every walk-in, console view and board asks; the answer moves only when schedule data does. */
const PRESENT_TABLES = [
  'stations',
  'deputies',
  'station_presence',
  'reception_sessions',
  ...ROSTER_INPUT_TABLES,
] as const
const present = new DerivedCache<readonly PresentDeputy[]>(PRESENT_TABLES, {
  name: 'deputies present',
  max: 1000,
})

function findPresent(db: Queryable, stationId: number, date: string): PresentDeputy[] {
  const marks = db
    .select({
      deputyId: stationPresence.deputyId,
      present: stationPresence.present,
      place: stationPresence.place,
    })
    .from(stationPresence)
    .where(and(eq(stationPresence.stationId, stationId), eq(stationPresence.date, date)))
    .all()
  const markOf = new Map(marks.map((m) => [m.deputyId, m]))
  const ids = new Set(marks.filter((m) => m.present).map((m) => m.deputyId))
  const expected = [...rosteredDeputies(db, stationId, date), ...receivingDeputies(db, stationId, date)]
  for (const id of expected) if (markOf.get(id)?.present !== false) ids.add(id)
  if (ids.size === 0) return []
  return db
    .select({ deputyId: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(inArray(deputies.id, [...ids]), eq(deputies.active, true)))
    .orderBy(asc(deputies.id))
    .all()
    .map((d) => ({ ...d, place: markOf.get(d.deputyId)?.place ?? '' }))
}

/** Deputies holding a reception session (接待日) at a station on a date: their bookings queue today. */
function receivingDeputies(db: Queryable, stationId: number, date: string): number[] {
  return db
    .selectDistinct({ deputyId: receptionSessions.deputyId })
    .from(receptionSessions)
    .where(
      and(
        eq(receptionSessions.stationId, stationId),
        eq(receptionSessions.date, date),
        eq(receptionSessions.status, 'scheduled'),
      ),
    )
    .all()
    .map((r) => r.deputyId)
}

/** Deputies the roster has on duty at a station on a date (and not away). */
function rosteredDeputies(db: Queryable, stationId: number, date: string): number[] {
  const station = db.select().from(stations).where(eq(stations.id, stationId)).get()
  if (!station) return []
  return stationRoster(db, station, date, date).flatMap((s) => {
    if (s.gap || s.absent || !s.person) return []
    const p = parsePersonKey(s.person)
    return p?.kind === 'deputy' ? [p.id] : []
  })
}

export const isPresent = (db: Queryable, stationId: number, date: string, deputyId: number) =>
  presentDeputies(db, stationId, date).find((d) => d.deputyId === deputyId) ?? null

/** Marks a deputy present (with where to find them) or absent for a station's day. */
export function setPresence(
  db: Queryable,
  p: { stationId: number; date: string; deputyId: number; present: boolean; place: string },
  accountId: number | null,
  now: Date,
) {
  db.insert(stationPresence)
    .values({ ...p, updatedByAccountId: accountId, updatedAt: now })
    .onConflictDoUpdate({
      target: [stationPresence.stationId, stationPresence.date, stationPresence.deputyId],
      set: { present: p.present, place: p.place, updatedByAccountId: accountId, updatedAt: now },
    })
    .run()
}

export type DeputyDayRow = {
  id: number
  name: string
  homeStation: boolean
  present: boolean | null
  place: string
}

/** Every active deputy with their mark for the day; this station's own deputies first. */
export function deputiesForDay(db: Queryable, stationId: number, date: string): DeputyDayRow[] {
  const marks = new Map(
    db
      .select()
      .from(stationPresence)
      .where(and(eq(stationPresence.stationId, stationId), eq(stationPresence.date, date)))
      .all()
      .map((m) => [m.deputyId, m]),
  )
  return db
    .select({ id: deputies.id, name: deputies.name, homeStationId: deputies.homeStationId })
    .from(deputies)
    .where(eq(deputies.active, true))
    .orderBy(asc(deputies.id))
    .all()
    .map((d) => ({
      id: d.id,
      name: d.name,
      homeStation: d.homeStationId === stationId,
      present: marks.get(d.id)?.present ?? null,
      place: marks.get(d.id)?.place ?? '',
    }))
    .sort((a, b) => Number(b.homeStation) - Number(a.homeStation) || a.id - b.id)
}

export type DistrictDeputies = {
  district: { id: number; nameZhHans: string; nameZhHant: string; nameEn: string }
  deputies: { id: number; name: string }[]
}

/**
 * The districts this station's community room serves (every station's, without one), each with
 * its deputies: whom a resident can choose as "my district's deputy".
 */
export function districtDeputies(db: Queryable, stationId?: number): DistrictDeputies[] {
  const rows = db
    .select({
      district: {
        id: districts.id,
        nameZhHans: districts.nameZhHans,
        nameZhHant: districts.nameZhHant,
        nameEn: districts.nameEn,
      },
      deputy: { id: deputies.id, name: deputies.name },
    })
    .from(districts)
    .innerJoin(deputyDistricts, eq(deputyDistricts.districtId, districts.id))
    .innerJoin(deputies, eq(deputies.id, deputyDistricts.deputyId))
    .where(
      and(
        stationId === undefined ? undefined : eq(districts.stationId, stationId),
        eq(deputies.active, true),
      ),
    )
    .orderBy(asc(districts.id), asc(deputies.id))
    .all()
  const out: DistrictDeputies[] = []
  for (const r of rows) {
    let group = out.find((g) => g.district.id === r.district.id)
    if (!group) {
      group = { district: r.district, deputies: [] }
      out.push(group)
    }
    group.deputies.push(r.deputy)
  }
  return out
}

export type QueueSettings = { priorityEvery: number; firstResponseWorkingDays: number }
export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { priorityEvery: 3, firstResponseWorkingDays: 5 }

const QUEUE_SETTINGS_TABLES = ['station_queue_settings'] as const
const settingsByStation = new DerivedCache<Readonly<QueueSettings>>(QUEUE_SETTINGS_TABLES, {
  name: 'queue settings by station',
  max: 5000,
})

/** A station's queue settings, kept until a schedule table is written; shared, so frozen. */
export function queueSettings(db: Queryable, stationId: number): Readonly<QueueSettings> {
  return settingsByStation.get(db, String(stationId), () => {
    const row = db
      .select()
      .from(stationQueueSettings)
      .where(eq(stationQueueSettings.stationId, stationId))
      .get()
    return Object.freeze(
      row
        ? { priorityEvery: row.priorityEvery, firstResponseWorkingDays: row.firstResponseWorkingDays }
        : DEFAULT_QUEUE_SETTINGS,
    )
  })
}

export function saveQueueSettings(db: Queryable, stationId: number, s: QueueSettings, now: Date) {
  db.insert(stationQueueSettings)
    .values({ stationId, ...s, updatedAt: now })
    .onConflictDoUpdate({ target: stationQueueSettings.stationId, set: { ...s, updatedAt: now } })
    .run()
}

export type TopicRow = typeof topics.$inferSelect

export function activeTopics(db: Queryable): TopicRow[] {
  return db
    .select()
    .from(topics)
    .where(eq(topics.active, true))
    .orderBy(asc(topics.sortOrder), asc(topics.id))
    .all()
}

const TOPIC_TABLES = ['topics'] as const
const activeTopicsById = new DerivedCache<Readonly<TopicRow> | undefined>(TOPIC_TABLES, {
  name: 'active topics by id',
  max: 5000,
})

/** An active topic by id, kept in memory until a schedule table is written; shared, so frozen. */
export const findActiveTopic = (db: Queryable, id: number): Readonly<TopicRow> | undefined =>
  activeTopicsById.get(db, String(id), () => {
    const row = db
      .select()
      .from(topics)
      .where(and(eq(topics.id, id), eq(topics.active, true)))
      .get()
    return row && Object.freeze(row)
  })
