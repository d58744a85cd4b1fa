import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { findDeputy, listDeputies, MAX_INTRO, saveDeputy } from '../../../db/queries/admin-deputies.ts'
import { listDistricts } from '../../../db/queries/admin-districts.ts'
import { findPlace, listPlaces } from '../../../db/queries/places.ts'
import { findStation, listStations } from '../../../db/queries/stations.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import { DeputyFormPage, DeputyListPage } from '../../../views/pages/admin/deputy-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { f, parseForm } from '../../validation.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm } from './shared.ts'

const deputyForm = z.object({
  name: f.text(40),
  title: f.optionalText(100),
  homeStationId: f.id(),
  districtIds: f.ids(),
  active: f.checkbox(),
  introZhHans: f.optionalText(MAX_INTRO),
  introZhHant: f.optionalText(MAX_INTRO),
  introEn: f.optionalText(MAX_INTRO),
  workUnitPlaceId: f.optionalId().transform((v) => v ?? null),
  homePlaceId: f.optionalId().transform((v) => v ?? null),
})

export function deputyRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    renderPage(
      c,
      <DeputyListPage
        rows={listDeputies(db)}
        stations={listStations(db)}
        districts={listDistricts(db)}
        notice={savedNotice(c)}
      />,
    ),
  )

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number) => (
    <DeputyFormPage
      id={id}
      values={values}
      errors={errors}
      stations={listStations(db)}
      districts={listDistricts(db)}
      places={listPlaces(db, { includeInactive: true })}
    />
  )

  app.get('/new', (c) => renderPage(c, form({ active: 'on' })))

  const save = async (c: Context<AppEnv>, id?: number) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(deputyForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok) {
      if (!findStation(db, parsed.data.homeStationId)) errors.homeStationId = t('error.unknownChoice')
      const known = new Set(listDistricts(db).map((d) => d.id))
      if (parsed.data.districtIds.some((d) => !known.has(d))) errors.districtIds = t('error.unknownChoice')
      for (const field of ['workUnitPlaceId', 'homePlaceId'] as const) {
        const placeId = parsed.data[field]
        if (placeId !== null && !findPlace(db, placeId)) errors[field] = t('error.unknownChoice')
      }
    }
    if (!parsed.ok || Object.keys(errors).length > 0)
      return renderPage(c, form(formValues(body), errors, id), 422)
    saveDeputy(db, id, parsed.data, actorId(c), clock.now())
    return c.redirect(`/admin/deputies?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))

  app.get('/:id{[0-9]+}', (c) => {
    const d = findDeputy(db, idParam(c) ?? 0)
    if (!d) return c.notFound()
    const values: FormValues = {
      name: d.name,
      title: d.title,
      homeStationId: String(d.homeStationId),
      districtIds: d.districtIds.map(String),
      active: d.active ? 'on' : '',
      introZhHans: d.introZhHans,
      introZhHant: d.introZhHant,
      introEn: d.introEn,
      workUnitPlaceId: d.workUnitPlaceId ? String(d.workUnitPlaceId) : '',
      homePlaceId: d.homePlaceId ? String(d.homePlaceId) : '',
    }
    return renderPage(c, form(values, {}, d.id))
  })

  app.post('/:id{[0-9]+}', (c) => {
    const d = findDeputy(db, idParam(c) ?? 0)
    if (!d) return c.notFound()
    return save(c, d.id)
  })

  return app
}
