import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import { awaitsVerdict } from '../../server/domain/concern-follow-up.ts'
import { afterWalkInNoShow, checkTransition } from '../../server/domain/concern-lifecycle.ts'
import { callsSinceLastPriority, orderQueue, type QueueEntry } from '../../server/domain/queue-order.ts'
import type { Queryable } from '../client.ts'
import { inChunks, preparedFor, preparedForRows, rowParams, rowPlaceholder } from '../prepared.ts'
import { concerns, deputies, queueTickets, type TicketOutcome, type TicketStatus, topics } from '../schema.ts'
import { type Actor, addConcernEvent } from './concerns.ts'
import { queueSettings } from './queue-presence.ts'

export type TicketRow = typeof queueTickets.$inferSelect

// Every walk-in runs these: built once per row count, run with placeholders.
/**
 * The last number of each station day given: one index seek each (a max() over the unique index's
 * prefix). Filtering all the days' tickets with OR and grouping them read every ticket of those
 * days instead: 4.9 ms against 0.1 ms for 50 days of 400 tickets on SQLite.
 */
const lastNumbers = preparedForRows((db, k) => {
  const days = sql.join(
    Array.from(
      { length: k },
      (_, i) => sql`(${rowPlaceholder('stationId', i)}, ${rowPlaceholder('localDate', i)})`,
    ),
    sql`, `,
  )
  // A VALUES list's columns are column1, column2… on both SQLite and PostgreSQL.
  return db
    .select({
      stationId: sql<number>`d.column1`,
      localDate: sql<string>`d.column2`,
      n: sql<
        number | null
      >`(select max(${queueTickets.number}) from ${queueTickets} where ${queueTickets.stationId} = d.column1 and ${queueTickets.localDate} = d.column2)`,
    })
    .from(sql`(values ${days}) as d`)
    .prepare()
})

const insertTicketRows = preparedForRows((db, k) =>
  db
    .insert(queueTickets)
    .values(
      Array.from({ length: k }, (_, i) => {
        const p = (name: string) => rowPlaceholder(name, i)
        return {
          stationId: p('stationId'),
          localDate: p('localDate'),
          number: p('number'),
          concernId: p('concernId'),
          kind: p('kind'),
          // drizzle's timestamp encoder cannot take null through a placeholder: milliseconds are given.
          slotAt: sql`${p('slotAtMs')}`,
          priority: p('priority'),
          deputyId: p('deputyId'),
          status: 'waiting' as const,
          arrivedAt: p('arrivedAt'),
          createdAt: p('createdAt'),
          updatedAt: p('updatedAt'),
        }
      }),
    )
    .returning()
    .prepare(),
)

export type NewTicket = {
  stationId: number
  localDate: string
  concernId: number
  deputyId: number | null
  priority: boolean
  kind?: 'walk_in' | 'booking'
  slotAt?: Date | null
}

/**
 * Gives concerns the next numbers of their station's day, in their order; returned in their order.
 * Must run inside the caller's (immediate) transaction; the unique index (station, date, number)
 * stops a duplicate if anything ever races.
 */
export function insertTickets(db: Queryable, ts: readonly NewTicket[], now: Date): TicketRow[] {
  const dayOf = (t: { stationId: number; localDate: string }) => `${t.stationId}|${t.localDate}`
  const days = [
    ...new Map(ts.map((t) => [dayOf(t), { stationId: t.stationId, localDate: t.localDate }])).values(),
  ]
  const last = new Map(
    inChunks(days, (chunk) => lastNumbers(db, chunk.length).all(rowParams(chunk))).map((r) => [
      dayOf(r),
      r.n ?? 0,
    ]),
  )
  const values = ts.map((t) => {
    const number = (last.get(dayOf(t)) ?? 0) + 1
    last.set(dayOf(t), number)
    return {
      stationId: t.stationId,
      localDate: t.localDate,
      number,
      concernId: t.concernId,
      kind: t.kind ?? 'walk_in',
      slotAtMs: t.slotAt?.getTime() ?? null,
      priority: t.priority,
      deputyId: t.deputyId,
      arrivedAt: now,
      createdAt: now,
      updatedAt: now,
    }
  })
  const byConcern = new Map(
    inChunks(values, (chunk) => insertTicketRows(db, chunk.length).all(rowParams(chunk))).map((r) => [
      r.concernId,
      r,
    ]),
  )
  return ts.map((t) => byConcern.get(t.concernId)!)
}

export type QueueTicket = TicketRow & {
  topic: { nameZhHans: string; nameZhHant: string; nameEn: string }
  concern: {
    trackingCode: string
    deputyId: number | null
    description: string | null
    residentName: string | null
    callbackPhone: string | null
  }
  deputyName: string | null
}

const ticketColumns = {
  ticket: queueTickets,
  topic: { nameZhHans: topics.nameZhHans, nameZhHant: topics.nameZhHant, nameEn: topics.nameEn },
  concern: {
    trackingCode: concerns.trackingCode,
    deputyId: concerns.deputyId,
    description: concerns.description,
    residentName: concerns.residentName,
    callbackPhone: concerns.callbackPhone,
  },
  deputyName: deputies.name,
}

