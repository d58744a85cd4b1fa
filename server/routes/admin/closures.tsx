import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { CLOSURE_KINDS } from '../../../db/enums.ts'
import {
  deleteClosure,
  findClosure,
  importClosures,
  listClosures,
  saveClosure,
} from '../../../db/queries/admin-closures.ts'
import { findStation, listStations } from '../../../db/queries/stations.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import {
  ClosureFormPage,
  ClosureImportPage,
  ClosureListPage,
} from '../../../views/pages/admin/closure-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import { localDate } from '../../domain/time.ts'
import type { AppEnv } from '../../env.ts'
import { f, parseForm, parseWhole } from '../../validation.ts'
import { MAX_CLOSURE_NAME, MAX_CSV_BYTES, parseClosureCsv } from './closure-csv.ts'
import { readCsvUpload } from './csv-upload.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm, tryUnique } from './shared.ts'

const closureForm = z.object({
  date: f.date(),
  kind: z.enum(CLOSURE_KINDS, { message: 'error.unknownChoice' }),
  stationId: f.optionalId(),
  name: f.text(MAX_CLOSURE_NAME),
})

export function closureRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const app = new Hono<AppEnv>()

  const thisYear = () => Number(localDate(clock.now(), config.defaultTimeZone).slice(0, 4))

  app.get('/', (c) => {
    const { t } = c.get('i18n')
    const asked = parseWhole(c.req.query('year'))
    const year = asked !== null && asked >= 2000 && asked <= 2100 ? asked : thisYear()
    const added = c.req.query('added')
    const notice =
      added !== undefined
        ? t('admin.closures.imported', {
            added: parseWhole(added) ?? 0,
            updated: parseWhole(c.req.query('updated')) ?? 0,
          })
        : savedNotice(c)
    return renderPage(
      c,
      <ClosureListPage
        year={year}
        rows={listClosures(db, year)}
        stations={listStations(db)}
        notice={notice}
      />,
    )
  })

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number) => (
    <ClosureFormPage id={id} values={values} errors={errors} stations={listStations(db)} />
  )

  app.get('/new', (c) => renderPage(c, form({ kind: 'holiday' })))

  const save = async (c: Context<AppEnv>, id?: number) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(closureForm, body, t)
    if (!parsed.ok) return renderPage(c, form(formValues(body), parsed.errors, id), 422)
    const { date, kind, name, stationId } = parsed.data
    // A holiday or make-up working day holds for every station; only a station closure names one.
    if (kind === 'station_closed' && stationId === undefined)
      return renderPage(
        c,
        form(formValues(body), { stationId: t('admin.closures.stationRequired') }, id),
        422,
      )
    if (kind !== 'station_closed' && stationId !== undefined)
      return renderPage(
        c,
        form(formValues(body), { stationId: t('admin.closures.stationOnlyForClosed') }, id),
        422,
      )
    if (kind === 'station_closed' && !findStation(db, stationId!))
      return renderPage(c, form(formValues(body), { stationId: t('error.unknownChoice') }, id), 422)
    const input = { date, kind, name, stationId: kind === 'station_closed' ? stationId! : 0 }
    const written = tryUnique(() => saveClosure(db, id, input, actorId(c), clock.now()))
    if (!written.ok)
      return renderPage(c, form(formValues(body), { date: t('admin.closures.taken') }, id), 422)
    return c.redirect(`/admin/closures?year=${date.slice(0, 4)}&saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))

  app.get('/:id{[0-9]+}', (c) => {
    const r = findClosure(db, idParam(c) ?? 0)
    if (!r) return c.notFound()
    const values: FormValues = {
      date: r.date,
      kind: r.kind,
      name: r.name,
      stationId: r.stationId ? String(r.stationId) : '',
    }
    return renderPage(c, form(values, {}, r.id))
  })

  app.post('/:id{[0-9]+}', (c) => {
    const r = findClosure(db, idParam(c) ?? 0)
    return r ? save(c, r.id) : c.notFound()
  })

  app.post('/:id{[0-9]+}/delete', (c) => {
    const r = findClosure(db, idParam(c) ?? 0)
    if (!r) return c.notFound()
    deleteClosure(db, r, actorId(c), clock.now())
    return c.redirect(`/admin/closures?year=${r.date.slice(0, 4)}&saved=deleted`, 303)
  })

  app.get('/import', (c) => renderPage(c, <ClosureImportPage />))

  app.post('/import', async (c) => {
    const { t } = c.get('i18n')
    const upload = await readCsvUpload(c, await readForm(c), MAX_CSV_BYTES)
    if (!upload.ok)
      return renderPage(c, <ClosureImportPage text={upload.pasted} formError={upload.message} />, 422)
    const { text, pasted } = upload

    const codes = new Map(listStations(db).map((s) => [s.code.toUpperCase(), s.id]))
    const parsed = parseClosureCsv(text, codes, t)
    if (!parsed.ok) return renderPage(c, <ClosureImportPage text={pasted} errors={parsed.errors} />, 422)
    const rows = parsed.rows.map(({ date, kind, name, stationId }) => ({ date, kind, name, stationId }))
    const { added, updated } = importClosures(db, rows, actorId(c), clock.now())
    const year = rows[0]?.date.slice(0, 4) ?? String(thisYear())
    return c.redirect(`/admin/closures?year=${year}&added=${added}&updated=${updated}`, 303)
  })

  return app
}
