import type { ConcernStatus, PlaceKind, TriageState, VisitStatus } from '../../db/enums.ts'
import { reachesDeputy } from './triage.ts'
import { addDays, daysBetween, monthOf } from './zoned-time.ts'

/*
 * Coverage (DESIGN §4.8a, issue 17): which places of a district its deputies reach, computed
 * from contact events and never typed. docs/decisions/0033-coverage.md explains the choices:
 * - a held visit is one contact per place visited, attributed to every deputy who went;
 * - a concern with a place is a contact (not spam, not waiting for triage), attributed to its
 *   deputy — except a concern raised at a held visit about that visit's own place, which the
 *   visit already counts (no double counting of one afternoon at one place);
 * - a booking with a place whose resident was checked in or served is a contact of its deputy.
 * Periods are local dates [from, to); "as of" is min(to − 1 day, today).
 */

export type ContactKind = 'visit' | 'concern' | 'booking'

/** One contact with one place on one local date, credited to the deputies listed. */
export type ContactEvent = {
  kind: ContactKind
  /** The visit, concern or booking id, so anyone can check a figure. */
  sourceId: number
  placeId: number
  date: string
  deputyIds: readonly number[]
}

export type CoveragePlace = { id: number; districtId: number; kind: PlaceKind }

export type Period = { from: string; to: string }

/** The last day a period's figures look at. */
export const asOfDate = (period: Period, today: string) => {
  const last = addDays(period.to, -1)
  return today < last ? today : last
}

export type ConcernContactRow = {
  id: number
  placeId: number | null
  deputyId: number | null
  receivedOn: string
  status: ConcernStatus
  triage: TriageState | null
  visitId: number | null
}
export type VisitContactRow = {
  id: number
  placeId: number
  status: VisitStatus
  date: string
  deputyIds: readonly number[]
}
export type BookingContactRow = {
  id: number
  placeId: number | null
  deputyId: number
  status: string
  date: string
}

/** Turns visits, concerns and bookings into contact events by the rules above. */
export function contactEvents(rows: {
  visits: readonly VisitContactRow[]
  concerns: readonly ConcernContactRow[]
  bookings: readonly BookingContactRow[]
}): ContactEvent[] {
  const out: ContactEvent[] = []
  const heldAt = new Map<number, number>()
  for (const v of rows.visits) {
    if (v.status !== 'held') continue
    heldAt.set(v.id, v.placeId)
    out.push({ kind: 'visit', sourceId: v.id, placeId: v.placeId, date: v.date, deputyIds: [...v.deputyIds] })
  }
  for (const c of rows.concerns) {
    // Spam and concerns still waiting for triage count in no figure (triage.ts, one rule).
    if (c.placeId === null || !reachesDeputy(c)) continue
    if (c.visitId !== null && heldAt.get(c.visitId) === c.placeId) continue
    out.push({
      kind: 'concern',
      sourceId: c.id,
      placeId: c.placeId,
      date: c.receivedOn,
      deputyIds: c.deputyId === null ? [] : [c.deputyId],
    })
  }
  for (const b of rows.bookings) {
    if (b.placeId === null || (b.status !== 'checked_in' && b.status !== 'served')) continue
    out.push({ kind: 'booking', sourceId: b.id, placeId: b.placeId, date: b.date, deputyIds: [b.deputyId] })
  }
  return out
}

export type PlaceCoverage = {
  placeId: number
  /** The last contact on or before "as of", of any kind, whenever it was. */
  lastContact: string | null
  daysSince: number | null
  contactsInPeriod: number
  /** Never reached, or not in the last `unreachedDays` days up to "as of". */
  unreached: boolean
}

/**
 * Every place with its last contact, days since and contacts in the period; unreached places
 * first (never reached before those reached long ago), then the longest without a contact.
 */
export function placeCoverage(input: {
  places: readonly CoveragePlace[]
  events: readonly ContactEvent[]
  period: Period
  today: string
  unreachedDays: number
}): PlaceCoverage[] {
  const asOf = asOfDate(input.period, input.today)
  const last = new Map<number, string>()
  const inPeriod = new Map<number, number>()
  for (const e of input.events) {
    if (e.date > asOf) continue
    const prev = last.get(e.placeId)
    if (prev === undefined || e.date > prev) last.set(e.placeId, e.date)
    if (e.date >= input.period.from) inPeriod.set(e.placeId, (inPeriod.get(e.placeId) ?? 0) + 1)
  }
  const rows = input.places.map((p): PlaceCoverage => {
    const lastContact = last.get(p.id) ?? null
    const daysSince = lastContact === null ? null : daysBetween(lastContact, asOf)
    return {
      placeId: p.id,
      lastContact,
      daysSince,
      contactsInPeriod: inPeriod.get(p.id) ?? 0,
      unreached: daysSince === null || daysSince >= input.unreachedDays,
    }
  })
  const rank = (r: PlaceCoverage) => (r.daysSince === null ? Number.POSITIVE_INFINITY : r.daysSince)
  return rows.sort(
    (a, b) => Number(b.unreached) - Number(a.unreached) || rank(b) - rank(a) || a.placeId - b.placeId,
  )
}

