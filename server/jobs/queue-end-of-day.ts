import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { addConcernEvent, findConcernById, openConcernCounts } from '../../db/queries/concerns.ts'
import {
  assignConcern,
  moveTicket,
  recordVisitOutcome,
  unfinishedTicketsBefore,
} from '../../db/queries/queue.ts'
import { presentDeputies } from '../../db/queries/queue-presence.ts'
import { deputies, stations } from '../../db/schema.ts'
import type { AppDeps } from '../deps.ts'
import { afterWalkInNoShow } from '../domain/concern-lifecycle.ts'
import { ticketLabel } from '../domain/queue-order.ts'
import { localDate } from '../domain/time.ts'
import { announceQueueChange } from '../events/queue-commands.ts'
import { defineJob } from './runner.ts'

export type QueueEndOfDayResult = {
  carriedOver: number
  unassigned: number
  /** Walk-ins never called whose resident left no phone: closed as no_show_no_contact. */
  noShowNoContact: number
  summary: string
}

/**
 * End of a station's day (DESIGN §4.2): a walk-in ticket of an earlier local day that was never
 * served and whose resident left no phone closes as a no-show and its concern as
 * no_show_no_contact (issue 15: nobody can reach them). Every other ticket of an earlier day that
 * was never served (still waiting, called or parked) closes as `carried_over`, and its concern stays open in the
 * backlog of its deputy — the one who called it, else the one asked for, else the present (or
 * home) deputy with the fewest open concerns — with a timeline note. Nothing is dropped. Running
 * it again finds nothing left to do, so it is safe at start-up and after a missed night.
 */
export function runQueueEndOfDay(deps: Pick<AppDeps, 'db'>, now: Date): QueueEndOfDayResult {
  const { db } = deps
  let carriedOver = 0
  let unassigned = 0
  let noShowNoContact = 0
  for (const station of db.select().from(stations).all()) {
    const today = localDate(now, station.timeZone)
    const moved = db.transaction((tx) => {
      let n = 0
      for (const ticket of unfinishedTicketsBefore(tx, station.id, today)) {
        const open = findConcernById(tx, ticket.concernId)
        if (open && afterWalkInNoShow(open, ticket.kind) === 'no_show_no_contact') {
          // Nobody to give it to and nobody to call: it ends apart, counted in no figure.
          const row = moveTicket(
            tx,
            { ticketId: ticket.id, stationId: station.id, from: ['waiting', 'called', 'parked'] },
            { status: 'no_show', finishedAt: now },
            now,
          )
          if (!row) continue
          n += 1
          noShowNoContact += 1
          recordVisitOutcome(
            tx,
            open.id,
            'no_show',
            { kind: 'system' },
            `${ticketLabel(station.code, ticket.number)} · ${ticket.localDate}`,
            now,
            ticket.kind,
          )
          continue
        }
        const row = moveTicket(
          tx,
          { ticketId: ticket.id, stationId: station.id, from: ['waiting', 'called', 'parked'] },
          { status: 'carried_over', finishedAt: now },
          now,
        )
        if (!row) continue
        n += 1
        const concern = findConcernById(tx, ticket.concernId)
        const deputyId =
          ticket.calledDeputyId ??
          concern?.deputyId ??
          ticket.deputyId ??
          leastBusy(
            tx,
            presentDeputies(tx, station.id, ticket.localDate).map((d) => d.deputyId),
          ) ??
          leastBusy(
            tx,
            tx
              .select({ id: deputies.id })
              .from(deputies)
              .where(eq(deputies.homeStationId, station.id))
              .all()
              .map((d) => d.id),
          )
        const note = `${ticketLabel(station.code, ticket.number)} · ${ticket.localDate}`
        if (deputyId === null) {
          // No deputy to give it to: it stays open with the station, unassigned, for the clerk.
          unassigned += 1
          if (concern)
            addConcernEvent(tx, concern.id, now, {
              action: 'carried_over',
              actor: { kind: 'system' },
              fromStatus: concern.status,
              toStatus: concern.status,
              note,
            })
          continue
        }
        assignConcern(tx, ticket.concernId, deputyId, 'carried_over', { kind: 'system' }, now, note)
      }
      return n
    })
    if (moved > 0) announceQueueChange(db, station.id, 'carried_over')
    carriedOver += moved
  }
  carriedOver -= noShowNoContact
  return {
    carriedOver,
    unassigned,
    noShowNoContact,
    summary: `${carriedOver} unserved ticket(s) carried over to deputies' backlogs, ${noShowNoContact} closed as no-show without contact`,
  }
}

function leastBusy(tx: Tx, ids: number[]): number | null {
  if (ids.length === 0) return null
  const counts = openConcernCounts(tx, ids)
  return [...ids].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || a - b)[0] ?? null
}

/** Hourly, so every station's day is closed soon after its own local midnight, whatever its zone. */
export const queueEndOfDayJob = defineJob({
  name: 'queue-end-of-day',
  cron: '5 * * * *',
  catchUp: 'latest',
  title: (t) => t('jobs.job.queueEndOfDay'),
  run: (deps, now) => runQueueEndOfDay(deps, now).summary,
})
