/**
 * In-process publish/subscribe for queue changes, one bus per database handle. Display boards and
 * consoles subscribe through their SSE routes; every queue change publishes after its transaction
 * has committed. Keyed by the database so each test app (and the one real server) has its own.
 */

import { type ChangeChannel, changeChannel } from '../../db/change-channel.ts'
import type { Queryable } from '../../db/client.ts'

export type QueueChangeKind =
  | 'issued'
  | 'called'
  | 'recalled'
  | 'finished'
  | 'transferred'
  | 'parked'
  | 'presence'
  | 'settings'
  | 'carried_over'
  /** A kiosk called for staff, or a clerk took such a call (not a queue change, same listeners). */
  | 'staff_call'
  /** The link to the other app processes is back after a gap: anything may have changed. */
  | 'resync'

export type QueueChange = { stationId: number; kind: QueueChangeKind; ticketId?: number }
type Listener = (change: QueueChange) => void

export class QueueBus {
  readonly #listeners = new Map<number, Set<Listener>>()
  readonly #versions = new Map<number, number>()

  /** How many changes a station has published: equal numbers, same queue. */
  version(stationId: number): number {
    return this.#versions.get(stationId) ?? 0
  }

  /** Listens to one station's changes; returns the unsubscribe function. */
  subscribe(stationId: number, listener: Listener): () => void {
    let set = this.#listeners.get(stationId)
    if (!set) {
      set = new Set()
      this.#listeners.set(stationId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.#listeners.get(stationId) === set) this.#listeners.delete(stationId)
    }
  }

  constructor(private readonly channel?: ChangeChannel) {}

  publish(change: QueueChange) {
    this.publishLocally(change)
    this.channel?.send(change)
  }

  /** A change published here, or by another process on the same database. */
  publishLocally(change: QueueChange) {
    this.#versions.set(change.stationId, this.version(change.stationId) + 1)
    for (const listener of [...(this.#listeners.get(change.stationId) ?? [])]) {
      try {
        listener(change)
      } catch {
        // One broken subscriber must not stop the others or the caller's request.
      }
    }
  }

  /** Tells every listening station to look again (changes made elsewhere may have been missed). */
  resync() {
    for (const stationId of [...this.#listeners.keys()]) this.publishLocally({ stationId, kind: 'resync' })
  }

  listenerCount(stationId: number) {
    return this.#listeners.get(stationId)?.size ?? 0
  }
}

const buses = new WeakMap<object, QueueBus>()

/**
 * The bus that belongs to this database handle. On PostgreSQL, where several app processes share
 * the database, each change also travels to the other processes' buses, so a board connected to
 * one process hears a call made on a console served by another.
 */
export function queueBus(db: Queryable): QueueBus {
  let bus = buses.get(db)
  if (!bus) {
    const channel = changeChannel(db, 'liaison_queue')
    bus = new QueueBus(channel)
    channel?.listen(
      (change) => bus!.publishLocally(change as QueueChange),
      () => bus!.resync(),
    )
    buses.set(db, bus)
  }
  return bus
}
