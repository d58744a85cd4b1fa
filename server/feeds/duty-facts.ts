import { covers, generateRoster } from '../domain/roster/generate.ts'
import { type PersonKey, type RosterInput, slotKey } from '../domain/roster/types.ts'
import { zonedTimeToUtc } from '../domain/zoned-time.ts'

/** A name in the three interface languages. */
export type Names = { nameZhHans: string; nameZhHant: string; nameEn: string }

/**
 * Everything about one station's published duty a feed needs, as rows. Removed overrides,
 * cancelled absences and swaps are included on purpose: each was a change somebody's phone saw.
 */
export type StationDutyRows = {
  stationId: number
  /** The pure roster's input, as the roster screens load it. */
  input: RosterInput
  slotDefs: readonly (Names & {
    code: string
    startTime: string
    endTime: string
    validFrom: string
    validUntil: string | null
    updatedAt: Date
  })[]
  /** Published base assignments, with when they were published. */
  entries: readonly { date: string; slotCode: string; person: PersonKey | null; publishedAt: Date }[]
  /** Approved swaps only, with when they were approved. */
  swaps: readonly { date: string; slotCode: string; from: PersonKey; to: PersonKey; decidedAt: Date }[]
  /** Every override of the station, removed ones too. */
  overrides: readonly {
    fromDate: string
    toDate: string
    slotCodes: readonly string[]
    person: PersonKey
    createdAt: Date
    removedAt: Date | null
  }[]
  /** Absences of anyone, cancelled ones too. */
  absences: readonly {
    person: PersonKey
    fromDate: string
    toDate: string
    createdAt: Date
    cancelledAt: Date | null
  }[]
  /** Days that close this station (holidays and its own closures). */
  closures: readonly { date: string; kind: 'holiday' | 'workday' | 'station_closed'; updatedAt: Date }[]
}

/** One published duty slot as the feeds see it. */
export type DutyFact = {
  stationId: number
  date: string
  code: string
  slotName: Names
  startsAt: Date
  endsAt: Date
  /** Still held: the day was not closed and the slot not retired after publishing. */
  open: boolean
  /** Who holds it now (override > swap > published); null for nobody or a closed slot. */
  holder: PersonKey | null
  /** The holder is away that day, so nobody is actually there. */
  absent: boolean
  /** Everyone the slot was ever given to: the published person, swap partners, override people. */
  people: readonly PersonKey[]
  /** How many times the slot changed after it was published (the SEQUENCE). */
  changes: number
  /** When it last changed, or was published (DTSTAMP / LAST-MODIFIED). */
  updatedAt: Date
}

const latest = (dates: readonly Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())))

/**
 * The published duty of one station from `from` to `to` (local dates, both included), one fact
 * per published slot. Pure: the same rows give the same facts. A slot's change count is the
 * number of rows that changed it since publishing (approved swaps, overrides made or removed,
 * absences of its people made or cancelled, a closure of the day, the slot retired), so it
 * grows with every change as long as those rows are kept, which the roster does.
 */
export function dutyFacts(rows: StationDutyRows, from: string, to: string): DutyFact[] {
  const roster = new Map(generateRoster(rows.input, from, to).map((s) => [s.key, s]))
  const out: DutyFact[] = []
  for (const entry of rows.entries) {
    if (entry.date < from || entry.date > to) continue
    const { date, slotCode: code } = entry
    const defs = rows.slotDefs.filter((d) => d.code === code && d.validFrom <= date)
    const def =
      defs.findLast((d) => d.validUntil === null || date <= d.validUntil) ?? defs[defs.length - 1] ?? null
    if (!def) continue
    const slot = roster.get(slotKey(date, code))

    const swaps = rows.swaps.filter((s) => s.date === date && s.slotCode === code)
    const overrides = rows.overrides.filter((o) =>
      covers({ from: o.fromDate, to: o.toDate, slotCodes: o.slotCodes }, date, code),
    )
    const people = new Set<PersonKey>()
    if (entry.person) people.add(entry.person)
    for (const s of swaps) people.add(s.from).add(s.to)
    for (const o of overrides) people.add(o.person)

    const changedAt: Date[] = [entry.publishedAt]
    for (const s of swaps) changedAt.push(s.decidedAt)
    for (const o of overrides) changedAt.push(o.createdAt, ...(o.removedAt ? [o.removedAt] : []))
    for (const a of rows.absences)
      if (people.has(a.person) && a.fromDate <= date && date <= a.toDate)
        changedAt.push(a.createdAt, ...(a.cancelledAt ? [a.cancelledAt] : []))
    for (const c of rows.closures) if (c.date === date && c.kind !== 'workday') changedAt.push(c.updatedAt)
    if (def.validUntil !== null && def.validUntil < date) changedAt.push(def.updatedAt)

    out.push({
      stationId: rows.stationId,
      date,
      code,
      slotName: { nameZhHans: def.nameZhHans, nameZhHant: def.nameZhHant, nameEn: def.nameEn },
      startsAt: slot?.startsAt ?? zonedTimeToUtc(date, def.startTime, rows.input.timeZone),
      endsAt: slot?.endsAt ?? zonedTimeToUtc(date, def.endTime, rows.input.timeZone),
      open: slot !== undefined,
      holder: slot?.person ?? null,
      absent: slot?.absent ?? false,
      people: [...people].sort(),
      changes: changedAt.length - 1,
      updatedAt: latest(changedAt),
    })
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.code < b.code ? -1 : 1))
}
