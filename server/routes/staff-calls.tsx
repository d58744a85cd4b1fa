import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { answerStaffCall, callStaff, findStaffCall, openStaffCalls } from '../../db/queries/staff-calls.ts'
import type { StationRow } from '../../db/queries/stations.ts'
import { findStation } from '../../db/queries/stations.ts'
import { CallStaffNotice } from '../../views/components/call-staff.tsx'
import { type I18n, type MessageKey, makeI18n } from '../../views/i18n/index.ts'
import { CallStaffPage } from '../../views/pages/kiosk/call-staff-page.tsx'
import {
  STAFF_CALLS_ID,
  StaffCallsList,
  type StaffCallView,
} from '../../views/pages/staff/staff-calls-list.tsx'
import { fragmentHtml, isHtmx, renderFragment, renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { canActForStation } from '../domain/account.ts'
import { RateLimiter } from '../domain/rate-limiter.ts'
import type { AppEnv } from '../env.ts'
import { queueBus } from '../events/queue-bus.ts'
import { streamStationFragment } from '../events/sse.ts'
import { currentAccount } from '../middleware/auth.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { safeNext } from '../safe-redirect.ts'
import { idParam } from '../validation.ts'
import { stationFromPath } from './station-scope.ts'

const callForm = z.object({ back: z.string().max(2000).optional() })

/** Where the notice page leads back to: the kiosk screen the button was pressed on. */
const kioskBack = (back: string | undefined) => {
  const next = safeNext(back)
  return next === '/kiosk' || next.startsWith('/kiosk/') || next.startsWith('/kiosk?') ? next : '/kiosk'
}

/** Open calls as the today page lists them: which kiosk, when, how long ago. */
export function staffCallViews(
  i18n: I18n,
  db: AppDeps['db'],
  station: StationRow,
  now: Date,
): StaffCallView[] {
  return openStaffCalls(db, station.id).map((call) => {
    const minutes = Math.floor((now.getTime() - call.createdAt.getTime()) / 60_000)
    return {
      id: call.id,
      kiosk: call.kioskLabel ?? i18n.t('staffCall.unknownKiosk'),
      time: i18n.dateTime(call.createdAt, station.timeZone, { timeStyle: 'short' }),
      ago: minutes < 1 ? i18n.t('staffCall.justNow') : i18n.t('staffCall.minutesAgo', { n: minutes }),
    }
  })
}

/**
 * The kiosk's call-staff button (issue 15, item 7) and the clerk's side of it: the open calls on
 * the station's today page, live over SSE, and "I'm on it".
 */
export function staffCallRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const app = new Hono<AppEnv>()
  // One open call per kiosk already stops repeats; this stops a kiosk whose calls are answered
  // and pressed again all afternoon from flooding the station's group.
  const limiter = new RateLimiter(6, 60 * 60_000, clock, config.rateLimitMultiplier)

  const answerKiosk = (c: Context<AppEnv>, back: string, message: MessageKey, status: 200 | 429 = 200) => {
    const error = status !== 200
    return isHtmx(c)
      ? renderFragment(c, <CallStaffNotice message={message} error={error} />, status)
      : renderPage(c, <CallStaffPage message={message} back={back} error={error} />, status)
  }

  app.post('/kiosk/call-staff', async (c) => {
    const kiosk = c.get('kiosk')!
    const form = callForm.safeParse(await readForm(c))
    const back = kioskBack(form.success ? form.data.back : undefined)
    const station = findStation(db, kiosk.stationId)
    if (!station) return rejectRequest(c, 404, 'error.notFound.body')
    const key = `kiosk:${kiosk.id}`
    if (limiter.blocked(key)) return answerKiosk(c, back, 'staffCall.tooMany', 429)
    const now = clock.now()
    const { t, name, dateTime } = makeI18n(config.defaultLocale)
    const vars = {
      station: name(station),
      kiosk: kiosk.label,
      time: dateTime(now, station.timeZone, { timeStyle: 'short' }),
    }
    const { created } = callStaff(
      db,
      { stationId: station.id, kioskId: kiosk.id },
      () => ({ subject: t('staffCall.mail.subject', vars), body: t('staffCall.mail.body', vars) }),
      now,
      { station: vars.station, kiosk: vars.kiosk },
    )
    if (!created) return answerKiosk(c, back, 'staffCall.alreadyComing')
    limiter.take(key)
    queueBus(db).publish({ stationId: station.id, kind: 'staff_call' })
    return answerKiosk(c, back, 'staffCall.coming')
  })

  app.get('/staff/stations/:id/today/calls/events', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const account = currentAccount(c)
    return streamStationFragment(
      c,
      db,
      station.id,
      () =>
        fragmentHtml(
          c,
          <StaffCallsList
            stationId={station.id}
            calls={staffCallViews(c.get('i18n'), db, station, clock.now())}
          />,
        ),
      () => {
        const now = account()
        return now !== null && !now.mustChangePassword && canActForStation(now, station.id)
      },
      { refreshOnKeepAlive: true },
    )
  })

  app.post('/staff/stations/:id/today/calls/:callId/answer', (c) => {
    const scope = stationFromPath(c, db)
    if (!scope.ok) return scope.res
    const { station } = scope
    const call = findStaffCall(db, idParam(c, 'callId') ?? 0)
    if (!call || call.stationId !== station.id) return rejectRequest(c, 404, 'error.notFound.body')
    const taken = answerStaffCall(
      db,
      { callId: call.id, stationId: station.id, accountId: c.get('account')!.id },
      clock.now(),
    )
    if (!taken) return rejectRequest(c, 409, 'staffCall.gone')
    queueBus(db).publish({ stationId: station.id, kind: 'staff_call' })
    return c.redirect(`/staff/stations/${station.id}/today?call=answered#${STAFF_CALLS_ID}`, 303)
  })

  return app
}
