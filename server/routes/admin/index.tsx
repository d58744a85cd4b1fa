import { count } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Db } from '../../../db/client.ts'
import {
  accounts,
  closures,
  deputies,
  districts,
  handlingUnits,
  kiosks,
  stations,
  topics,
} from '../../../db/schema.ts'
import { AdminIndexPage } from '../../../views/pages/admin/admin-index-page.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { accountRoutes } from './accounts.tsx'
import { auditRoutes } from './audit.tsx'
import { topicRoutes, unitRoutes } from './catalogue.tsx'
import { closureRoutes } from './closures.tsx'
import { deputyRoutes } from './deputies.tsx'
import { districtRoutes } from './districts.tsx'
import { kioskAdminRoutes } from './kiosks.tsx'
import { stationRoutes } from './stations.tsx'

type Counted =
  | typeof stations
  | typeof districts
  | typeof deputies
  | typeof accounts
  | typeof handlingUnits
  | typeof topics
  | typeof closures
  | typeof kiosks
const rows = (db: Db, table: Counted) => db.select({ n: count() }).from(table).get()?.n ?? 0

/** Administration screens (admin role only, by the access table); each area is its own sub-app. */
export function adminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const { db } = deps

  app.get('/', (c) =>
    renderPage(
      c,
      <AdminIndexPage
        counts={{
          stations: rows(db, stations),
          districts: rows(db, districts),
          deputies: rows(db, deputies),
          accounts: rows(db, accounts),
          units: rows(db, handlingUnits),
          topics: rows(db, topics),
          closures: rows(db, closures),
          kiosks: rows(db, kiosks),
        }}
      />,
    ),
  )

  app.route('/stations', stationRoutes(deps))
  app.route('/districts', districtRoutes(deps))
  app.route('/deputies', deputyRoutes(deps))
  app.route('/accounts', accountRoutes(deps))
  app.route('/units', unitRoutes(deps))
  app.route('/topics', topicRoutes(deps))
  app.route('/closures', closureRoutes(deps))
  app.route('/kiosks', kioskAdminRoutes(deps))
  app.route('/audit', auditRoutes(deps))
  return app
}
