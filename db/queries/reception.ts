import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import {
  type BookingSettings,
  bookingRefusal,
  DEFAULT_BOOKING_SETTINGS,
} from '../../server/domain/booking-rules.ts'
import {
  type CalendarDay,
  type DeputyAbsence,
  type PlannedSession,
  type PlanRule,
  type Slot,
  type StoredSession,
  sessionSlots,
} from '../../server/domain/reception-sessions.ts'
import { localDate } from '../../server/domain/time.ts'
import { addDays, type Weekday, zonedTimeToUtc } from '../../server/domain/zoned-time.ts'
import type { Queryable } from '../client.ts'
import {
  closures,
  deputies,
  receptionBookings,
  receptionPlans,
  receptionSessions,
  rosterAbsences,
  type SessionCancelReason,
  stationBookingSettings,
  stations,
} from '../schema.ts'

export type PlanRow = typeof receptionPlans.$inferSelect
export type SessionRow = typeof receptionSessions.$inferSelect

const list = (s: string) => (s === '' ? [] : s.split(',').map(Number))

/** A stored plan as the pure generator reads it. */
export const toPlanRule = (r: PlanRow): PlanRule => ({
  id: r.id,
  deputyId: r.deputyId,
  stationId: r.stationId,
  pattern: r.pattern,
  weekdays: list(r.weekdays) as Weekday[],
  nthOfMonth: r.nthOfMonth,
  dayOfMonth: r.dayOfMonth,
  months: list(r.months),
  startTime: r.startTime,
  endTime: r.endTime,
  slotMinutes: r.slotMinutes,
  capacityPerSlot: r.capacityPerSlot,
  place: r.place,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  ended: r.endedAt !== null,
})

export type PlanWithDeputy = PlanRow & { deputyName: string }

/** A station's plans, current ones first, with the deputy's name. */
export function listPlans(db: Queryable, stationId: number): PlanWithDeputy[] {
  return db
    .select({ plan: receptionPlans, deputyName: deputies.name })
    .from(receptionPlans)
    .innerJoin(deputies, eq(deputies.id, receptionPlans.deputyId))
    .where(eq(receptionPlans.stationId, stationId))
    .orderBy(sql`${receptionPlans.endedAt} is not null`, asc(receptionPlans.id))
    .all()
    .map((r) => ({ ...r.plan, deputyName: r.deputyName }))
}

export const findPlan = (db: Queryable, id: number) =>
  db.select().from(receptionPlans).where(eq(receptionPlans.id, id)).get()

export type PlanValues = Pick<
  PlanRow,
  | 'deputyId'
  | 'pattern'
  | 'weekdays'
  | 'nthOfMonth'
  | 'dayOfMonth'
  | 'months'
  | 'startTime'
  | 'endTime'
  | 'slotMinutes'
  | 'capacityPerSlot'
  | 'place'
  | 'validFrom'
  | 'validUntil'
>

export function insertPlan(
  db: Queryable,
  stationId: number,
  v: PlanValues,
  actor: number | null,
  now: Date,
): PlanRow {
  return db
    .insert(receptionPlans)
    .values({ ...v, stationId, createdBy: actor, createdAt: now, updatedAt: now })
    .returning()
    .get()
}

export function updatePlan(db: Queryable, id: number, v: PlanValues, now: Date) {
  db.update(receptionPlans)
    .set({ ...v, updatedAt: now })
    .where(eq(receptionPlans.id, id))
    .run()
}

export function endPlan(db: Queryable, id: number, now: Date) {
  db.update(receptionPlans)
    .set({ endedAt: now, updatedAt: now })
    .where(and(eq(receptionPlans.id, id), isNull(receptionPlans.endedAt)))
    .run()
}

// ── settings ────────────────────────────────────────────────────────────────────────────────────

export function bookingSettings(db: Queryable, stationId: number): BookingSettings {
  const row = db
    .select()
    .from(stationBookingSettings)
    .where(eq(stationBookingSettings.stationId, stationId))
    .get()
  return row
    ? {
        minNoticeMinutes: row.minNoticeMinutes,
        horizonDays: row.horizonDays,
        onePerPhonePerDeputy: row.onePerPhonePerDeputy,
      }
    : { ...DEFAULT_BOOKING_SETTINGS }
}

export function saveBookingSettings(db: Queryable, stationId: number, s: BookingSettings, now: Date) {
  db.insert(stationBookingSettings)
    .values({ stationId, ...s, updatedAt: now })
    .onConflictDoUpdate({ target: stationBookingSettings.stationId, set: { ...s, updatedAt: now } })
    .run()
}

/** Sessions are kept generated this far ahead: the booking horizon and a week more, at least 5 weeks. */
export const generationDays = (s: BookingSettings) => Math.max(s.horizonDays, 28) + 7