export type Share = { count: number; of: number; share: number | null }
const share = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : count / of })

export type DeputyCoverage = {
  /** Distinct places of the deputy's districts with a contact of theirs in the period. */
  placesReached: number
  placesOfDistricts: number
  /** Distinct places outside their districts they reached (shown apart, never in the share). */
  placesOutside: number
  visits: { planned: number; held: number; stillPlanned: number; cancelled: number }
  /** Their contacts in the period: the n of both concentration shares. */
  contacts: number
  /** The share of their contacts from their single most frequent place. */
  topPlace: (Share & { placeId: number }) | null
  /** The share of their contacts from their own work unit or home place. */
  ownPlaces: Share & { placeIds: number[] }
  /** Enough contacts to be compared with others (the record's minimum sample). */
  ranked: boolean
}

/** One deputy's coverage over a period; visits are those they were going to, by start date. */
export function deputyCoverage(input: {
  deputyId: number
  districtPlaceIds: readonly number[]
  events: readonly ContactEvent[]
  visits: readonly Pick<VisitContactRow, 'status' | 'date' | 'deputyIds'>[]
  period: Period
  today: string
  ownPlaceIds: readonly (number | null)[]
  minSample: number
}): DeputyCoverage {
  const asOf = asOfDate(input.period, input.today)
  const inPeriod = (d: string) => d >= input.period.from && d <= asOf
  const mine = input.events.filter((e) => inPeriod(e.date) && e.deputyIds.includes(input.deputyId))
  const ofDistricts = new Set(input.districtPlaceIds)
  const reached = new Set(mine.map((e) => e.placeId))
  const perPlace = new Map<number, number>()
  for (const e of mine) perPlace.set(e.placeId, (perPlace.get(e.placeId) ?? 0) + 1)
  let top: { placeId: number; count: number } | null = null
  for (const [placeId, count] of perPlace)
    if (!top || count > top.count || (count === top.count && placeId < top.placeId)) top = { placeId, count }
  const own = [...new Set(input.ownPlaceIds.filter((id): id is number => id !== null))]
  const ownCount = mine.filter((e) => own.includes(e.placeId)).length
  const visits = { planned: 0, held: 0, stillPlanned: 0, cancelled: 0 }
  for (const v of input.visits) {
    if (!v.deputyIds.includes(input.deputyId)) continue
    if (v.date < input.period.from || v.date >= input.period.to) continue
    if (v.status === 'cancelled') visits.cancelled++
    else {
      visits.planned++
      if (v.status === 'held') visits.held++
      else visits.stillPlanned++
    }
  }
  return {
    placesReached: [...reached].filter((id) => ofDistricts.has(id)).length,
    placesOfDistricts: ofDistricts.size,
    placesOutside: [...reached].filter((id) => !ofDistricts.has(id)).length,
    visits,
    contacts: mine.length,
    topPlace: top ? { placeId: top.placeId, ...share(top.count, mine.length) } : null,
    ownPlaces: { placeIds: own, ...share(ownCount, mine.length) },
    ranked: mine.length >= input.minSample,
  }
}

/** The months ("YYYY-MM") a period touches, oldest first. */
export function monthsOf(period: Period): string[] {
  const out: string[] = []
  const last = monthOf(addDays(period.to, -1))
  for (let m = monthOf(period.from); m <= last; m = monthOf(addDays(`${m}-28`, 7))) out.push(m)
  return out
}

/** Per place, per month of the period: reached (a contact that month) or not. */
export function placeMonthGrid(input: {
  places: readonly CoveragePlace[]
  events: readonly ContactEvent[]
  period: Period
  today: string
}): { months: string[]; rows: { placeId: number; reached: boolean[] }[] } {
  const months = monthsOf(input.period)
  const asOf = asOfDate(input.period, input.today)
  const hit = new Set<string>()
  for (const e of input.events)
    if (e.date >= input.period.from && e.date <= asOf) hit.add(`${e.placeId}|${monthOf(e.date)}`)
  return {
    months,
    rows: input.places.map((p) => ({ placeId: p.id, reached: months.map((m) => hit.has(`${p.id}|${m}`)) })),
  }
}

/** Contacts in the period by month and place kind, for the chart and its table. */
export function contactsByKindAndMonth(input: {
  places: readonly CoveragePlace[]
  events: readonly ContactEvent[]
  period: Period
  today: string
}): { months: string[]; counts: Record<PlaceKind, number[]> } {
  const months = monthsOf(input.period)
  const asOf = asOfDate(input.period, input.today)
  const kindOf = new Map(input.places.map((p) => [p.id, p.kind]))
  const counts = {} as Record<PlaceKind, number[]>
  for (const p of input.places) counts[p.kind] ??= months.map(() => 0)
  for (const e of input.events) {
    const kind = kindOf.get(e.placeId)
    if (!kind || e.date < input.period.from || e.date > asOf) continue
    counts[kind]![months.indexOf(monthOf(e.date))]!++
  }
  return { months, counts }
}

/** The places no deputy reached in the period (for the street office). */
export const unreachedInPeriod = (rows: readonly PlaceCoverage[]) =>
  rows.filter((r) => r.contactsInPeriod === 0)
