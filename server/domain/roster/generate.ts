import { addDays, daysBetween, weekdayOf, weekStart, zonedTimeToUtc } from '../zoned-time.ts'
import {
  type ClosureIndex,
  indexClosures,
  isEveningDuty,
  isWeekendDuty,
  maskIncludes,
  openSlotsOn,
} from './calendar.ts'
import {
  type Absence,
  type ApprovedSwap,
  type Override,
  type PersonKey,
  type RosterInput,
  type RosterSlot,
  type RotationRule,
  type SlotDef,
  slotKey,
} from './types.ts'

/** Who is away on which dates, for quick look-up. */
export class AbsenceIndex {
  private readonly byPerson = new Map<PersonKey, Absence[]>()
  constructor(absences: readonly Absence[]) {
    for (const a of absences) {
      const list = this.byPerson.get(a.person) ?? []
      list.push(a)
      this.byPerson.set(a.person, list)
    }
  }
  isAbsent(person: PersonKey, date: string): boolean {
    return this.byPerson.get(person)?.some((a) => a.from <= date && date <= a.to) ?? false
  }
}

/** The rotation versions of each layer, newest last, and the walk through their turns. */
class Rotations {
  private readonly layers: { layer: number; versions: RotationRule[] }[]
  private readonly cursors = new Map<number, { units: number; lastUnit: string | null }>()

  constructor(rules: readonly RotationRule[]) {
    const byLayer = new Map<number, RotationRule[]>()
    for (const r of rules) byLayer.set(r.layer, [...(byLayer.get(r.layer) ?? []), r])
    this.layers = [...byLayer.entries()]
      .map(([layer, versions]) => ({
        layer,
        versions: versions.sort((a, b) =>
          a.effectiveFrom === b.effectiveFrom ? a.id - b.id : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
        ),
      }))
      .sort((a, b) => b.layer - a.layer)
  }

  /** The version that serves a slot: the highest layer whose current version covers it. */
  serving(def: SlotDef, date: string, closures: ClosureIndex): RotationRule | null {
    for (const { versions } of this.layers) {
      let current: RotationRule | undefined
      for (const v of versions) if (v.effectiveFrom <= date) current = v
      if (!current) continue
      const coversCode = current.slotCodes.length === 0 || current.slotCodes.includes(def.code)
      if (coversCode && maskIncludes(current.weekdays, date, closures)) return current
    }
    return null
  }

  /** Counts one served slot for a version and returns the turn it belongs to. */
  take(rule: RotationRule, date: string): number {
    const cursor = this.cursors.get(rule.id) ?? { units: 0, lastUnit: null }
    const unit = rule.unit === 'slot' ? null : rule.unit === 'day' ? date : weekStart(date)
    if (rule.unit === 'slot' || unit !== cursor.lastUnit) {
      cursor.units++
      cursor.lastUnit = unit
    }
    this.cursors.set(rule.id, cursor)
    return Math.floor((cursor.units - 1) / Math.max(1, rule.interval))
  }

  /** A copy of every version's count, to compare after a week's walk. */
  snapshot(): Map<number, { units: number; lastUnit: string | null }> {
    return new Map([...this.cursors].map(([id, c]) => [id, { ...c }]))
  }

  /**
   * Moves every count on by `weeks` more weeks like the one walked since `before`: each version
   * gains that week's units again per week, and its last unit moves on with them.
   */
  repeatWeek(before: ReadonlyMap<number, { units: number }>, weeks: number) {
    for (const [id, cursor] of this.cursors) {
      const gained = cursor.units - (before.get(id)?.units ?? 0)
      if (gained === 0) continue
      cursor.units += gained * weeks
      if (cursor.lastUnit !== null) cursor.lastUnit = addDays(cursor.lastUnit, 7 * weeks)
    }
  }
}

/** The participant whose turn `turn` is. */
export const personForTurn = (rule: RotationRule, turn: number): PersonKey =>
  rule.participants[(rule.startPosition + turn) % rule.participants.length]!

/**
 * Absence substitution: the scheduled person if present, else the next participant in rotation
 * order who is present that day, else nobody. The rotation itself moves on as planned, so the
 * absent person's later turns are not shifted.
 */
export function substitute(
  rule: RotationRule,
  turn: number,
  date: string,
  absences: AbsenceIndex,
): PersonKey | null {
  const n = rule.participants.length
  for (let k = 0; k < n; k++) {
    const p = rule.participants[(rule.startPosition + turn + k) % n]!
    if (!absences.isAbsent(p, date)) return p
  }
  return null
}

const latestById = <T extends { id: number }>(list: readonly T[] | undefined) =>
  list && list.length > 0 ? list.reduce((a, b) => (b.id > a.id ? b : a)) : undefined

/** The earliest date the roster must be walked from so every rotation's turns are counted. */
export const walkStart = (input: RosterInput, from: string) =>
  [from, ...input.rules.map((r) => r.effectiveFrom)].sort()[0]!

/**
 * The days on which which slots are open, or which version serves them, may change: closures and
 * make-up days, a version taking effect, a slot definition starting or ending. Sorted.
 */
function changeDays(input: RosterInput): string[] {
  const days = new Set<string>()
  for (const c of input.closures) days.add(c.date)
  for (const r of input.rules) days.add(r.effectiveFrom)
  for (const d of input.slotDefs) {
    days.add(d.validFrom)
    if (d.validUntil !== null) days.add(d.validUntil).add(addDays(d.validUntil, 1))
  }
  return [...days].sort()
}

