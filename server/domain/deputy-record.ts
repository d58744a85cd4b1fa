import type { ConcernEventAction, ConcernEventDetail, ConcernStatus, Verdict } from '../../db/schema.ts'
import { effectiveEvents } from './concern-follow-up.ts'
import { isOpen } from './concern-lifecycle.ts'
import type { WorkingCalendar } from './working-days.ts'
import { workingDaysBetween } from './working-days.ts'
import { addDays, daysBetween, weekStart } from './zoned-time.ts'

/*
 * A deputy's record (履职档案), computed from what happened and never typed in (DESIGN §1). The
 * caller passes the plain rows of one scope — a deputy, a station or a street — and a period of
 * local dates; every figure below is defined here once. docs/decisions/0012 explains the choices.
 */

export type RecordConcern = {
  id: number
  stationId: number
  receivedOn: string
  firstResponseDueOn: string
}

/** One timeline row, with its local date in the station's zone. */
export type RecordEvent = {
  id: number
  concernId: number
  /** UTC milliseconds; orders events of the same day. */
  at: number
  date: string
  action: ConcernEventAction
  fromStatus: ConcernStatus | null
  toStatus: ConcernStatus
  detail: ConcernEventDetail
}

/** A day a deputy was at a station: on the reception schedule, or actually receiving. */
export type RecordDay = { deputyId: number; stationId: number; date: string }

export type RecordInput = {
  concerns: readonly RecordConcern[]
  /** Every event of those concerns, any date (the record replays them). */
  events: readonly RecordEvent[]
  /** Reception sessions scheduled (not cancelled); those after "as of" are not counted yet. */
  scheduled: readonly RecordDay[]
  /** Days the deputy was marked present at the station. */
  present: readonly RecordDay[]
  /** One row per queue ticket the deputy served (a resident received in person). */
  served: readonly RecordDay[]
  calendar: (stationId: number) => WorkingCalendar
  period: { from: string; to: string }
  /** The station's today; figures that need "as of" use min(period end, today). */
  today: string
  minSatisfactionSample: number
}

export type Share = { share: number | null; count: number; of: number }

export type DeputyRecord = {
  period: { from: string; to: string; asOf: string }
  receptions: { scheduled: number; held: number; heldScheduled: number }
  residentsReceived: number
  concernsReceived: number
  /**
   * Walk-ins received in the period whose resident never came and left no phone
   * (no_show_no_contact): shown apart and left out of every other figure (docs/decisions/0027).
   */
  noShowNoContact: number
  firstResponse: { medianWorkingDays: number | null; responded: number; waiting: number }
  closedWithinDeadline: Share
  satisfaction: {
    rate: number | null
    sample: number
    satisfied: number
    basicallySatisfied: number
    unsatisfied: number
    ranked: boolean
  }
  reopened: Share
  staleOpen: Share
  formalSuggestions: number
  weeks: { weekStart: string; received: number; finished: number }[]
  /** The concerns behind "received" and "finished", so anyone can check the figures. */
  concernIds: { received: number[]; finished: number[] }
}

/** Days without an update after which an open concern counts as stale. */
export const STALE_DAYS = 30

/** Statuses that end a concern by handling it: answered, closed after a verdict, or out of scope. */
const FINISHED: ReadonlySet<ConcernStatus> = new Set(['answered', 'closed', 'out_of_scope'])
/** The deputy's first decision on a received concern. */
const FIRST_RESPONSES: ReadonlySet<ConcernStatus> = new Set([
  'answered',
  'referred',
  'suggestion',
  'out_of_scope',
])
/** System bookkeeping that is not an update by anyone handling the concern. */
const NOT_AN_UPDATE: ReadonlySet<ConcernEventAction> = new Set(['escalated', 'erased', 'triage_accepted'])

/** A count out of n, with no share when n is 0. */
export const share = (count: number, of: number): Share => ({
  share: of === 0 ? null : count / of,
  count,
  of,
})

export type Satisfaction = DeputyRecord['satisfaction']

/**
 * The satisfaction rate = (satisfied + basically satisfied) ÷ verdicts, with its sample; a sample
 * under the minimum is shown but not ranked. The one rule for concerns and suggestions alike.
 */
export function satisfactionOf(v: Record<Verdict, number>, minSample: number): Satisfaction {
  const sample = v.satisfied + v.basically_satisfied + v.unsatisfied
  return {
    rate: sample === 0 ? null : (v.satisfied + v.basically_satisfied) / sample,
    sample,
    satisfied: v.satisfied,
    basicallySatisfied: v.basically_satisfied,
    unsatisfied: v.unsatisfied,
    ranked: sample >= minSample,
  }
}

