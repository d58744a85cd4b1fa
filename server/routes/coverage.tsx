import { type Context, Hono } from 'hono'
import { coverageDistricts, deputiesOfDistricts, districtIdsOfDeputy } from '../../db/queries/coverage.ts'
import { deputiesOfStations, followUpSettings, streetById } from '../../db/queries/followup.ts'
import { findPlace } from '../../db/queries/places.ts'
import { DeputyCoveragePage } from '../../views/pages/coverage/deputy-page.tsx'
import { DistrictCoveragePage } from '../../views/pages/coverage/district-page.tsx'
import { CoverageGridPage } from '../../views/pages/coverage/grid-page.tsx'
import { renderPage } from '../../views/render.tsx'
import {
  deputiesCoverage,
  deputyCoverageOf,
  districtCoverage,
  kindMonthChart,
  placeGrid,
} from '../coverage-figures.ts'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import { asOfDate } from '../domain/coverage.ts'
import { localDate } from '../domain/time.ts'
import { addDays, monthRange } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { idParam, parseId } from '../validation.ts'
import { parsePeriod } from './records.tsx'

/** With no period asked for, coverage looks at the current month and the two before it. */
export function coveragePeriod(query: { from?: string; to?: string }, today: string) {
  if (!query.from && !query.to) {
    const first = monthRange(addDays(monthRange(today.slice(0, 7)).first, -40).slice(0, 7)).first
    return { period: { from: first, to: monthRange(today.slice(0, 7)).last } }
  }
  return parsePeriod(query, today)
}

/** The districts an account may see: admin all, staff their stations', a deputy their own. */
function visibleDistricts(db: AppDeps['db'], account: Account) {
  if (account.role === 'admin') return coverageDistricts(db)
  if (account.role === 'staff') return coverageDistricts(db, { stationIds: account.stationIds })
  if (account.deputyId === null) return []
  const own = new Set(districtIdsOfDeputy(db, account.deputyId))
  return coverageDistricts(db).filter((d) => own.has(d.id))
}

/**
 * Coverage pages (issue 17 item 5): per district, per deputy and per street grid, computed by
 * server/coverage-figures.ts from visits, placed concerns and bookings.
 */
