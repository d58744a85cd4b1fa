import { Hono } from 'hono'
import { z } from 'zod'
import { TRIAGE_RULES } from '../../../db/enums.ts'
import {
  createStation,
  listStreets,
  type StreetChoice,
  updateStation,
} from '../../../db/queries/admin-stations.ts'
import { findStation, listStations } from '../../../db/queries/stations.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { T } from '../../../views/i18n/index.ts'
import { LOCALES } from '../../../views/i18n/locales.ts'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import { StationFormPage, StationListPage } from '../../../views/pages/admin/station-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import { normalizePhone } from '../../domain/masking.ts'
import { isTimeZone } from '../../domain/time.ts'
import type { AppEnv } from '../../env.ts'
import { f, parseForm } from '../../validation.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm, tryUnique } from './shared.ts'

const stationForm = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{1,3}$/, 'admin.stations.codeFormat')),
  nameZhHans: f.text(80),
  nameZhHant: f.optionalText(80),
  nameEn: f.optionalText(80),
  address: f.optionalText(200),
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'error.invalidTimeZone'),
  phone: f.optionalText(40).refine((v) => v === '' || normalizePhone(v).ok, 'admin.stations.phoneFormat'),
  openingHoursZhHans: f.optionalText(120),
  openingHoursZhHant: f.optionalText(120),
  openingHoursEn: f.optionalText(120),
  // Absent only from hand-made posts; the form always sends one.
  defaultLocale: z.enum(LOCALES).optional(),
  defaultLargeText: f.checkbox(),
  // Absent only from hand-made posts (the column's default then stays).
  phoneTriage: z.enum(TRIAGE_RULES).optional(),
  active: f.checkbox(),
})

const streetIdForm = z.object({ streetId: f.id() })
const streetNameForm = z.object({ streetName: f.text(80) })

export function stationRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) => renderPage(c, <StationListPage rows={listStations(db)} notice={savedNotice(c)} />))

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number) => (
    <StationFormPage id={id} values={values} errors={errors} streets={listStreets(db)} />
  )

  app.get('/new', (c) =>
    renderPage(
      c,
      form({
        timeZone: deps.config.defaultTimeZone,
        defaultLocale: deps.config.defaultLocale,
        phoneTriage: 'after_review',
        active: 'on',
        streetId: '',
      }),
    ),
  )

  /** Which street the form chose; with one street there is nothing to choose. */
  const pickStreet = (
    body: unknown,
    t: T,
  ): { ok: true; street: StreetChoice } | { ok: false; errors: FieldErrors } => {
    const streets = listStreets(db)
    if (streets.length === 1) return { ok: true, street: { streetId: streets[0]!.id } }
    if (streets.length === 0) {
      const p = parseForm(streetNameForm, body, t)
      return p.ok ? { ok: true, street: { newStreetName: p.data.streetName } } : p
    }
    const p = parseForm(streetIdForm, body, t)
    if (!p.ok) return p
    if (!streets.some((s) => s.id === p.data.streetId))
      return { ok: false, errors: { streetId: t('error.unknownChoice') } }
    return { ok: true, street: { streetId: p.data.streetId } }
  }

  app.post('/', async (c) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(stationForm, body, t)
    const street = pickStreet(body, t)
    if (!parsed.ok || !street.ok) {
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...(street.ok ? {} : street.errors) }
      return renderPage(c, form(formValues(body), errors), 422)
    }
    const written = tryUnique(() => createStation(db, parsed.data, street.street, actorId(c), clock.now()))
    if (!written.ok)
      return renderPage(c, form(formValues(body), { code: t('admin.stations.codeTaken') }), 422)
    return c.redirect('/admin/stations?saved=created', 303)
  })

  app.get('/:id{[0-9]+}', (c) => {
    const station = findStation(db, idParam(c) ?? 0)
    if (!station) return c.notFound()
    const values: FormValues = {
      code: station.code,
      nameZhHans: station.nameZhHans,
      nameZhHant: station.nameZhHant,
      nameEn: station.nameEn,
      address: station.address,
      timeZone: station.timeZone,
      phone: station.phone,
      openingHoursZhHans: station.openingHoursZhHans,
      openingHoursZhHant: station.openingHoursZhHant,
      openingHoursEn: station.openingHoursEn,
      defaultLocale: station.defaultLocale,
      defaultLargeText: station.defaultLargeText ? 'on' : '',
      phoneTriage: station.phoneTriage,
      streetId: String(station.streetId),
      active: station.active ? 'on' : '',
    }
    return renderPage(c, form(values, {}, station.id))
  })

  app.post('/:id{[0-9]+}', async (c) => {
    const { t } = c.get('i18n')
    const station = findStation(db, idParam(c) ?? 0)
    if (!station) return c.notFound()
    const body = await readForm(c)
    const parsed = parseForm(stationForm, body, t)
    const street = pickStreet(body, t)
    if (!parsed.ok || !street.ok) {
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...(street.ok ? {} : street.errors) }
      return renderPage(c, form(formValues(body), errors, station.id), 422)
    }
    const streetId = 'streetId' in street.street ? street.street.streetId : station.streetId
    const written = tryUnique(() =>
      updateStation(db, station.id, { ...parsed.data, streetId }, actorId(c), clock.now()),
    )
    if (!written.ok)
      return renderPage(c, form(formValues(body), { code: t('admin.stations.codeTaken') }, station.id), 422)
    return c.redirect('/admin/stations?saved=updated', 303)
  })

  return app
}
