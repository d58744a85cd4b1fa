import { type Context, Hono } from 'hono'
import { z } from 'zod'
import {
  findKiosk,
  issueKioskPairingCode,
  listKiosks,
  revokeKiosk,
  saveKiosk,
} from '../../../db/queries/admin-kiosks.ts'
import { findStation, listStations } from '../../../db/queries/stations.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import {
  KioskFormPage,
  KioskListPage,
  KioskPairingCodePage,
} from '../../../views/pages/admin/kiosk-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import { publicOrigin } from '../../client-address.ts'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { wakeStreams } from '../../events/sse.ts'
import { f, parseForm } from '../../validation.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm } from './shared.ts'

const kioskForm = z.object({
  stationId: f.id(),
  label: f.text(60),
  hasReceiptPrinter: f.checkbox(),
  voiceAnnouncements: f.checkbox(),
})

export function kioskAdminRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    renderPage(
      c,
      <KioskListPage
        rows={listKiosks(db)}
        stations={listStations(db)}
        now={clock.now()}
        notice={savedNotice(c)}
      />,
    ),
  )

  const form = (values: FormValues, errors: FieldErrors = {}, id?: number) => (
    <KioskFormPage id={id} values={values} errors={errors} stations={listStations(db)} />
  )

  app.get('/new', (c) => renderPage(c, form({ voiceAnnouncements: 'on' })))

  const save = async (c: Context<AppEnv>, id?: number) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(kioskForm, body, t)
    if (!parsed.ok) return renderPage(c, form(formValues(body), parsed.errors, id), 422)
    if (!findStation(db, parsed.data.stationId))
      return renderPage(c, form(formValues(body), { stationId: t('error.unknownChoice') }, id), 422)
    saveKiosk(db, id, parsed.data, actorId(c), clock.now())
    return c.redirect(`/admin/kiosks?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))

  app.get('/:id{[0-9]+}', (c) => {
    const k = findKiosk(db, idParam(c) ?? 0)
    if (!k) return c.notFound()
    const values: FormValues = {
      stationId: String(k.stationId),
      label: k.label,
      hasReceiptPrinter: k.hasReceiptPrinter ? 'on' : '',
      voiceAnnouncements: k.voiceAnnouncements ? 'on' : '',
    }
    return renderPage(c, form(values, {}, k.id))
  })

  app.post('/:id{[0-9]+}', (c) => {
    const k = findKiosk(db, idParam(c) ?? 0)
    return k ? save(c, k.id) : c.notFound()
  })

  // The code is shown in this response only: no redirect that would put it in a URL or history.
  app.post('/:id{[0-9]+}/pairing-code', (c) => {
    const k = findKiosk(db, idParam(c) ?? 0)
    if (!k) return c.notFound()
    const station = findStation(db, k.stationId)
    const { code, expiresAt } = issueKioskPairingCode(db, k.id, actorId(c), clock.now())
    const origin = publicOrigin(c)
    return renderPage(
      c,
      <KioskPairingCodePage
        kiosk={k}
        stationName={station ? c.get('i18n').name(station) : ''}
        code={code}
        expires={c.get('i18n').dateTime(expiresAt, station?.timeZone ?? config.defaultTimeZone)}
        url={`${origin}/kiosk/pair?code=${encodeURIComponent(code)}`}
      />,
    )
  })

  app.post('/:id{[0-9]+}/revoke', (c) => {
    const k = findKiosk(db, idParam(c) ?? 0)
    if (!k) return c.notFound()
    revokeKiosk(db, k.id, actorId(c), clock.now())
    wakeStreams(db)
    return c.redirect('/admin/kiosks?saved=revoked', 303)
  })

  return app
}
