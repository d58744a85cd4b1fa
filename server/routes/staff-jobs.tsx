import { type Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { recordAudit } from '../../db/queries/audit.ts'
import { summarizeJobs } from '../../db/queries/jobs.ts'
import { countByStatus, listOpenMessages, retryMessage } from '../../db/queries/outbox.ts'
import type { MessageKey } from '../../views/i18n/index.ts'
import { type JobRow, JobsPage, OutboxPanel, type OutboxView } from '../../views/pages/staff/jobs-page.tsx'
import { isHtmx, renderFragment, renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { zoneOffsetMs } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { nextSlotAfter } from '../jobs/cron.ts'
import { describeSchedule } from '../jobs/cron-schedule.ts'
import { JOBS } from '../jobs/registry.ts'
import type { Job } from '../jobs/runner.ts'
import { parseId } from '../validation.ts'

const FAILURE_DAYS = 7
const LISTED_MESSAGES = 100

/** /staff/jobs: what the scheduler did and will do, and the outbox with a retry button. */
export function staffJobRoutes(deps: AppDeps, jobs: readonly Job[] = JOBS) {
  const app = new Hono<AppEnv>()
  const { db, clock, config } = deps

  const outboxView = (extra: Pick<OutboxView, 'notice' | 'error'> = {}): OutboxView => ({
    counts: countByStatus(db),
    messages: listOpenMessages(db, LISTED_MESSAGES),
    sender: config.notify.webhookUrl
      ? { kind: 'webhook', format: config.notify.webhookFormat }
      : { kind: 'log' },
    ...extra,
  })

  const page = (c: Context<AppEnv>, outbox: OutboxView, status: ContentfulStatusCode = 200) => {
    const now = clock.now()
    const summaries = summarizeJobs(
      db,
      jobs.map((j) => j.name),
      new Date(now.getTime() - FAILURE_DAYS * 86_400_000),
    )
    const rows: JobRow[] = jobs.map((j) => {
      const s = summaries.get(j.name)
      return {
        name: j.name,
        title: j.title ? j.title(c.get('i18n').t) : j.name,
        schedule: describeSchedule(j.plan, zoneOffsetMs(now, config.defaultTimeZone) / 60_000),
        catchUp: j.catchUp,
        maxCatchUp: j.maxCatchUp,
        last: s?.last ?? null,
        lastFailure: s?.lastFailure ?? null,
        failures: s?.failures ?? 0,
        next: nextSlotAfter(j.plan, now),
      }
    })
    return renderPage(
      c,
      <JobsPage jobs={rows} outbox={outbox} timeZone={config.defaultTimeZone} failureDays={FAILURE_DAYS} />,
      status,
    )
  }

  const answer = (c: Context<AppEnv>, outbox: OutboxView, status: ContentfulStatusCode) =>
    isHtmx(c)
      ? renderFragment(c, <OutboxPanel outbox={outbox} timeZone={config.defaultTimeZone} />, status)
      : page(c, outbox, status)

  app.get('/', (c) => {
    const retried = c.req.query('retried')
    const notice =
      retried && /^\d{1,12}$/.test(retried)
        ? c.get('i18n').t('jobs.outbox.retried', { id: retried })
        : undefined
    return page(c, outboxView({ notice }))
  })

  app.post('/outbox/:id/retry', (c) => {
    const { t } = c.get('i18n')
    const fail = (status: ContentfulStatusCode, key: MessageKey) =>
      answer(c, outboxView({ error: t(key) }), status)
    const raw = c.req.param('id')
    const id = parseId(raw)
    if (id === null) return fail(400, 'jobs.outbox.badId')
    const now = clock.now()
    const result = db.transaction((tx) => {
      const r = retryMessage(tx, id, now)
      if (r === 'queued')
        recordAudit(tx, now, {
          actorAccountId: c.get('account')?.id ?? null,
          action: 'outbox.retry',
          entity: 'outbox',
          entityId: id,
        })
      return r
    })
    switch (result) {
      case 'not-found':
        return fail(404, 'jobs.outbox.notFound')
      case 'not-retryable':
        return fail(409, 'jobs.outbox.notRetryable')
      case 'expired':
        return fail(409, 'jobs.outbox.tooLate')
      case 'queued':
        if (isHtmx(c)) return answer(c, outboxView({ notice: t('jobs.outbox.retried', { id }) }), 200)
        return c.redirect(`/staff/jobs?retried=${id}`, 303)
    }
  })

  return app
}
