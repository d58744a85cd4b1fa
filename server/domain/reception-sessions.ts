/**
 * Reception days (接待日) from reception plans (DESIGN §4.3). Pure: plans, the holiday calendar,
 * the deputies' absences and a date range in; dated sessions and their slots out. Local dates are
 * 'YYYY-MM-DD' and times 'HH:MM' in the station's zone; instants come from zoned-time.ts.
 */
import {
  addDays,
  datesBetween,
  isLocalTime,
  minutesOf,
  monthRange,
  type Weekday,
  weekdayOf,
  zonedTimeToUtc,
} from './zoned-time.ts'

export type ReceptionPattern = 'weekly' | 'nth_weekday' | 'month_day'

export type PlanRule = {
  id: number
  deputyId: number
  stationId: number
  /**
   * 'weekly': every week on `weekdays`; 'nth_weekday': the `nthOfMonth` (1–5, or -1 for the last)
   * of `weekdays` in the listed `months`; 'month_day': `dayOfMonth` of the listed `months`
   * ("the 15th of odd months"). An empty `months` is every month.
   */
  pattern: ReceptionPattern
  weekdays: readonly Weekday[]
  nthOfMonth: number | null
  dayOfMonth: number | null
  months: readonly number[]
  startTime: string
  endTime: string
  slotMinutes: number
  capacityPerSlot: number
  place: string
  validFrom: string
  /** Last day it applies, included; null for open-ended. */
  validUntil: string | null
  /** An ended plan yields nothing. */
  ended: boolean
}

/** A day of the holiday calendar; `stationId` 0 is every station. */
export type CalendarDay = { date: string; kind: 'holiday' | 'workday' | 'station_closed'; stationId: number }

/** A deputy away from `from` to `to`, both included. */
export type DeputyAbsence = { deputyId: number; from: string; to: string }

export type PlannedSession = {
  planId: number
  /** The date the plan put it on: with the plan, the session's identity. */
  planDate: string
  date: string
  deputyId: number
  stationId: number
  startTime: string
  endTime: string
  slotMinutes: number
  capacityPerSlot: number
  place: string
}

export type SkipReason = 'closure' | 'absence'
export type SkippedDate = { planId: number; date: string; reason: SkipReason }

const MON_TO_FRI: readonly Weekday[] = [1, 2, 3, 4, 5]

/** Checks a plan's shape; returns the name of the first broken rule, or null when it is sound. */
export function planProblem(p: Omit<PlanRule, 'id' | 'deputyId' | 'stationId' | 'ended'>): string | null {
  if (!isLocalTime(p.startTime) || !isLocalTime(p.endTime)) return 'time'
  if (minutesOf(p.endTime) <= minutesOf(p.startTime)) return 'endBeforeStart'
  if (!Number.isInteger(p.slotMinutes) || p.slotMinutes < 5 || p.slotMinutes > 240) return 'slotMinutes'
  if (minutesOf(p.startTime) + p.slotMinutes > minutesOf(p.endTime)) return 'noSlot'
  if (!Number.isInteger(p.capacityPerSlot) || p.capacityPerSlot < 1 || p.capacityPerSlot > 20)
    return 'capacity'
  if (p.validUntil !== null && p.validUntil < p.validFrom) return 'validUntil'
  if (p.months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) return 'months'
  if (p.pattern === 'weekly' || p.pattern === 'nth_weekday') {
    if (p.weekdays.length === 0 || p.weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7))
      return 'weekdays'
  }
  if (p.pattern === 'nth_weekday') {
    const n = p.nthOfMonth
    if (n === null || !Number.isInteger(n) || !(n === -1 || (n >= 1 && n <= 5))) return 'nthOfMonth'
  }
  if (p.pattern === 'month_day') {
    const d = p.dayOfMonth
    if (d === null || !Number.isInteger(d) || d < 1 || d > 31) return 'dayOfMonth'
  }
  return null
}

