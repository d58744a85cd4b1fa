import type { Queryable } from './client.ts'
import { connectionOf } from './data-versions.ts'
import { PgFacade } from './pg/sqlite-facade.ts'
import { PG_RECONNECTED } from './pg/sync-connection.ts'

/** Messages between the app processes that share one PostgreSQL database. */
export type ChangeChannel = {
  send(message: unknown): void
  /** `onGap`: the link to the other processes was down for a while; messages may have been missed. */
  listen(fn: (message: unknown) => void, onGap: () => void): () => void
}

const NOTIFY = 'select pg_notify($1, $2)'

/**
 * The channel `name` between processes, or undefined on SQLite (one process serves a SQLite
 * file). A message sent inside a transaction is delivered when it commits, and to the other
 * processes only: each channel object ignores what it sent itself.
 */
export function changeChannel(db: Queryable, name: 'liaison_queue'): ChangeChannel | undefined {
  const client = connectionOf(db) as unknown
  if (!(client instanceof PgFacade)) return undefined
  const origin = `${process.pid}.${Math.random().toString(36).slice(2)}`
  return {
    send(message) {
      const params = [name, JSON.stringify({ s: client.schema, o: origin, m: message })]
      // PostgreSQL delivers a notification made in a transaction when it commits: inside one it
      // travels with the next statement instead of costing a round trip of its own.
      if (client.inTransaction) client.connection.defer(client.schema, NOTIFY, params)
      else client.query(NOTIFY, params)
    },
    listen(fn, onGap) {
      const onMessage = (payload: string) => {
        const { s, o, m } = JSON.parse(payload) as { s: string; o: string; m: unknown }
        if (s === client.schema && o !== origin) fn(m)
      }
      const { notifications } = client.connection
      notifications.on(name, onMessage)
      notifications.on(PG_RECONNECTED, onGap)
      return () => {
        notifications.off(name, onMessage)
        notifications.off(PG_RECONNECTED, onGap)
      }
    },
  }
}