type JoinedRow = {
  ticket: TicketRow
  topic: QueueTicket['topic']
  concern: QueueTicket['concern']
  deputyName: string | null
}
const flatten = (r: JoinedRow): QueueTicket => ({
  ...r.ticket,
  topic: r.topic,
  concern: r.concern,
  deputyName: r.deputyName,
})

/** A station's tickets for a local date, optionally only some statuses, in issue order. */
/** The day's tickets query for one set of statuses, prepared once: consoles and boards poll it. */
const dayTicketQuery = (statuses?: readonly TicketStatus[]) =>
  preparedFor((db) =>
    db
      .select(ticketColumns)
      .from(queueTickets)
      .innerJoin(concerns, eq(concerns.id, queueTickets.concernId))
      .innerJoin(topics, eq(topics.id, concerns.topicId))
      .leftJoin(deputies, eq(deputies.id, queueTickets.calledDeputyId))
      .where(
        and(
          eq(queueTickets.stationId, sql.placeholder('stationId')),
          eq(queueTickets.localDate, sql.placeholder('date')),
          statuses ? inArray(queueTickets.status, [...statuses]) : undefined,
        ),
      )
      .orderBy(asc(queueTickets.number))
      .prepare(),
  )
const dayTicketQueries = new Map<string, ReturnType<typeof dayTicketQuery>>()

export function dayTickets(
  db: Queryable,
  stationId: number,
  date: string,
  statuses?: TicketStatus[],
): QueueTicket[] {
  const key = statuses?.join(',') ?? '*'
  let query = dayTicketQueries.get(key)
  if (!query) {
    query = dayTicketQuery(statuses && [...statuses])
    dayTicketQueries.set(key, query)
  }
  return query(db).all({ stationId, date }).map(flatten)
}

export const findTicketByConcern = (db: Queryable, concernId: number) =>
  db.select().from(queueTickets).where(eq(queueTickets.concernId, concernId)).get()

const asEntry = (t: TicketRow): QueueEntry & { deputyId: number | null } => ({
  id: t.id,
  kind: t.kind,
  priority: t.priority,
  arrivedAt: t.arrivedAt.getTime(),
  slotAt: t.slotAt?.getTime() ?? null,
  deputyId: t.deputyId,
})

/** The station's waiting tickets in calling order (DESIGN §4.2; server/domain/queue-order.ts). */
export function orderedWaiting(db: Queryable, stationId: number, date: string, now: Date): QueueTicket[] {
  const waiting = dayTickets(db, stationId, date, ['waiting'])
  const byId = new Map(waiting.map((t) => [t.id, t]))
  const order = orderQueue(waiting.map(asEntry), orderRule(db, stationId, date, now))
  return order.map((e) => byId.get(e.id)!)
}

const calledInOrder = preparedFor((db) =>
  db
    .select({ priority: queueTickets.priority })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.stationId, sql.placeholder('stationId')),
        eq(queueTickets.localDate, sql.placeholder('date')),
        isNotNull(queueTickets.firstCalledAt),
      ),
    )
    .orderBy(asc(queueTickets.firstCalledAt), asc(queueTickets.id))
    .prepare(),
)

function orderRule(db: Queryable, stationId: number, date: string, now: Date) {
  const called = calledInOrder(db).all({ stationId, date })
  return {
    priorityEvery: queueSettings(db, stationId).priorityEvery,
    calledSinceLastPriority: callsSinceLastPriority(called),
    now: now.getTime(),
  }
}

/**
 * The deputy's latest served ticket of the day, when it was answered on the spot and its concern
 * still waits for the resident's verdict: what the console's "ask for the verdict now" is about.
 */
export function lastAnsweredTicket(db: Queryable, stationId: number, date: string, deputyId: number) {
  const row = db
    .select({ ticket: queueTickets, concern: concerns, topic: topics })
    .from(queueTickets)
    .innerJoin(concerns, eq(concerns.id, queueTickets.concernId))
    .innerJoin(topics, eq(topics.id, concerns.topicId))
    .where(
      and(
        eq(queueTickets.stationId, stationId),
        eq(queueTickets.localDate, date),
        eq(queueTickets.calledDeputyId, deputyId),
        eq(queueTickets.status, 'served'),
      ),
    )
    .orderBy(desc(queueTickets.finishedAt), desc(queueTickets.id))
    .get()
  return row?.ticket.outcome === 'answered' && awaitsVerdict(row.concern.status) ? row : undefined
}

/** The concern of a station's ticket, if the ticket is that station's. */
export function ticketConcern(db: Queryable, stationId: number, ticketId: number) {
  return db
    .select({ concern: concerns })
    .from(queueTickets)
    .innerJoin(concerns, eq(concerns.id, queueTickets.concernId))
    .where(and(eq(queueTickets.id, ticketId), eq(queueTickets.stationId, stationId)))
    .get()?.concern
}

