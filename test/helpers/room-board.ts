import type { Db } from '../../db/client.ts'
import { localDate } from '../../server/domain/time.ts'
import { callTicket, submitConcern } from '../../server/events/queue-commands.ts'
import { kioskWalkIn, markPresent, STATION_A } from './queue.ts'

const system = { kind: 'system' } as const

/**
 * A busy morning on station A's board: `called` deputies present (in 接待室 1…n), each serving a
 * ticket they called through the one call path, and `waiting` tickets behind them.
 */
export function fillBoard(t: { db: Db; clock: { now: () => Date } }, called = 6, waiting = 20) {
  const now = t.clock.now()
  const date = localDate(now, 'Asia/Shanghai')
  const deputyIds = Array.from({ length: called }, (_, i) => i + 1)
  markPresent(t, STATION_A, deputyIds)
  for (let i = 0; i < called + waiting; i++)
    submitConcern(t.db, { ...kioskWalkIn(STATION_A, date), actor: system }, now)
  for (const deputyId of deputyIds) callDeputy(t, deputyId)
}

/** Deputy `deputyId` calls the next ticket, or recalls `ticketId`, as the console does. */
export function callDeputy(t: { db: Db; clock: { now: () => Date } }, deputyId: number, recall?: number) {
  const now = t.clock.now()
  const result = callTicket(
    t.db,
    {
      stationId: STATION_A,
      date: localDate(now, 'Asia/Shanghai'),
      deputyId,
      actor: system,
      mode: recall ? { kind: 'recall', ticketId: recall } : { kind: 'next' },
    },
    now,
  )
  if (!result.ok) throw new Error(`call failed: ${result.reason}`)
  return result.ticket
}