/** The earlier of two local dates. */
function earlier(a: string, b: string): string {
  if (b < a) return b
  return a
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * Replays one concern's events that still count and reports its first response, its finish,
 * whether every deadline on the way was met, and its status and last update as of a date.
 */
function replay(c: RecordConcern, events: readonly RecordEvent[], asOf: string) {
  let due: { on: string } | null = { on: c.firstResponseDueOn }
  let missed = false
  let firstResponse: RecordEvent | null = null
  let finish: RecordEvent | null = null
  let status: ConcernStatus = 'received'
  let lastUpdate = c.receivedOn
  for (const e of events) {
    if (e.date > asOf) break
    if (!NOT_AN_UPDATE.has(e.action)) lastUpdate = e.date
    status = e.toStatus
    if (!firstResponse && e.fromStatus === 'received' && FIRST_RESPONSES.has(e.toStatus)) firstResponse = e
    const next: { on: string } | null =
      e.detail.due !== undefined ? e.detail.due : isOpen(e.toStatus) ? due : null
    if (next !== due) {
      if (due && e.date > due.on) missed = true
      due = next
    }
    // A verdict on a concern answered on the spot closes what was already finished: not a new finish.
    if (FINISHED.has(e.toStatus) && !(e.fromStatus && FINISHED.has(e.fromStatus))) finish = e
  }
  return { firstResponse, finish, missed, status, lastUpdate }
}

/** Computes the record of one scope over a period. Pure: everything it needs is in `input`. */
export function computeRecord(input: RecordInput): DeputyRecord {
  const { from, to } = input.period
  const asOf = earlier(to, input.today)
  const inPeriod = (d: string) => d >= from && d <= to

  const byConcern = new Map<number, RecordEvent[]>()
  for (const e of input.events) {
    const list = byConcern.get(e.concernId) ?? []
    list.push(e)
    byConcern.set(e.concernId, list)
  }
  for (const list of byConcern.values()) list.sort((a, b) => a.at - b.at || a.id - b.id)

  const responseDays: number[] = []
  let waiting = 0
  let finishedInTime = 0
  let open = 0
  let stale = 0
  let suggestions = 0
  const verdicts: Record<Verdict, number> = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }
  const judged = new Set<number>()
  const reopened = new Set<number>()
  const weeks = new Map<string, { received: number; finished: number }>()
  const week = (date: string) => {
    const key = weekStart(date)
    const w = weeks.get(key) ?? { received: 0, finished: 0 }
    weeks.set(key, w)
    return w
  }
  for (let d = weekStart(from); d <= to; d = addDays(d, 7)) week(d)

  const receivedIds: number[] = []
  const finishedIds: number[] = []
  let noShowNoContact = 0
  for (const c of input.concerns) {
    const events = effectiveEvents(byConcern.get(c.id) ?? [])
    // Whenever it happened: the outcome is final, so the figures never count it and then drop it.
    if (events.some((e) => e.toStatus === 'no_show_no_contact')) {
      if (inPeriod(c.receivedOn)) noShowNoContact++
      continue
    }
    const r = replay(c, events, asOf)
    if (inPeriod(c.receivedOn)) {
      receivedIds.push(c.id)
      week(c.receivedOn).received++
      if (r.firstResponse) {
        responseDays.push(workingDaysBetween(c.receivedOn, r.firstResponse.date, input.calendar(c.stationId)))
      } else if (r.status !== 'duplicate' && r.status !== 'withdrawn') {
        waiting++
      }
    }
    if (r.finish && inPeriod(r.finish.date)) {
      finishedIds.push(c.id)
      week(r.finish.date).finished++
      if (!r.missed) finishedInTime++
    }
    if (c.receivedOn <= asOf && isOpen(r.status)) {
      open++
      if (daysBetween(r.lastUpdate, asOf) >= STALE_DAYS) stale++
    }
    for (const e of events) {
      if (!inPeriod(e.date) || e.date > asOf) continue
      if (e.toStatus === 'suggestion' && e.fromStatus !== 'suggestion') suggestions++
      if (e.action === 'verdict' && e.detail.verdict) {
        verdicts[e.detail.verdict]++
        judged.add(c.id)
        if (e.detail.verdict === 'unsatisfied') reopened.add(c.id)
      }
    }
  }

  const days = (rows: readonly RecordDay[]) =>
    new Set(
      rows
        .filter((r) => inPeriod(r.date) && r.date <= asOf)
        .map((r) => `${r.deputyId}|${r.stationId}|${r.date}`),
    )
  const scheduled = days(input.scheduled)
  const held = new Set([...days(input.present), ...days(input.served)])

  return {
    period: { from, to, asOf },
    receptions: {
      scheduled: scheduled.size,
      held: held.size,
      heldScheduled: [...held].filter((k) => scheduled.has(k)).length,
    },
    residentsReceived: input.served.filter((r) => inPeriod(r.date) && r.date <= asOf).length,
    concernsReceived: receivedIds.length,
    noShowNoContact,
    firstResponse: { medianWorkingDays: median(responseDays), responded: responseDays.length, waiting },
    closedWithinDeadline: share(finishedInTime, finishedIds.length),
    satisfaction: satisfactionOf(verdicts, input.minSatisfactionSample),
    reopened: share(reopened.size, judged.size),
    staleOpen: share(stale, open),
    formalSuggestions: suggestions,
    weeks: [...weeks]
      .filter(([k]) => k >= weekStart(from) && k <= to)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([weekStart, w]) => ({ weekStart, ...w })),
    concernIds: { received: receivedIds, finished: finishedIds },
  }
}

/**
 * Ranks rows by their record's satisfaction, highest first (more verdicts first on a tie of
 * rates, which still share a rank). A row under the minimum sample gets no rank (null) and is
 * listed after the ranked ones, in the order given.
 */
export function rankBySatisfaction<R extends { record: Pick<DeputyRecord, 'satisfaction'> }>(
  rows: readonly R[],
): (R & { rank: number | null })[] {
  const sat = (r: R) => r.record.satisfaction
  const ranked = rows
    .filter((r) => sat(r).ranked && sat(r).rate !== null)
    .sort((a, b) => sat(b).rate! - sat(a).rate! || sat(b).sample - sat(a).sample)
  const out: (R & { rank: number | null })[] = []
  ranked.forEach((r, i) => {
    const prev = out[i - 1]
    const tie = prev !== undefined && sat(ranked[i - 1]!).rate === sat(r).rate
    out.push({ ...r, rank: tie ? prev.rank : i + 1 })
  })
  for (const r of rows) if (!ranked.includes(r)) out.push({ ...r, rank: null })
  return out
}