/** The ticket a deputy is serving now at a station, if any. */
export function currentTicketOf(db: Queryable, stationId: number, date: string, deputyId: number) {
  return db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.stationId, stationId),
        eq(queueTickets.localDate, date),
        eq(queueTickets.calledDeputyId, deputyId),
        eq(queueTickets.status, 'called'),
      ),
    )
    .get()
}

/**
 * Calls the first waiting ticket this deputy may take (asked for them, or for whoever is present)
 * in queue order. The UPDATE is guarded by `status = 'waiting'`, so even outside a transaction two
 * callers can never both get the same ticket; run it inside an immediate transaction so the order
 * it read is the order it acts on.
 */
export function claimNextTicket(
  db: Queryable,
  a: { stationId: number; date: string; deputyId: number; place: string },
  now: Date,
): TicketRow | null {
  const waiting = db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.stationId, a.stationId),
        eq(queueTickets.localDate, a.date),
        eq(queueTickets.status, 'waiting'),
      ),
    )
    .all()
  const order = orderQueue(waiting.map(asEntry), orderRule(db, a.stationId, a.date, now))
  for (const next of order) {
    if (next.deputyId !== null && next.deputyId !== a.deputyId) continue
    const row = db
      .update(queueTickets)
      .set({
        status: 'called',
        calledDeputyId: a.deputyId,
        place: a.place,
        firstCalledAt: sql`coalesce(${queueTickets.firstCalledAt}, ${now.getTime()})`,
        lastCalledAt: now,
        callCount: sql`${queueTickets.callCount} + 1`,
        updatedAt: now,
      })
      .where(and(eq(queueTickets.id, next.id), eq(queueTickets.status, 'waiting')))
      .returning()
      .get()
    if (row) return row
  }
  return null
}

/**
 * Moves one ticket of a station from one of `from` to `to` (guarded, so a stale screen cannot
 * act on a ticket someone else already moved). Returns the updated row or null.
 */
export function moveTicket(
  db: Queryable,
  where: { ticketId: number; stationId: number; from: TicketStatus[]; calledDeputyId?: number },
  set: SQLiteUpdateSetSource<typeof queueTickets> & { status: TicketStatus },
  now: Date,
): TicketRow | null {
  return (
    db
      .update(queueTickets)
      .set({ ...set, updatedAt: now })
      .where(
        and(
          eq(queueTickets.id, where.ticketId),
          eq(queueTickets.stationId, where.stationId),
          inArray(queueTickets.status, where.from),
          where.calledDeputyId === undefined
            ? undefined
            : eq(queueTickets.calledDeputyId, where.calledDeputyId),
        ),
      )
      .returning()
      .get() ?? null
  )
}

/** SQL for "one more call" on a ticket. */
export const oneMoreCall = () => sql`${queueTickets.callCount} + 1`

/** Assigns a ticket's concern to a deputy (when called or transferred) with a timeline entry. */
export function assignConcern(
  db: Queryable,
  concernId: number,
  deputyId: number,
  action: 'called' | 'transferred' | 'carried_over',
  actor: Actor,
  now: Date,
  note = '',
) {
  const c = db.select().from(concerns).where(eq(concerns.id, concernId)).get()
  if (!c) return
  db.update(concerns).set({ deputyId, updatedAt: now }).where(eq(concerns.id, concernId)).run()
  addConcernEvent(db, concernId, now, { action, actor, fromStatus: c.status, toStatus: c.status, note })
}

/** Records the end of a visit on the concern: answered on the spot, or kept for follow-up. */
export function recordVisitOutcome(
  db: Queryable,
  concernId: number,
  outcome: TicketOutcome | 'no_show',
  actor: Actor,
  note: string,
  now: Date,
  ticketKind: 'walk_in' | 'booking' = 'walk_in',
) {
  const c = db.select().from(concerns).where(eq(concerns.id, concernId)).get()
  if (!c) return
  // The lifecycle table decides whether a visit can answer it on the spot (only from 'received'),
  // and what a walk-in's no-show without a phone becomes.
  const to =
    outcome === 'no_show'
      ? afterWalkInNoShow(c, ticketKind)
      : outcome === 'answered' && checkTransition(c.status, 'answered').ok
        ? 'answered'
        : c.status
  if (to !== c.status)
    db.update(concerns).set({ status: to, updatedAt: now }).where(eq(concerns.id, concernId)).run()
  addConcernEvent(db, concernId, now, {
    action: outcome === 'no_show' ? 'no_show' : 'served',
    actor,
    fromStatus: c.status,
    toStatus: to,
    note,
  })
}

/** Tickets of days before `beforeDate` (per station) that nobody finished. */
export function unfinishedTicketsBefore(db: Queryable, stationId: number, beforeDate: string) {
  return db
    .select()
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.stationId, stationId),
        lt(queueTickets.localDate, beforeDate),
        inArray(queueTickets.status, ['waiting', 'called', 'parked']),
      ),
    )
    .orderBy(asc(queueTickets.localDate), asc(queueTickets.number))
    .all()
}
