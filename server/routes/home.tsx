import { Hono } from 'hono'
import { listStations } from '../../db/queries/stations.ts'
import type { HomeLink } from '../../views/pages/home-page.tsx'
import { HomePage } from '../../views/pages/home-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import type { AppEnv } from '../env.ts'

/** Screens of one station that a clerk (or an admin acting as one) uses. */
const stationLinks = (id: number): HomeLink[] => [
  { href: `/staff/stations/${id}/today`, label: 'home.link.today' },
  { href: `/staff/stations/${id}/intake`, label: 'home.link.intake' },
  { href: `/staff/stations/${id}/roster`, label: 'home.link.roster' },
  { href: `/staff/stations/${id}/concerns`, label: 'followup.nav.concerns' },
  { href: `/staff/stations/${id}/callbacks`, label: 'followup.nav.callbacks' },
  { href: `/staff/stations/${id}/reception`, label: 'booking.nav.label' },
]

const personalLinks = (a: Account): HomeLink[] => [
  { href: '/console', label: 'home.link.console' },
  { href: '/me/duty', label: 'home.link.myDuty' },
  ...(a.deputyId !== null ? [{ href: '/concerns/mine', label: 'followup.mine.title' } as const] : []),
  {
    href: a.deputyId !== null ? `/records/deputies/${a.deputyId}` : '/records',
    label: 'followup.nav.records',
  },
  ...(a.deputyId !== null ? [{ href: '/deputy/reception', label: 'booking.nav.myDays' } as const] : []),
  { href: '/coverage', label: 'coverage.nav' },
  ...(a.role === 'admin' ? [{ href: '/admin', label: 'nav.admin' } as const] : []),
]

export function homeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.get('/', (c) => {
    const account = c.get('account')!
    const ids = account.role === 'admin' ? undefined : account.role === 'staff' ? account.stationIds : []
    const stations = listStations(deps.db, ids).map((s) => ({
      id: s.id,
      name: `${s.code} · ${c.get('i18n').name(s)}`,
      links: stationLinks(s.id),
    }))
    return renderPage(c, <HomePage personal={personalLinks(account)} stations={stations} />)
  })
  return app
}
