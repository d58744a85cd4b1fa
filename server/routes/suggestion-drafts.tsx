import { Hono } from 'hono'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'

/** Suggestions (issue 18): routes of helper B. */
export function suggestionDraftRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>()
  return app
}