/**
 * Whether the plan's pattern falls on `date`, before closures and absences. A weekly plan on
 * every weekday (Monday to Friday all listed) also falls on a make-up working day (调休), so a
 * "every working day" reception follows the official calendar as the duty roster does.
 */
export function patternFalls(plan: PlanRule, date: string, makeUpDays: ReadonlySet<string>): boolean {
  if (plan.ended || date < plan.validFrom || (plan.validUntil !== null && date > plan.validUntil))
    return false
  const wd = weekdayOf(date)
  const month = Number(date.slice(5, 7))
  const inMonth = plan.months.length === 0 || plan.months.includes(month)
  switch (plan.pattern) {
    case 'weekly':
      return (
        plan.weekdays.includes(wd) ||
        (makeUpDays.has(date) && MON_TO_FRI.every((w) => plan.weekdays.includes(w)))
      )
    case 'nth_weekday': {
      if (!inMonth || !plan.weekdays.includes(wd) || plan.nthOfMonth === null) return false
      const day = Number(date.slice(8, 10))
      if (plan.nthOfMonth === -1) return addDays(date, 7) > monthRange(date.slice(0, 7)).last
      return Math.ceil(day / 7) === plan.nthOfMonth
    }
    case 'month_day':
      // A day the month lacks (the 31st of a 30-day month) simply does not happen.
      return inMonth && Number(date.slice(8, 10)) === plan.dayOfMonth
  }
}

/** Whether a station is closed on a date (a make-up working day closes nothing). */
export function closedOn(calendar: readonly CalendarDay[], stationId: number, date: string): boolean {
  return calendar.some(
    (c) =>
      c.date === date &&
      ((c.kind === 'holiday' && (c.stationId === 0 || c.stationId === stationId)) ||
        (c.kind === 'station_closed' && c.stationId === stationId)),
  )
}

/**
 * The sessions the plans yield from `from` to `to` (both included): every date a plan's pattern
 * falls on, minus the station's closures and the deputy's absences. Those two are reported as
 * skipped, so callers can tell why an earlier session no longer appears.
 */
export function generateSessions(
  plans: readonly PlanRule[],
  calendar: readonly CalendarDay[],
  absences: readonly DeputyAbsence[],
  range: { from: string; to: string },
): { sessions: PlannedSession[]; skipped: SkippedDate[] } {
  const sessions: PlannedSession[] = []
  const skipped: SkippedDate[] = []
  if (range.to < range.from) return { sessions, skipped }
  const makeUp = new Set(calendar.filter((c) => c.kind === 'workday').map((c) => c.date))
  for (const plan of plans) {
    if (plan.ended || planProblem(plan) !== null) continue
    const from = [plan.validFrom, range.from].sort()[1]!
    const to = plan.validUntil === null ? range.to : [plan.validUntil, range.to].sort()[0]!
    if (to < from) continue
    for (const date of datesBetween(from, to)) {
      if (!patternFalls(plan, date, makeUp)) continue
      if (closedOn(calendar, plan.stationId, date)) {
        skipped.push({ planId: plan.id, date, reason: 'closure' })
        continue
      }
      if (absences.some((a) => a.deputyId === plan.deputyId && a.from <= date && date <= a.to)) {
        skipped.push({ planId: plan.id, date, reason: 'absence' })
        continue
      }
      sessions.push({
        planId: plan.id,
        planDate: date,
        date,
        deputyId: plan.deputyId,
        stationId: plan.stationId,
        startTime: plan.startTime,
        endTime: plan.endTime,
        slotMinutes: plan.slotMinutes,
        capacityPerSlot: plan.capacityPerSlot,
        place: plan.place,
      })
    }
  }
  sessions.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime))
  return { sessions, skipped }
}

export type SessionShape = Pick<PlannedSession, 'date' | 'startTime' | 'endTime' | 'slotMinutes'>

