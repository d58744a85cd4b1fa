import type { Db, Tx } from '../../db/client.ts'
import { finishBookingOfTicket } from '../../db/queries/bookings.ts'
import {
  type Actor,
  type ConcernRow,
  findConcernsBySubmissionKeys,
  insertConcerns,
} from '../../db/queries/concerns.ts'
import {
  assignConcern,
  claimNextTicket,
  currentTicketOf,
  findTicketByConcern,
  insertTickets,
  moveTicket,
  oneMoreCall,
  recordVisitOutcome,
  type TicketRow,
} from '../../db/queries/queue.ts'
import { isPresent } from '../../db/queries/queue-presence.ts'
import type { ConcernChannel, TicketOutcome, TriageState } from '../../db/schema.ts'
import { queueBus } from './queue-bus.ts'

/*
 * Every change to a station's queue goes through these functions: each updates the database in
 * one transaction and then publishes on the queue bus, so display boards and consoles hear of it
 * whichever screen (or API) made it.
 */

const IMMEDIATE = { behavior: 'immediate' } as const

export type CallMode =
  | { kind: 'next' }
  | { kind: 'recall'; ticketId: number }
  | { kind: 'resume'; ticketId: number }
export type QueueFailure = 'not_present' | 'busy' | 'empty' | 'not_found'
export type QueueResult =
  | { ok: true; ticket: TicketRow }
  | { ok: false; reason: QueueFailure; current?: TicketRow }

type ConsoleAction = { stationId: number; date: string; deputyId: number; actor: Actor }

/**
 * THE call path: "call next", "recall" and "resume a parked ticket" all end here, for every
 * screen. The ticket changes atomically (see claimNextTicket) and the call reaches the display.
 */
export function callTicket(db: Db, a: ConsoleAction & { mode: CallMode }, now: Date): QueueResult {
  const result = db.transaction((tx): QueueResult => {
    const presence = isPresent(tx, a.stationId, a.date, a.deputyId)
    if (!presence) return { ok: false, reason: 'not_present' }
    const current = currentTicketOf(tx, a.stationId, a.date, a.deputyId)
    if (a.mode.kind === 'recall') {
      const row = moveTicket(
        tx,
        { ticketId: a.mode.ticketId, stationId: a.stationId, from: ['called'], calledDeputyId: a.deputyId },
        { status: 'called', lastCalledAt: now, callCount: oneMoreCall() },
        now,
      )
      return row ? { ok: true, ticket: row } : { ok: false, reason: 'not_found' }
    }
    if (current) return { ok: false, reason: 'busy', current }
    if (a.mode.kind === 'resume') {
      const row = moveTicket(
        tx,
        { ticketId: a.mode.ticketId, stationId: a.stationId, from: ['parked'], calledDeputyId: a.deputyId },
        { status: 'called', lastCalledAt: now, place: presence.place, callCount: oneMoreCall() },
        now,
      )
      return row ? { ok: true, ticket: row } : { ok: false, reason: 'not_found' }
    }
    const row = claimNextTicket(
      tx,
      { stationId: a.stationId, date: a.date, deputyId: a.deputyId, place: presence.place },
      now,
    )
    if (!row) return { ok: false, reason: 'empty' }
    assignConcern(tx, row.concernId, a.deputyId, 'called', a.actor, now)
    return { ok: true, ticket: row }
  }, IMMEDIATE)
  if (result.ok) {
    queueBus(db).publish({
      stationId: a.stationId,
      kind: a.mode.kind === 'recall' ? 'recalled' : 'called',
      ticketId: result.ticket.id,
    })
  }
  return result
}

/** Ends the visit of the deputy's current ticket: served (with outcome and note) or no-show. */
export function finishTicket(
  db: Db,
  a: ConsoleAction & { ticketId: number; outcome: TicketOutcome | 'no_show'; note: string },
  now: Date,
): QueueResult {
  const result = db.transaction((tx): QueueResult => {
    const row = moveTicket(
      tx,
      { ticketId: a.ticketId, stationId: a.stationId, from: ['called'], calledDeputyId: a.deputyId },
      a.outcome === 'no_show'
        ? { status: 'no_show', finishedAt: now }
        : { status: 'served', outcome: a.outcome, finishedAt: now },
      now,
    )
    if (!row) return { ok: false, reason: 'not_found' }
    recordVisitOutcome(tx, row.concernId, a.outcome, a.actor, a.note, now, row.kind)
    finishBookingOfTicket(tx, row, now)
    return { ok: true, ticket: row }
  }, IMMEDIATE)
  if (result.ok) queueBus(db).publish({ stationId: a.stationId, kind: 'finished', ticketId: a.ticketId })
  return result
}

/** Puts the deputy's current ticket aside (the resident stepped out); resume calls it again. */
export function parkTicket(db: Db, a: ConsoleAction & { ticketId: number }, now: Date): QueueResult {
  const result = db.transaction((tx): QueueResult => {
    const row = moveTicket(
      tx,
      { ticketId: a.ticketId, stationId: a.stationId, from: ['called'], calledDeputyId: a.deputyId },
      { status: 'parked' },
      now,
    )
    return row ? { ok: true, ticket: row } : { ok: false, reason: 'not_found' }
  }, IMMEDIATE)
  if (result.ok) queueBus(db).publish({ stationId: a.stationId, kind: 'parked', ticketId: a.ticketId })
  return result
}

/**
 * Hands the deputy's current (or parked) ticket to another deputy present today. It goes back to
 * waiting with its original arrival time, so it keeps its place in the queue.
 */
