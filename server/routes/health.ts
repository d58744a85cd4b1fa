import { Hono } from 'hono'
import { checkDb } from '../../db/client.ts'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'

export function healthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.get('/healthz', (c) => {
    const ok = checkDb(deps.db)
    return c.json({ status: ok ? 'ok' : 'error', database: ok ? 'ok' : 'unreachable' }, ok ? 200 : 503)
  })
  return app
}
