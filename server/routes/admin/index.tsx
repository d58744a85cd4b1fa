import { Hono } from 'hono'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { accountRoutes } from './accounts.tsx'
import { topicRoutes, unitRoutes } from './catalogue.tsx'
import { closureRoutes } from './closures.tsx'
import { deputyRoutes } from './deputies.tsx'
import { districtRoutes } from './districts.tsx'
import { stationRoutes } from './stations.tsx'

/** Administration screens (admin role only, by the access table); each area is its own sub-app. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.route('/stations', stationRoutes(deps))
  app.route('/districts', districtRoutes(deps))
  app.route('/deputies', deputyRoutes(deps))
  app.route('/accounts', accountRoutes(deps))
  app.route('/units', unitRoutes(deps))
  app.route('/topics', topicRoutes(deps))
  app.route('/closures', closureRoutes(deps))
  return app
}
