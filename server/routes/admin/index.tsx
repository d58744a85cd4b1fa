import { Hono } from 'hono'
import { adminCounts } from '../../../db/queries/admin-overview.ts'
import { AdminIndexPage } from '../../../views/pages/admin/admin-index-page.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { accountRoutes } from './accounts.tsx'
import { auditRoutes } from './audit.tsx'
import { topicRoutes, unitRoutes } from './catalogue.tsx'
import { closureRoutes } from './closures.tsx'
import { deputyRoutes } from './deputies.tsx'
import { deputyPhotoRoutes } from './deputy-photo.tsx'
import { districtRoutes } from './districts.tsx'
import { kioskAdminRoutes } from './kiosks.tsx'
import { placeRoutes } from './places.tsx'
import { stationRoutes } from './stations.tsx'

/** Administration screens (admin role only, by the access table); each area is its own sub-app. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const { db } = deps

  app.get('/', (c) => renderPage(c, <AdminIndexPage counts={adminCounts(db)} />))

  app.route('/stations', stationRoutes(deps))
  app.route('/districts', districtRoutes(deps))
  app.route('/deputies', deputyRoutes(deps))
  app.route('/deputies', deputyPhotoRoutes(deps))
  app.route('/places', placeRoutes(deps))
  app.route('/accounts', accountRoutes(deps))
  app.route('/units', unitRoutes(deps))
  app.route('/topics', topicRoutes(deps))
  app.route('/closures', closureRoutes(deps))
  app.route('/kiosks', kioskAdminRoutes(deps))
  app.route('/audit', auditRoutes(deps))
  return app
}
