import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** The peer's address for rate limits; 'local' when there is no socket (app.request in tests). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local'
  } catch {
    return 'local'
  }
}
