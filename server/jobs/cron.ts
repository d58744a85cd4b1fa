import { parse } from 'node-cron'

/**
 * A cron expression expanded into the values each field allows, read in UTC. node-cron parses
 * the text (names, ranges, steps, lists, nicknames such as `@daily`, an optional seconds field),
 * so the doorbell and the planner agree on syntax; the planning below is ours and pure, because
 * node-cron only answers "what comes after the real now".
 *
 * Supported subset: numeric values only. Day-of-month `L`/`W` and weekday `#`/`L` tokens are
 * refused. As in node-cron 4, every field must match (day of month AND weekday), unlike Vixie
 * cron's OR.
 */
export type CronPlan = {
  expression: string
  seconds: readonly number[]
  minutes: readonly number[]
  hours: readonly number[]
  daysOfMonth: ReadonlySet<number>
  months: ReadonlySet<number>
  weekdays: ReadonlySet<number>
}

export class CronError extends Error {}

const DAY_MS = 86_400_000
/** How far the planner walks looking for a matching day, like node-cron's own limit. */
const MAX_DAYS = 366 * 100

const numbers = (field: string, values: readonly (number | string)[], expression: string): number[] => {
  const out: number[] = []
  for (const v of values) {
    if (typeof v !== 'number') throw new CronError(`${expression}: "${v}" in ${field} is not supported`)
    out.push(v)
  }
  return [...new Set(out)].sort((a, b) => a - b)
}

/** Parses and checks a cron expression; throws CronError for bad or unsupported ones. */
export function parseCron(expression: string): CronPlan {
  let fields: ReturnType<typeof parse>
  try {
    fields = parse(expression)
  } catch (e) {
    throw new CronError(`${expression}: ${(e as Error).message}`)
  }
  const plan: CronPlan = {
    expression,
    seconds: numbers('second', fields.second, expression),
    minutes: numbers('minute', fields.minute, expression),
    hours: numbers('hour', fields.hour, expression),
    daysOfMonth: new Set(numbers('day of month', fields.dayOfMonth, expression)),
    months: new Set(numbers('month', fields.month, expression)),
    weekdays: new Set(numbers('weekday', fields.dayOfWeek, expression).map((d) => d % 7)),
  }
  if (nextSlotAfter(plan, new Date(0)) === null) throw new CronError(`${expression}: never happens`)
  return plan
}

function dayMatches(plan: CronPlan, day: number): boolean {
  const d = new Date(day * DAY_MS)
  return (
    plan.months.has(d.getUTCMonth() + 1) &&
    plan.daysOfMonth.has(d.getUTCDate()) &&
    plan.weekdays.has(d.getUTCDay())
  )
}

/** Offsets (ms from midnight UTC) of every planned time of day, ascending. */
function timesOfDay(plan: CronPlan): number[] {
  const out: number[] = []
  for (const h of plan.hours)
    for (const m of plan.minutes)
      for (const s of plan.seconds) out.push(h * 3_600_000 + m * 60_000 + s * 1000)
  return out
}

/** Planned instants strictly after `after`, ascending, without end (bounded by MAX_DAYS of search). */
export function* slotsAfter(plan: CronPlan, after: Date): Generator<Date> {
  const times = timesOfDay(plan)
  const afterMs = after.getTime()
  const first = Math.floor(afterMs / DAY_MS)
  let empty = 0
  for (let day = first; empty < MAX_DAYS; day++) {
    if (!dayMatches(plan, day)) {
      empty++
      continue
    }
    empty = 0
    for (const t of times) {
      const ms = day * DAY_MS + t
      if (ms > afterMs) yield new Date(ms)
    }
  }
}

/**
 * Planned instants at or before `until` and strictly after `after` (when given), newest first.
 */
export function* slotsBackFrom(plan: CronPlan, until: Date, after?: Date): Generator<Date> {
  const times = timesOfDay(plan).reverse()
  const untilMs = until.getTime()
  const afterMs = after ? after.getTime() : Number.NEGATIVE_INFINITY
  const last = Math.floor(untilMs / DAY_MS)
  const stop = Math.max(last - MAX_DAYS, Math.floor(afterMs / DAY_MS))
  for (let day = last; day >= stop; day--) {
    if (!dayMatches(plan, day)) continue
    for (const t of times) {
      const ms = day * DAY_MS + t
      if (ms > untilMs) continue
      if (ms <= afterMs) return
      yield new Date(ms)
    }
  }
}

/** The first planned instant strictly after `after`, or null if none within a century. */
export function nextSlotAfter(plan: CronPlan, after: Date): Date | null {
  for (const slot of slotsAfter(plan, after)) return slot
  return null
}

/** The latest planned instant at or before `at`, or null if none within a century. */
export function latestSlotAtOrBefore(plan: CronPlan, at: Date): Date | null {
  for (const slot of slotsBackFrom(plan, at)) return slot
  return null
}

/**
 * Planned instants in (after, until], ascending; when there are more than `limit`, the most
 * recent `limit` of them, with `dropped` counting the older ones left out (up to `countCap`).
 */
export function slotsBetween(
  plan: CronPlan,
  after: Date,
  until: Date,
  limit = Number.POSITIVE_INFINITY,
  countCap = 100_000,
): { slots: Date[]; dropped: number } {
  const slots: Date[] = []
  let dropped = 0
  for (const slot of slotsBackFrom(plan, until, after)) {
    if (slots.length < limit) slots.push(slot)
    else if (++dropped >= countCap) break
  }
  return { slots: slots.reverse(), dropped }
}
