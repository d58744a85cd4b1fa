import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { findActiveDeputy } from '../../db/queries/deputies.ts'
import { dayTickets } from '../../db/queries/queue.ts'
import {
  deputiesForDay,
  queueSettings,
  saveQueueSettings,
  setPresence,
} from '../../db/queries/queue-presence.ts'
import type { StationRow } from '../../db/queries/stations.ts'
import { pendingTriageCount } from '../../db/queries/triage.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import { type DaySummary, StationDayPage } from '../../views/pages/staff/station-day-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { localDate } from '../domain/time.ts'
import type { AppEnv } from '../env.ts'
import { announceQueueChange } from '../events/queue-commands.ts'
import { readForm } from '../middleware/form-body.ts'
import { f, parseForm } from '../validation.ts'
import { staffCallViews } from './staff-calls.tsx'
import { stationFromPath } from './station-scope.ts'

const presenceForm = z.object({
  deputy: f.id(),
  present: z.enum(['0', '1'], { message: 'error.unknownChoice' }),
  place: f.optionalText(40),
})
const settingsForm = z.object({
  priorityEvery: f.whole(0, 20, 'error.invalid', 'queue.error.priorityRange'),
  firstResponseWorkingDays: f.whole(1, 60, 'error.invalid', 'queue.error.daysRange'),
})

/**
 * The station day page (/staff/stations/:id/today): a clerk marks who is present today and where,
 * sees the queue at a glance and sets the queue rules.
 */
export function stationDayRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const stationFor = (c: Context<AppEnv>) => stationFromPath(c, db)

  const page = (
    c: Context<AppEnv>,
    station: StationRow,
    opts: { notice?: string; errors?: FieldErrors } = {},
    status: 200 | 422 = 200,
  ) => {
    const i18n = c.get('i18n')
    const now = clock.now()
    const today = localDate(now, station.timeZone)
    const tickets = dayTickets(db, station.id, today)
    const count = (s: string) => tickets.filter((t) => t.status === s).length
    const summary: DaySummary = {
      waiting: count('waiting'),
      called: count('called'),
      parked: count('parked'),
      served: count('served'),
      noShow: count('no_show'),
    }
    return renderPage(
      c,
      <StationDayPage
        stationId={station.id}
        stationName={i18n.name(station)}
        today={i18n.dateTime(now, station.timeZone, { dateStyle: 'full' })}
        deputies={deputiesForDay(db, station.id, today)}
        summary={summary}
        settings={queueSettings(db, station.id)}
        calls={staffCallViews(i18n, db, station, now)}
        triagePending={pendingTriageCount(db, station.id)}
        notice={opts.notice}
        errors={opts.errors}
      />,
      status,
    )
  }

  app.get('/staff/stations/:id/today', (c) => {
    const scope = stationFor(c)
    if (!scope.ok) return scope.res
    const { station } = scope
    const { t } = c.get('i18n')
    const saved = c.req.query('saved')
    const answered = c.req.query('call') === 'answered'
    return page(c, station, {
      notice: saved ? t('form.saved') : answered ? t('staffCall.answered') : undefined,
    })
  })

  app.post('/staff/stations/:id/today/presence', async (c) => {
    const scope = stationFor(c)
    if (!scope.ok) return scope.res
    const { station } = scope
    const parsed = parseForm(presenceForm, await readForm(c), c.get('i18n').t)
    const deputy = parsed.ok && findActiveDeputy(db, parsed.data.deputy)
    if (!parsed.ok || !deputy)
      return page(
        c,
        station,
        { errors: parsed.ok ? { deputy: c.get('i18n').t('error.unknownChoice') } : parsed.errors },
        422,
      )
    const now = clock.now()
    setPresence(
      db,
      {
        stationId: station.id,
        date: localDate(now, station.timeZone),
        deputyId: deputy.id,
        present: parsed.data.present === '1',
        place: parsed.data.place,
      },
      c.get('account')!.id,
      now,
    )
    announceQueueChange(db, station.id, 'presence')
    return c.redirect(`/staff/stations/${station.id}/today?saved=1#presence-${deputy.id}`, 303)
  })

  app.post('/staff/stations/:id/queue-settings', async (c) => {
    const scope = stationFor(c)
    if (!scope.ok) return scope.res
    const { station } = scope
    const parsed = parseForm(settingsForm, await readForm(c), c.get('i18n').t)
    if (!parsed.ok) return page(c, station, { errors: parsed.errors }, 422)
    saveQueueSettings(db, station.id, parsed.data, clock.now())
    announceQueueChange(db, station.id, 'settings')
    return c.redirect(`/staff/stations/${station.id}/today?saved=1`, 303)
  })

  return app
}
