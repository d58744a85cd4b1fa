import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { PLACE_KINDS, PLACE_SECTORS, type PlaceKind } from '../../../db/enums.ts'
import { listDistricts } from '../../../db/queries/admin-districts.ts'
import {
  importPlaces,
  type PlaceFields,
  savePlace,
  setPlaceActive,
} from '../../../db/queries/admin-places.ts'
import { findPlace, listPlaces, searchPlaces } from '../../../db/queries/places.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import { PlaceFormPage, PlaceImportPage, PlaceListPage } from '../../../views/pages/admin/place-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import {
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  MAX_PLACE_ADDRESS,
  MAX_PLACE_COUNT,
  MAX_PLACE_NAME,
  placeShapeProblems,
} from '../../domain/place-rules.ts'
import type { AppEnv } from '../../env.ts'
import { f, parseForm, parseId, parseWhole } from '../../validation.ts'
import { readCsvUpload } from './csv-upload.ts'
import { savedNotice } from './notices.ts'
import { MAX_PLACES_CSV_BYTES, parsePlaceCsv, placeKey, SHAPE_MESSAGE } from './place-csv.ts'
import { actorId, formValues, idParam, readForm, tryUnique } from './shared.ts'

/** How many places one list page shows; the filters narrow a register of thousands. */
const LIST_LIMIT = 200

const count = () => f.optionalWhole(MAX_PLACE_COUNT, 'admin.places.badCount')
const placeForm = z.object({
  nameZhHans: f.text(MAX_PLACE_NAME),
  nameZhHant: f.optionalText(MAX_PLACE_NAME),
  nameEn: f.optionalText(MAX_PLACE_NAME),
  kind: z.enum(PLACE_KINDS, { message: 'error.unknownChoice' }),
  districtId: f.id(),
  sector: z
    .union([z.literal(''), z.enum(PLACE_SECTORS)], { message: 'error.unknownChoice' })
    .optional()
    .transform((v) => v || null),
  address: f.optionalText(MAX_PLACE_ADDRESS),
  latitude: f.optionalDecimal(...LATITUDE_RANGE, 'admin.places.badLatitude'),
  longitude: f.optionalDecimal(...LONGITUDE_RANGE, 'admin.places.badLongitude'),
  households: count(),
  residents: count(),
  employees: count(),
  students: count(),
})

const isKind = (k: string | undefined): k is PlaceKind => (PLACE_KINDS as readonly string[]).includes(k ?? '')
const text = (n: number | null) => (n === null ? '' : String(n))

export function placeRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) => {
    const { t } = c.get('i18n')
    const districts = listDistricts(db)
    const districtId = parseId(c.req.query('district'))
    const known = districtId !== null && districts.some((d) => d.id === districtId)
    const kind = c.req.query('kind')
    const q = (c.req.query('q') ?? '').trim().slice(0, MAX_PLACE_NAME)
    const filter = {
      includeInactive: true,
      ...(known ? { districtIds: [districtId] } : {}),
      ...(isKind(kind) ? { kind } : {}),
    }
    const all = q ? searchPlaces(db, q, Number.MAX_SAFE_INTEGER, filter) : listPlaces(db, filter)
    const shown = c.req.query('state')
    const notice =
      c.req.query('imported') !== undefined
        ? t('admin.places.imported', { count: parseWhole(c.req.query('imported')) ?? 0 })
        : shown === 'deactivated'
          ? t('admin.places.deactivated')
          : shown === 'reactivated'
            ? t('admin.places.reactivated')
            : savedNotice(c)
    return renderPage(
      c,
      <PlaceListPage
        rows={all.slice(0, LIST_LIMIT)}
        total={all.length}
        filter={{ districtId: known ? String(districtId) : '', kind: isKind(kind) ? kind : '', q }}
        districts={districts}
        notice={notice}
      />,
    )
  })

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number, active?: boolean) => (
    <PlaceFormPage id={id} active={active} values={values} errors={errors} districts={listDistricts(db)} />
  )

  app.get('/new', (c) => renderPage(c, form({})))

  const save = async (c: Context<AppEnv>, id?: number, active?: boolean) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const again = (errors: FieldErrors) => renderPage(c, form(formValues(body), errors, id, active), 422)
    const parsed = parseForm(placeForm, body, t)
    if (!parsed.ok) return again(parsed.errors)
    const data: PlaceFields = parsed.data
    const errors: FieldErrors = {}
    if (!listDistricts(db).some((d) => d.id === data.districtId)) errors.districtId = t('error.unknownChoice')
    for (const p of placeShapeProblems(data)) errors[p.field] = t(SHAPE_MESSAGE[p.problem])
    if (Object.keys(errors).length) return again(errors)
    const written = tryUnique(() => savePlace(db, id, data, actorId(c), clock.now()))
    if (!written.ok) return again({ nameZhHans: t('admin.places.taken') })
    return c.redirect(`/admin/places?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))

  app.get('/:id{[0-9]+}', (c) => {
    const p = findPlace(db, idParam(c) ?? 0)
    if (!p) return c.notFound()
    const values: FormValues = {
      nameZhHans: p.nameZhHans,
      nameZhHant: p.nameZhHant,
      nameEn: p.nameEn,
      kind: p.kind,
      districtId: String(p.districtId),
      sector: p.sector ?? '',
      address: p.address,
      latitude: text(p.latitude),
      longitude: text(p.longitude),
      households: text(p.households),
      residents: text(p.residents),
      employees: text(p.employees),
      students: text(p.students),
    }
    return renderPage(c, form(values, {}, p.id, p.active))
  })

  app.post('/:id{[0-9]+}', (c) => {
    const p = findPlace(db, idParam(c) ?? 0)
    return p ? save(c, p.id, p.active) : c.notFound()
  })

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const)
    app.post(`/:id{[0-9]+}/${path}`, (c) => {
      const p = findPlace(db, idParam(c) ?? 0)
      if (!p) return c.notFound()
      if (p.active !== active) setPlaceActive(db, p, active, actorId(c), clock.now())
      return c.redirect(`/admin/places?state=${active ? 'reactivated' : 'deactivated'}`, 303)
    })

  app.get('/import', (c) => renderPage(c, <PlaceImportPage />))

  app.post('/import', async (c) => {
    const { t } = c.get('i18n')
    const upload = await readCsvUpload(c, await readForm(c), MAX_PLACES_CSV_BYTES)
    if (!upload.ok)
      return renderPage(c, <PlaceImportPage text={upload.pasted} formError={upload.message} />, 422)
    const registered = new Set(
      listPlaces(db, { includeInactive: true }).map((p) => placeKey(p.districtId, p.nameZhHans)),
    )
    const parsed = parsePlaceCsv(upload.text, listDistricts(db), registered, t)
    if (!parsed.ok) return renderPage(c, <PlaceImportPage text={upload.pasted} errors={parsed.errors} />, 422)
    const written = tryUnique(() => importPlaces(db, parsed.rows, actorId(c), clock.now()))
    // Only a place added by someone else between the check and the write gets here.
    if (!written.ok)
      return renderPage(c, <PlaceImportPage text={upload.pasted} formError={t('admin.places.taken')} />, 422)
    return c.redirect(`/admin/places?imported=${written.value}`, 303)
  })

  return app
}
