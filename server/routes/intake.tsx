import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { deputyOptions, findActiveDeputy } from '../../db/queries/deputies.ts'
import { recordedConcern } from '../../db/queries/followup.ts'
import { activeTopics, findActiveTopic } from '../../db/queries/queue-presence.ts'
import { activePlace, placeOptions } from '../../db/queries/station-places.ts'
import type { StationRow } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import { INTAKE_DESCRIPTION_MAX } from '../../views/components/intake-resident-fields.tsx'
import { INTAKE_CHANNELS, IntakePage, type IntakeValues } from '../../views/pages/staff/intake-page.tsx'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { normalizePhone } from '../domain/masking.ts'
import { normalizeCode } from '../domain/secrets.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { submitConcern } from '../events/queue-commands.ts'
import { readForm } from '../middleware/form-body.ts'
import { f, parseForm } from '../validation.ts'
import { stationFromPath } from './station-scope.ts'

const intakeForm = z.object({
  channel: z.enum(INTAKE_CHANNELS, { message: 'error.unknownChoice' }),
  topic: f.id(),
  deputy: f.id(),
  description: f.text(INTAKE_DESCRIPTION_MAX),
  residentName: f.optionalText(50),
  phone: f.optionalText(20),
  place: f.optionalId(),
})

/** Clerk intake (/staff/stations/:id/intake): the same concern record, channel recorded. */
export function intakeRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  const stationFor = (c: Context<AppEnv>) => stationFromPath(c, db)

  const page = (
    c: Context<AppEnv>,
    station: StationRow,
    opts: {
      values?: IntakeValues
      errors?: FieldErrors
      done?: { code: string; deputyName: string; dueOn: string }
    },
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      <IntakePage
        stationId={station.id}
        stationName={c.get('i18n').name(station)}
        topics={activeTopics(db)}
        deputies={deputyOptions(db, station.id)}
        places={placeOptions(db, station.id)}
        {...opts}
      />,
      status,
    )

  app.get('/staff/stations/:id/intake', (c) => {
    const scope = stationFor(c)
    if (!scope.ok) return scope.res
    const { station } = scope
    const i18n = c.get('i18n')
    const code = normalizeCode(c.req.query('done') ?? '')
    const concern = code ? recordedConcern(db, code, station.id) : undefined
    const done = concern && {
      code: formatTrackingCode(concern.code),
      deputyName: concern.deputyName,
      dueOn: i18n.dateTime(new Date(`${concern.dueOn}T12:00:00Z`), 'UTC', { dateStyle: 'long' }),
    }
    return page(c, station, { done })
  })

  app.post('/staff/stations/:id/intake', async (c) => {
    const scope = stationFor(c)
    if (!scope.ok) return scope.res
    const { station } = scope
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const values = Object.fromEntries(
      ['channel', 'topic', 'deputy', 'description', 'residentName', 'phone', 'place'].map((k) => [
        k,
        typeof body[k] === 'string' ? (body[k] as string).slice(0, INTAKE_DESCRIPTION_MAX * 2) : '',
      ]),
    ) as IntakeValues
    const parsed = parseForm(intakeForm, body, t)
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors }
    if (parsed.ok) {
      if (!findActiveTopic(db, parsed.data.topic)) errors.topic = t('queue.error.unknownTopic')
      const deputy = findActiveDeputy(db, parsed.data.deputy)
      if (!deputy) errors.deputy = t('error.unknownChoice')
      if (parsed.data.place !== undefined && !activePlace(db, parsed.data.place))
        errors.place = t('placeField.unknown')
    }
    let phone: string | null = null
    if (parsed.ok && parsed.data.phone) {
      const checked = normalizePhone(parsed.data.phone)
      if (checked.ok) phone = checked.phone
      else errors.phone = t('queue.error.phone')
    }
    if (!parsed.ok || Object.keys(errors).length > 0) return page(c, station, { values, errors }, 422)
    const now = clock.now()
    const { concern } = submitConcern(
      db,
      {
        stationId: station.id,
        localDate: localDate(now, station.timeZone),
        topicId: parsed.data.topic,
        channel: parsed.data.channel,
        queue: false,
        deputyId: parsed.data.deputy,
        priority: false,
        description: parsed.data.description,
        callbackPhone: phone,
        residentName: parsed.data.residentName || null,
        placeId: parsed.data.place ?? null,
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'account', accountId: c.get('account')!.id },
      },
      now,
    )
    return c.redirect(`/staff/stations/${station.id}/intake?done=${concern.trackingCode}`, 303)
  })

  return app
}