export function coverageRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const today = () => localDate(clock.now(), deps.config.defaultTimeZone)

  const periodOf = (c: Context<AppEnv>) => {
    const asked = coveragePeriod({ from: c.req.query('from'), to: c.req.query('to') }, today())
    const { from, to } = asked.period
    const half = { from, to: addDays(to, 1) }
    return {
      half,
      shown: { from, to, asOf: asOfDate(half, today()) },
      error: asked.error ? c.get('i18n').t(asked.error) : undefined,
    }
  }

  app.get('/coverage', (c) => {
    const account = c.get('account')!
    const { name, t } = c.get('i18n')
    const settings = followUpSettings(db)
    const p = periodOf(c)
    const districts = visibleDistricts(db, account)
    const asked = parseId(c.req.query('district'))
    const current = asked === null ? districts[0] : districts.find((d) => d.id === asked)
    if (asked !== null && !current) return rejectRequest(c, 404, 'error.notFound.body')
    const cov = current
      ? districtCoverage(db, [current.id], p.half, today(), settings.unreachedDays)
      : { places: [], rows: [], events: [] }
    const seeDeputy = (id: number) =>
      account.role === 'admin' ||
      (account.role === 'deputy'
        ? account.deputyId === id
        : deputiesOfStations(db, account.stationIds).some((d) => d.id === id))
    const deputies = current
      ? deputiesCoverage(db, [current.id], p.half, today(), settings.minSatisfactionSample).filter((d) =>
          seeDeputy(d.deputy.id),
        )
      : []
    return renderPage(
      c,
      <DistrictCoveragePage
        heading={current ? t('coverage.districtTitle', { name: name(current) }) : t('coverage.title')}
        districts={districts.map((d) => ({ id: d.id, name: name(d), current: d.id === current?.id }))}
        districtId={current?.id ?? null}
        period={p.shown}
        unreachedDays={settings.unreachedDays}
        rows={cov.rows.map((r) => ({ ...r, name: name(r.place), kind: r.place.kind }))}
        chart={kindMonthChart(cov, p.half, today())}
        deputies={deputies.map((d) => ({
          id: d.deputy.id,
          name: d.deputy.name,
          placesReached: d.coverage.placesReached,
          placesOfDistricts: d.coverage.placesOfDistricts,
        }))}
        gridHref={
          current ? `/coverage/grid?street=${current.streetId}&from=${p.shown.from}&to=${p.shown.to}` : null
        }
        error={p.error}
      />,
      p.error ? 422 : 200,
    )
  })

  app.get('/coverage/deputy/:id{[0-9]+}', (c) => {
    const account = c.get('account')!
    const id = idParam(c) ?? 0
    const { t, name } = c.get('i18n')
    const settings = followUpSettings(db)
    const p = periodOf(c)
    const view = deputyCoverageOf(db, id, p.half, today(), settings.minSatisfactionSample)
    if (!view) return rejectRequest(c, 404, 'error.notFound.body')
    const allowed =
      account.role === 'admin' ||
      (account.role === 'deputy'
        ? account.deputyId === id
        : deputiesOfStations(db, account.stationIds).some((d) => d.id === id) ||
          deputiesOfDistricts(
            db,
            visibleDistricts(db, account).map((d) => d.id),
          ).some((d) => d.id === id))
    if (!allowed) return rejectRequest(c, 403, 'followup.error.forbidden')
    const placeNames = Object.fromEntries(view.places.map((pl) => [pl.id, name(pl)]))
    for (const pid of [view.coverage.topPlace?.placeId, ...view.coverage.ownPlaces.placeIds]) {
      const outside = pid === undefined || pid in placeNames ? undefined : findPlace(db, pid)
      if (outside) placeNames[outside.id] = name(outside)
    }
    return renderPage(
      c,
      <DeputyCoveragePage
        heading={t('coverage.deputyTitle', { name: view.deputy.name })}
        base={c.req.path}
        period={p.shown}
        coverage={view.coverage}
        placeNames={placeNames}
        minSample={settings.minSatisfactionSample}
        unreachedDays={settings.unreachedDays}
        error={p.error}
      />,
      p.error ? 422 : 200,
    )
  })

  app.get('/coverage/grid', (c) => {
    const account = c.get('account')!
    const { t, name } = c.get('i18n')
    const streetId = parseId(c.req.query('street'))
    const street = streetId === null ? undefined : streetById(db, streetId)
    if (!street) return rejectRequest(c, 404, 'error.notFound.body')
    const districts = visibleDistricts(db, account).filter((d) => d.streetId === street.id)
    if (!districts.length) return rejectRequest(c, 403, 'followup.error.forbidden')
    const settings = followUpSettings(db)
    const p = periodOf(c)
    const cov = districtCoverage(
      db,
      districts.map((d) => d.id),
      p.half,
      today(),
      settings.unreachedDays,
    )
    const grid = placeGrid(cov, p.half, today())
    const districtName = new Map(districts.map((d) => [d.id, name(d)]))
    const byId = new Map(cov.places.map((pl) => [pl.id, pl]))
    return renderPage(
      c,
      <CoverageGridPage
        heading={t('coverage.gridTitle', { name: name(street) })}
        streetId={street.id}
        period={p.shown}
        months={grid.months}
        rows={grid.rows.map((r) => {
          const pl = byId.get(r.placeId)!
          return {
            placeId: r.placeId,
            name: name(pl),
            kind: pl.kind,
            district: districtName.get(pl.districtId) ?? '',
            reached: r.reached,
          }
        })}
        unreachedDays={settings.unreachedDays}
        error={p.error}
      />,
      p.error ? 422 : 200,
    )
  })

  return app
}