/**
 * Counts the rotations' turns over the service slots from `start` up to the day before `from`.
 * Between two change days every week serves the same slots with the same versions, so after one
 * such week is walked the rest are counted at once: the walk costs the number of change days, not
 * of days, and a roster in 2090 is as quick as next month's (with the same turns as a walk).
 */
function countTurnsBefore(
  input: RosterInput,
  rotations: Rotations,
  closures: ClosureIndex,
  start: string,
  from: string,
  skipQuietWeeks: boolean,
) {
  const changes = skipQuietWeeks ? changeDays(input) : []
  let next = 0
  const walkDay = (date: string) => {
    for (const def of openSlotsOn(date, input.slotDefs, closures)) {
      const rule = rotations.serving(def, date, closures)
      if (rule) rotations.take(rule, date)
    }
  }
  for (let date = start; date < from; ) {
    if (skipQuietWeeks && weekdayOf(date) === 1) {
      while (next < changes.length && changes[next]! < date) next++
      const nextChange = changes[next]
      // Whole weeks from `date` with no change day in them and ending before `from`.
      const until = nextChange !== undefined && nextChange < from ? nextChange : from
      const weeks = Math.floor(daysBetween(date, until) / 7)
      if (weeks >= 2) {
        const before = rotations.snapshot()
        for (let d = 0; d < 7; d++) walkDay(addDays(date, d))
        rotations.repeatWeek(before, weeks - 1)
        date = addDays(date, 7 * weeks)
        continue
      }
    }
    walkDay(date)
    date = addDays(date, 1)
  }
}

/**
 * The roster of one station from `from` to `to` (local dates, both included): every open service
 * slot and who holds it. Pure and deterministic: the same inputs always give the same roster.
 *
 * Precedence, highest first: a clerk's override; an approved swap; for a published slot, what
 * was published; otherwise the rotation, with absence substitution. Turns are counted from each
 * rotation version's first day over the slots it serves, so closed days consume no turn.
 * A slot is a gap when nobody holds it or the person holding it is absent that day.
 */
export function generateRoster(
  input: RosterInput,
  from: string,
  to: string,
  { skipQuietWeeks = true }: { skipQuietWeeks?: boolean } = {},
): RosterSlot[] {
  const closures = indexClosures(input.closures)
  const absences = new AbsenceIndex(input.absences)
  const rotations = new Rotations(input.rules)
  const swaps = new Map<string, ApprovedSwap[]>()
  for (const s of input.swaps) {
    if (s.date < from || s.date > to) continue
    const k = slotKey(s.date, s.code)
    swaps.set(k, [...(swaps.get(k) ?? []), s])
  }
  const overrides = input.overrides.filter((o) => o.to >= from && o.from <= to)
  const out: RosterSlot[] = []

  countTurnsBefore(input, rotations, closures, walkStart(input, from), from, skipQuietWeeks)
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const def of openSlotsOn(date, input.slotDefs, closures)) {
      const rule = rotations.serving(def, date, closures)
      const turn = rule ? rotations.take(rule, date) : null

      const key = slotKey(date, def.code)
      const isPublished =
        input.published.through !== null &&
        date <= input.published.through &&
        input.published.entries.has(key)
      let scheduled: PersonKey | null = null
      let source: RosterSlot['source'] = 'none'
      if (isPublished) {
        scheduled = input.published.entries.get(key) ?? null
        source = 'published'
      } else if (rule && turn !== null) {
        const planned = personForTurn(rule, turn)
        scheduled = substitute(rule, turn, date, absences)
        source = scheduled === null ? 'none' : scheduled === planned ? 'rotation' : 'substitute'
      }

      let person = scheduled
      const swap = latestById(swaps.get(key))
      if (swap) {
        person = swap.to
        source = 'swap'
      }
      const override = latestById(overrides.filter((o) => covers(o, date, def.code)))
      if (override) {
        person = override.person
        source = 'override'
      }
      const absent = person !== null && absences.isAbsent(person, date)
      out.push({
        key,
        date,
        code: def.code,
        start: def.start,
        end: def.end,
        startsAt: zonedTimeToUtc(date, def.start, input.timeZone),
        endsAt: zonedTimeToUtc(date, def.end, input.timeZone),
        person,
        source,
        scheduled,
        ruleId: rule?.id ?? null,
        turn,
        absent,
        gap: person === null || absent,
        published: isPublished,
        swapId: swap?.id ?? null,
        overrideId: override?.id ?? null,
        weekend: isWeekendDuty(date, closures),
        evening: isEveningDuty(def.end),
      })
    }
  }
  return out
}

/** Whether an override applies to a slot. */
export const covers = (o: Pick<Override, 'from' | 'to' | 'slotCodes'>, date: string, code: string) =>
  o.from <= date && date <= o.to && (o.slotCodes.length === 0 || o.slotCodes.includes(code))

/**
 * The base assignments to store when publishing through `through`: rotation with absence
 * substitution, before swaps and overrides (those stay separate records on top). Slots already
 * published keep the person they were published with.
 */
export function entriesToPublish(
  input: RosterInput,
  from: string,
  through: string,
): { key: string; date: string; code: string; person: PersonKey | null }[] {
  return generateRoster(input, from, through)
    .filter((s) => !s.published)
    .map((s) => ({ key: s.key, date: s.date, code: s.code, person: s.scheduled }))
}
