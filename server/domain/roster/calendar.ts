import { type Weekday, weekdayOf } from '../zoned-time.ts'
import type { ClosureDay, SlotDef } from './types.ts'

/** A slot that ends after this local time counts as an evening slot in the fairness table. */
export const EVENING_AFTER = '18:00'

const WORKING_WEEK: readonly Weekday[] = [1, 2, 3, 4, 5]

/** The closures of one station by date, for quick look-up. */
export type ClosureIndex = ReadonlyMap<string, ReadonlySet<ClosureDay['kind']>>

export function indexClosures(closures: readonly ClosureDay[]): ClosureIndex {
  const out = new Map<string, Set<ClosureDay['kind']>>()
  for (const c of closures) {
    const kinds = out.get(c.date) ?? new Set()
    kinds.add(c.kind)
    out.set(c.date, kinds)
  }
  return out
}

/** A holiday or a closure of this station shuts it for the day; a make-up working day shuts nothing. */
export const isClosed = (date: string, closures: ClosureIndex) => {
  const kinds = closures.get(date)
  return !!kinds && (kinds.has('holiday') || kinds.has('station_closed'))
}

/** A make-up working day (调休): a weekend day on which everyone works as on a weekday. */
export const isMakeUpDay = (date: string, closures: ClosureIndex) =>
  closures.get(date)?.has('workday') ?? false

/**
 * Whether a weekday mask includes a date. A make-up working day (调休) counts for every mask that
 * holds the whole working week (Monday to Friday): a slot or rotation "on working days" runs on
 * it, while one picked for particular weekdays (say, Wednesday afternoons) does not, because the
 * make-up day stands in for no particular weekday. An empty mask includes every day.
 */
export function maskIncludes(mask: readonly Weekday[], date: string, closures: ClosureIndex): boolean {
  if (mask.length === 0 || mask.includes(weekdayOf(date))) return true
  return isMakeUpDay(date, closures) && WORKING_WEEK.every((d) => mask.includes(d))
}

/**
 * The service slots a station holds on a date: definitions valid that day whose weekdays include
 * it, none on a closed day. Ordered by start time, then sort order and code.
 */
export function openSlotsOn(date: string, defs: readonly SlotDef[], closures: ClosureIndex): SlotDef[] {
  if (isClosed(date, closures)) return []
  return defs
    .filter(
      (d) =>
        d.validFrom <= date &&
        (d.validUntil === null || date <= d.validUntil) &&
        maskIncludes(d.weekdays, date, closures),
    )
    .sort((a, b) =>
      a.start !== b.start
        ? a.start < b.start
          ? -1
          : 1
        : a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    )
}

/** Saturday or Sunday that is not a make-up working day: the slots people least want. */
export const isWeekendDuty = (date: string, closures: ClosureIndex) =>
  weekdayOf(date) >= 6 && !isMakeUpDay(date, closures)

export const isEveningDuty = (end: string) => end > EVENING_AFTER
