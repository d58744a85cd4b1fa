import { Hono } from 'hono'
import { listStations } from '../../db/queries/stations.ts'
import { HomePage } from '../../views/pages/home-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'

export function homeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.get('/', (c) => {
    const account = c.var.account!
    const stations = listStations(deps.db, account.role === 'admin' ? undefined : account.stationIds)
    const links = stations.map((s) => ({
      href: account.role === 'admin' ? `/admin/stations/${s.id}` : '',
      label: `${s.code} · ${c.var.i18n.name(s)}`,
    }))
    return renderPage(c, <HomePage stations={links} />)
  })
  return app
}