// ── inputs of the pure generator ────────────────────────────────────────────────────────────────

/** Closures and make-up days from `from` to `to` that matter to a station. */
export function calendarDays(db: Queryable, stationId: number, from: string, to: string): CalendarDay[] {
  return db
    .select({ date: closures.date, kind: closures.kind, stationId: closures.stationId })
    .from(closures)
    .where(
      and(
        gte(closures.date, from),
        lte(closures.date, to),
        or(eq(closures.stationId, 0), eq(closures.stationId, stationId)),
      ),
    )
    .all()
}

/** Deputies' recorded absences (the duty roster's absence records) overlapping a range. */
export function deputyAbsences(
  db: Queryable,
  deputyIds: readonly number[],
  from: string,
  to: string,
): DeputyAbsence[] {
  if (deputyIds.length === 0) return []
  return db
    .select({ deputyId: rosterAbsences.deputyId, from: rosterAbsences.fromDate, to: rosterAbsences.toDate })
    .from(rosterAbsences)
    .where(
      and(
        isNull(rosterAbsences.cancelledAt),
        isNotNull(rosterAbsences.deputyId),
        inArray(rosterAbsences.deputyId, [...deputyIds]),
        lte(rosterAbsences.fromDate, to),
        gte(rosterAbsences.toDate, from),
      ),
    )
    .all()
    .map((r) => ({ deputyId: r.deputyId!, from: r.from, to: r.to }))
}

/** Stored sessions of the given plans whose plan date is in a range. */
export function storedSessions(
  db: Queryable,
  planIds: readonly number[],
  from: string,
  to: string,
): (StoredSession & { startsAt: Date })[] {
  if (planIds.length === 0) return []
  return db
    .select()
    .from(receptionSessions)
    .where(
      and(
        inArray(receptionSessions.planId, [...planIds]),
        gte(receptionSessions.planDate, from),
        lte(receptionSessions.planDate, to),
      ),
    )
    .all()
    .map((r) => ({ ...r, moved: r.movedAt !== null }))
}

// ── sessions ────────────────────────────────────────────────────────────────────────────────────

export const findSession = (db: Queryable, id: number): SessionRow | undefined =>
  db.select().from(receptionSessions).where(eq(receptionSessions.id, id)).get()

const instantsOf = (s: Pick<PlannedSession, 'date' | 'startTime' | 'endTime'>, timeZone: string) => ({
  startsAt: zonedTimeToUtc(s.date, s.startTime, timeZone),
  endsAt: zonedTimeToUtc(s.date, s.endTime, timeZone),
})