export function transferTicket(
  db: Db,
  a: ConsoleAction & { ticketId: number; toDeputyId: number; note: string },
  now: Date,
): QueueResult {
  const result = db.transaction((tx): QueueResult => {
    if (a.toDeputyId === a.deputyId || !isPresent(tx, a.stationId, a.date, a.toDeputyId))
      return { ok: false, reason: 'not_present' }
    const row = moveTicket(
      tx,
      {
        ticketId: a.ticketId,
        stationId: a.stationId,
        from: ['called', 'parked'],
        calledDeputyId: a.deputyId,
      },
      { status: 'waiting', deputyId: a.toDeputyId, calledDeputyId: null, place: '' },
      now,
    )
    if (!row) return { ok: false, reason: 'not_found' }
    assignConcern(tx, row.concernId, a.toDeputyId, 'transferred', a.actor, now, a.note)
    return { ok: true, ticket: row }
  }, IMMEDIATE)
  if (result.ok) queueBus(db).publish({ stationId: a.stationId, kind: 'transferred', ticketId: a.ticketId })
  return result
}

export type NewWalkIn = {
  stationId: number
  localDate: string
  topicId: number
  channel: ConcernChannel
  /** Queue it (someone is present) or put it straight into `deputyId`'s backlog. */
  queue: boolean
  deputyId: number | null
  priority: boolean
  description: string
  callbackPhone: string | null
  residentName?: string | null
  placeId?: number | null
  visitId?: number | null
  triage?: TriageState | null
  smsConsent?: boolean
  submissionKey: string | null
  kioskId: number | null
  actor: Actor
  /** A checked-in booking queues as 'booking' at its slot's start (queue-order.ts). */
  kind?: 'walk_in' | 'booking'
  slotAt?: Date | null
  /** Runs inside the same transaction once the ticket is issued; throwing writes nothing. */
  alsoInTransaction?: (tx: Tx, issued: { concern: ConcernRow; ticket: TicketRow | null }) => void
}

export type WalkInResult = { concern: ConcernRow; ticket: TicketRow | null; replayed: boolean }

/**
 * Records a concern raised at a station and, when it is queued, gives it today's next number. A
 * repeated submission key (double tap, retry) returns what the first submission created.
 */
export function submitConcern(db: Db, n: NewWalkIn, now: Date): WalkInResult {
  return submitConcerns(db, [n], now)[0]!
}

/**
 * submitConcern for walk-ins that arrived together (a group commit's), in one transaction: each
 * kind of row is written for all of them in one statement, so the cost in round trips to the
 * database does not grow with their number. Numbers are given in their order; a key repeated
 * among them is a repeat of its first.
 */
export function submitConcerns(db: Db, ns: readonly NewWalkIn[], now: Date): WalkInResult[] {
  const results = db.transaction((tx): WalkInResult[] => {
    const keys = [...new Set(ns.flatMap((n) => (n.submissionKey ? [n.submissionKey] : [])))]
    const earlier = findConcernsBySubmissionKeys(tx, keys)
    const replay = (concern: ConcernRow) => ({
      concern,
      ticket: findTicketByConcern(tx, concern.id) ?? null,
      replayed: true,
    })
    const fresh: NewWalkIn[] = []
    const firstOfKey = new Set<string>()
    for (const n of ns) {
      if (n.submissionKey && (earlier.has(n.submissionKey) || firstOfKey.has(n.submissionKey))) continue
      if (n.submissionKey) firstOfKey.add(n.submissionKey)
      fresh.push(n)
    }
    const made = insertConcerns(
      tx,
      fresh.map((n) => ({
        stationId: n.stationId,
        topicId: n.topicId,
        channel: n.channel,
        deputyId: n.deputyId,
        description: n.description,
        callbackPhone: n.callbackPhone,
        residentName: n.residentName ?? null,
        placeId: n.placeId ?? null,
        visitId: n.visitId ?? null,
        triage: n.triage ?? null,
        smsConsent: n.smsConsent ?? false,
        receivedOn: n.localDate,
        submissionKey: n.submissionKey,
        kioskId: n.kioskId,
        actor: n.actor,
      })),
      now,
    )
    const queued = fresh.flatMap((n, i) =>
      n.queue
        ? [
            {
              stationId: n.stationId,
              localDate: n.localDate,
              concernId: made[i]!.id,
              deputyId: n.deputyId,
              priority: n.priority,
              kind: n.kind,
              slotAt: n.slotAt,
            },
          ]
        : [],
    )
    const tickets = new Map(insertTickets(tx, queued, now).map((t) => [t.concernId, t]))
    const byKey = new Map<string, WalkInResult>()
    const issued = new Map<NewWalkIn, WalkInResult>()
    fresh.forEach((n, i) => {
      const concern = made[i]!
      const result = { concern, ticket: tickets.get(concern.id) ?? null, replayed: false }
      n.alsoInTransaction?.(tx, { concern, ticket: result.ticket })
      issued.set(n, result)
      if (n.submissionKey) byKey.set(n.submissionKey, result)
    })
    return ns.map((n) => {
      const own = issued.get(n)
      if (own) return own
      const first = byKey.get(n.submissionKey!)
      return first ? { ...first, replayed: true } : replay(earlier.get(n.submissionKey!)!)
    })
  }, IMMEDIATE)
  ns.forEach((n, i) => {
    const r = results[i]!
    if (r.ticket && !r.replayed)
      queueBus(db).publish({ stationId: n.stationId, kind: 'issued', ticketId: r.ticket.id })
  })
  return results
}

/** Tells boards and consoles that something around the queue changed (presence, rules). */
export function announceQueueChange(
  db: Db,
  stationId: number,
  kind: 'presence' | 'settings' | 'carried_over',
) {
  queueBus(db).publish({ stationId, kind })
}
