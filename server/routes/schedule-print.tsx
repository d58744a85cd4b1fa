import { type Context, Hono } from 'hono'
import { deputiesOfStations, deputyById } from '../../db/queries/followup.ts'
import { SchedulePrintPage } from '../../views/pages/public/schedule-print-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { localDate } from '../domain/time.ts'
import { addDays, monthRange } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { monthSchedule } from '../public-pages/month-schedule.ts'
import { idParam, queryMonth } from '../validation.ts'

/**
 * The printable month (issue 16 item 8): /me/schedule/print for the signed-in deputy or staff
 * member, /staff/deputies/:id/schedule/print for a clerk handing a deputy their sheet.
 */
export function schedulePrintRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const tz = config.defaultTimeZone
  const app = new Hono<AppEnv>()

  const page = (
    c: Context<AppEnv>,
    base: string,
    name: string,
    who: { deputyId: number | null; accountId: number | null },
  ) => {
    const asked = queryMonth(c.req.query('month'))
    if (asked === null) return rejectRequest(c, 400, 'followup.error.month')
    const month = asked ?? localDate(clock.now(), tz).slice(0, 7)
    const i18n = c.get('i18n')
    const { first, last } = monthRange(month)
    return renderPage(
      c,
      <SchedulePrintPage
        name={name}
        monthLabel={i18n.dateTime(new Date(`${month}-15T12:00:00Z`), 'UTC', {
          year: 'numeric',
          month: 'long',
        })}
        base={base}
        prev={addDays(first, -1).slice(0, 7)}
        next={addDays(last, 1).slice(0, 7)}
        items={monthSchedule(db, i18n, who, month, tz)}
      />,
    )
  }

  app.get('/me/schedule/print', (c) => {
    const a = c.get('account')!
    const deputy = a.deputyId === null ? undefined : deputyById(db, a.deputyId)
    return page(c, '/me/schedule/print', deputy?.name ?? a.displayName, {
      deputyId: deputy ? deputy.id : null,
      accountId: a.role === 'deputy' ? null : a.id,
    })
  })

  app.get('/staff/deputies/:id{[0-9]+}/schedule/print', (c) => {
    const a = c.get('account')!
    const id = idParam(c) ?? 0
    const deputy = deputyById(db, id)
    const mine = a.role === 'admin' || deputiesOfStations(db, a.stationIds).some((d) => d.id === id)
    if (!deputy || !mine) return rejectRequest(c, 404, 'error.notFound.body')
    return page(c, `/staff/deputies/${id}/schedule/print`, deputy.name, { deputyId: id, accountId: null })
  })
  return app
}
