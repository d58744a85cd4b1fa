import type { Queryable } from './client.ts'
import { connectionOf } from './data-versions.ts'
import { PgFacade } from './pg/sqlite-facade.ts'
import { type DeferredStatement, PG_RECONNECTED } from './pg/sync-connection.ts'

/** Messages between the app processes that share one PostgreSQL database. */
export type ChangeChannel = {
  send(message: unknown): void
  /** `onGap`: the link to the other processes was down for a while; messages may have been missed. */
  listen(fn: (message: unknown) => void, onGap: () => void): () => void
}

const NOTIFY = 'select pg_notify($1, $2)'
/** PostgreSQL refuses a notification payload of 8,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_900

/**
 * The channel `name` between processes, or undefined on SQLite (one process serves a SQLite
 * file). A message sent inside a transaction is delivered when it commits, and to the other
 * processes only: each channel object ignores what it sent itself.
 */
export function changeChannel(db: Queryable, name: 'liaison_queue'): ChangeChannel | undefined {
  const client = connectionOf(db) as unknown
  if (!(client instanceof PgFacade)) return undefined
  const origin = `${process.pid}.${Math.random().toString(36).slice(2)}`
  const encode = (messages: unknown[]) => JSON.stringify({ s: client.schema, o: origin, m: messages })
  let open: { statement: DeferredStatement; messages: unknown[] } | undefined
  return {
    send(message) {
      if (!client.inTransaction) {
        client.query(NOTIFY, [name, encode([message])])
        return
      }
      // PostgreSQL delivers a notification made in a transaction when it commits: inside one, the
      // messages travel together as one notification with the transaction's next statement.
      if (open && client.connection.stillDeferred(open.statement)) {
        const joined = encode([...open.messages, message])
        if (Buffer.byteLength(joined) <= MAX_PAYLOAD_BYTES) {
          open.messages.push(message)
          open.statement.params![1] = joined
          return
        }
      }
      open = {
        statement: client.connection.defer(client.schema, NOTIFY, [name, encode([message])]),
        messages: [message],
      }
    },
    listen(fn, onGap) {
      const onMessage = (payload: string) => {
        const { s, o, m } = JSON.parse(payload) as { s: string; o: string; m: unknown[] }
        if (s === client.schema && o !== origin) for (const message of m) fn(message)
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
