import { Hono } from 'hono'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'

/** Administration screens; each area is its own sub-app mounted here. */
export function adminRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>()
  return app
}