/** Inserts a generated session; a concurrent generation that got there first wins quietly. */
export function insertSession(
  db: Queryable,
  s: PlannedSession,
  timeZone: string,
  now: Date,
): SessionRow | null {
  return (
    db
      .insert(receptionSessions)
      .values({ ...s, ...instantsOf(s, timeZone), status: 'scheduled', createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning()
      .get() ?? null
  )
}

const bump = () => ({ sequence: sql`${receptionSessions.sequence} + 1` })

/** Gives a session a new date, times or shape; `moved` marks a clerk's move, `restore` schedules it again. */
export function reshapeSession(
  db: Queryable,
  id: number,
  s: Pick<PlannedSession, 'date' | 'startTime' | 'endTime' | 'slotMinutes' | 'capacityPerSlot' | 'place'>,
  timeZone: string,
  now: Date,
  moved?: { fromDate: string; fromStartTime: string },
  restore = false,
) {
  db.update(receptionSessions)
    .set({
      ...(restore ? { status: 'scheduled' as const, cancelReason: null, cancelledAt: null } : {}),
      date: s.date,
      startTime: s.startTime,
      endTime: s.endTime,
      slotMinutes: s.slotMinutes,
      capacityPerSlot: s.capacityPerSlot,
      place: s.place,
      ...instantsOf(s, timeZone),
      ...(moved
        ? { movedAt: now, movedFromDate: moved.fromDate, movedFromStartTime: moved.fromStartTime }
        : {}),
      ...bump(),
      updatedAt: now,
    })
    .where(eq(receptionSessions.id, id))
    .run()
}

export function setSessionStatus(
  db: Queryable,
  id: number,
  status: 'scheduled' | 'cancelled',
  reason: SessionCancelReason | null,
  now: Date,
): boolean {
  return (
    db
      .update(receptionSessions)
      .set({
        status,
        cancelReason: status === 'cancelled' ? reason : null,
        cancelledAt: status === 'cancelled' ? now : null,
        ...bump(),
        updatedAt: now,
      })
      .where(
        and(
          eq(receptionSessions.id, id),
          eq(receptionSessions.status, status === 'cancelled' ? 'scheduled' : 'cancelled'),
        ),
      )
      .run().changes > 0
  )
}

export type SessionWithDeputy = SessionRow & { deputyName: string }

const sessionWithDeputy = { session: receptionSessions, deputyName: deputies.name }
const flat = (r: { session: SessionRow; deputyName: string }): SessionWithDeputy => ({
  ...r.session,
  deputyName: r.deputyName,
})

/** Sessions at a station (or of a deputy) on local dates from `from` to `to`, by start. */
export function listSessions(
  db: Queryable,
  where: {
    stationId?: number
    deputyIds?: readonly number[]
    from: string
    to: string
    scheduledOnly?: boolean
  },
): SessionWithDeputy[] {
  return db
    .select(sessionWithDeputy)
    .from(receptionSessions)
    .innerJoin(deputies, eq(deputies.id, receptionSessions.deputyId))
    .where(
      and(
        where.stationId === undefined ? undefined : eq(receptionSessions.stationId, where.stationId),
        where.deputyIds === undefined ? undefined : inArray(receptionSessions.deputyId, [...where.deputyIds]),
        gte(receptionSessions.date, where.from),
        lte(receptionSessions.date, where.to),
        where.scheduledOnly ? eq(receptionSessions.status, 'scheduled') : undefined,
      ),
    )
    .orderBy(asc(receptionSessions.startsAt), asc(receptionSessions.id))
    .all()
    .map(flat)
}

/** Live (not cancelled) bookings per slot of the given sessions: `${sessionId}:${slotIndex}` → count. */
export function takenSeats(db: Queryable, sessionIds: readonly number[]): Map<string, number> {
  const out = new Map<string, number>()
  if (sessionIds.length === 0) return out
  const rows = db
    .select({
      sessionId: receptionBookings.sessionId,
      slotIndex: receptionBookings.slotIndex,
      n: sql<number>`count(*)`,
    })
    .from(receptionBookings)
    .where(
      and(
        inArray(receptionBookings.sessionId, [...sessionIds]),
        sql`${receptionBookings.status} <> 'cancelled'`,
      ),
    )
    .groupBy(receptionBookings.sessionId, receptionBookings.slotIndex)
    .all()
  for (const r of rows) out.set(`${r.sessionId}:${r.slotIndex}`, r.n)
  return out
}

export type OpenSlot = Slot & { free: number }
export type OpenSession = SessionWithDeputy & { slots: OpenSlot[] }

/**
 * The sessions of a station a resident can book now, each with its slots that have a free seat
 * and pass the booking rules (notice, horizon). Optionally only some deputies' sessions.
 */
export function openSessions(
  db: Queryable,
  station: { id: number; timeZone: string },
  now: Date,
  deputyIds?: readonly number[],
): OpenSession[] {
  const settings = bookingSettings(db, station.id)
  const today = localDate(now, station.timeZone)
  const sessions = listSessions(db, {
    stationId: station.id,
    deputyIds,
    from: today,
    to: addDays(today, settings.horizonDays),
    scheduledOnly: true,
  })
  const taken = takenSeats(
    db,
    sessions.map((s) => s.id),
  )
  const out: OpenSession[] = []
  for (const s of sessions) {
    const slots = sessionSlots(s, station.timeZone)
      .map((slot) => ({ ...slot, free: s.capacityPerSlot - (taken.get(`${s.id}:${slot.index}`) ?? 0) }))
      .filter(
        (slot) =>
          slot.free > 0 &&
          bookingRefusal({
            sessionStatus: s.status,
            slotStartsAt: slot.startsAt,
            slotDate: s.date,
            now,
            today,
            settings,
          }) === null,
      )
    if (slots.length > 0) out.push({ ...s, slots })
  }
  return out
}

/**
 * The sessions of these deputies a resident can book now at any station (a phone is bound to
 * none), each station judged by its own rules and time zone through openSessions, by start.
 */
export function openSessionsOfDeputies(
  db: Queryable,
  now: Date,
  deputyIds: readonly number[],
): OpenSession[] {
  if (deputyIds.length === 0) return []
  // A day's margin either side of UTC: openSessions applies each station's own local dates.
  const stationIds = db
    .selectDistinct({ id: receptionSessions.stationId, timeZone: stations.timeZone })
    .from(receptionSessions)
    .innerJoin(stations, eq(stations.id, receptionSessions.stationId))
    .where(
      and(
        inArray(receptionSessions.deputyId, [...deputyIds]),
        eq(receptionSessions.status, 'scheduled'),
        gte(receptionSessions.date, addDays(localDate(now, 'UTC'), -1)),
      ),
    )
    .all()
  return stationIds
    .flatMap((s) => openSessions(db, s, now, deputyIds))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
}