export type Slot = {
  /** 0-based position in the session. */
  index: number
  startTime: string
  endTime: string
  startsAt: Date
  endsAt: Date
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** The local start time of a session's slot `index`, as sessionSlots numbers them. */
export const slotStartTime = (s: { startTime: string; slotMinutes: number }, index: number) =>
  hhmm(minutesOf(s.startTime) + index * s.slotMinutes)

/** The whole slots of a session, back to back from its start; a remainder too short for a slot is left free. */
export function sessionSlots(s: SessionShape, timeZone: string): Slot[] {
  const start = minutesOf(s.startTime)
  const end = minutesOf(s.endTime)
  const out: Slot[] = []
  for (let m = start, i = 0; m + s.slotMinutes <= end; m += s.slotMinutes, i++) {
    const startTime = hhmm(m)
    const endTime = hhmm(m + s.slotMinutes)
    out.push({
      index: i,
      startTime,
      endTime,
      startsAt: zonedTimeToUtc(s.date, startTime, timeZone),
      endsAt: zonedTimeToUtc(s.date, endTime, timeZone),
    })
  }
  return out
}

/** A session already stored, as reconciliation needs to see it. */
export type StoredSession = {
  id: number
  planId: number | null
  planDate: string | null
  date: string
  startTime: string
  endTime: string
  slotMinutes: number
  capacityPerSlot: number
  place: string
  status: 'scheduled' | 'cancelled'
  cancelReason: 'clerk' | 'plan' | 'closure' | 'absence' | null
  /** A clerk moved it: the plan no longer decides its date and times. */
  moved: boolean
}

export type SessionChange =
  | { kind: 'create'; session: PlannedSession }
  | { kind: 'update'; id: number; session: PlannedSession }
  | { kind: 'restore'; id: number; session: PlannedSession }
  | { kind: 'cancel'; id: number; reason: 'plan' | 'closure' | 'absence' }

const sameShape = (a: StoredSession, b: PlannedSession) =>
  a.date === b.date &&
  a.startTime === b.startTime &&
  a.endTime === b.endTime &&
  a.slotMinutes === b.slotMinutes &&
  a.capacityPerSlot === b.capacityPerSlot &&
  a.place === b.place

/**
 * What to change so the stored sessions of `planIds` within the generated range match what the
 * plans yield now. A clerk's cancellation and a clerk's move are kept; a session the plans no
 * longer yield is cancelled (never deleted), with the reason the generation gave, and comes back
 * if a later change yields it again.
 */
export function reconcileSessions(
  stored: readonly StoredSession[],
  generated: { sessions: readonly PlannedSession[]; skipped: readonly SkippedDate[] },
  planIds: ReadonlySet<number>,
  range: { from: string; to: string },
): SessionChange[] {
  const key = (planId: number, date: string) => `${planId}|${date}`
  const byKey = new Map<string, StoredSession>()
  for (const s of stored)
    if (s.planId !== null && s.planDate !== null && planIds.has(s.planId))
      byKey.set(key(s.planId, s.planDate), s)
  const wanted = new Set<string>()
  const changes: SessionChange[] = []
  for (const session of generated.sessions) {
    const k = key(session.planId, session.planDate)
    wanted.add(k)
    const old = byKey.get(k)
    if (!old) changes.push({ kind: 'create', session })
    else if (old.moved) continue
    else if (old.status === 'cancelled') {
      if (old.cancelReason !== 'clerk') changes.push({ kind: 'restore', id: old.id, session })
    } else if (!sameShape(old, session)) changes.push({ kind: 'update', id: old.id, session })
  }
  const why = new Map(generated.skipped.map((s) => [key(s.planId, s.date), s.reason]))
  for (const [k, old] of byKey) {
    if (wanted.has(k) || old.status !== 'scheduled' || old.moved) continue
    if (old.planDate! < range.from || old.planDate! > range.to) continue
    changes.push({ kind: 'cancel', id: old.id, reason: why.get(k) ?? 'plan' })
  }
  return changes
}
