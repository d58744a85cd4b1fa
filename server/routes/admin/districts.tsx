import { type Context, Hono } from 'hono'
import { z } from 'zod'
import {
  createDistrict,
  findDistrict,
  listDistricts,
  updateDistrict,
} from '../../../db/queries/admin-districts.ts'
import { findStation, listStations } from '../../../db/queries/stations.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import { DistrictFormPage, DistrictListPage } from '../../../views/pages/admin/district-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { f, parseForm } from '../../validation.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm, tryUnique } from './shared.ts'

const districtForm = z.object({
  nameZhHans: f.text(60),
  nameZhHant: f.optionalText(60),
  nameEn: f.optionalText(60),
  stationId: f.id(),
})

export function districtRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    renderPage(
      c,
      <DistrictListPage rows={listDistricts(db)} stations={listStations(db)} notice={savedNotice(c)} />,
    ),
  )

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number) => (
    <DistrictFormPage id={id} values={values} errors={errors} stations={listStations(db)} />
  )

  app.get('/new', (c) => renderPage(c, form({})))

  /** Validates the form and its station; the write itself may still meet the unique name. */
  const save = async (c: Context<AppEnv>, id?: number) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(districtForm, body, t)
    const station = parsed.ok ? findStation(db, parsed.data.stationId) : undefined
    if (!parsed.ok || !station) {
      const errors = parsed.ok ? { stationId: t('error.unknownChoice') } : parsed.errors
      return renderPage(c, form(formValues(body), errors, id), 422)
    }
    const input = { ...parsed.data, streetId: station.streetId }
    const now = clock.now()
    const written = tryUnique(() =>
      id ? updateDistrict(db, id, input, actorId(c), now) : createDistrict(db, input, actorId(c), now),
    )
    if (!written.ok)
      return renderPage(c, form(formValues(body), { nameZhHans: t('error.duplicate') }, id), 422)
    return c.redirect(`/admin/districts?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))

  app.get('/:id{[0-9]+}', (c) => {
    const d = findDistrict(db, idParam(c) ?? 0)
    if (!d) return c.notFound()
    const values: FormValues = {
      nameZhHans: d.nameZhHans,
      nameZhHant: d.nameZhHant,
      nameEn: d.nameEn,
      stationId: d.stationId ? String(d.stationId) : '',
    }
    return renderPage(c, form(values, {}, d.id))
  })

  app.post('/:id{[0-9]+}', (c) => {
    const d = findDistrict(db, idParam(c) ?? 0)
    if (!d) return c.notFound()
    return save(c, d.id)
  })

  return app
}
