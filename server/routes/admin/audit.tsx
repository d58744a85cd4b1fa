import { Hono } from 'hono'
import { z } from 'zod'
import { type AuditFilter, auditChoices, listAudit } from '../../../db/queries/audit.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import { type AuditFilterValues, AuditPage } from '../../../views/pages/admin/audit-page.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import { localDate } from '../../domain/time.ts'
import { addDays, daysBetween, zonedTimeToUtc } from '../../domain/zoned-time.ts'
import type { AppEnv } from '../../env.ts'
import { f } from '../../validation.ts'

export const AUDIT_PAGE_SIZE = 50
/** The widest date window one page reads, so a query stays on the index's range. */
export const AUDIT_MAX_DAYS = 92
/** The window shown when none is asked for: the last seven days. */
const DEFAULT_DAYS = 7

const filterQuery = z.object({
  from: f.date(),
  to: f.date(),
  action: z.string().max(100).optional(),
  actor: f.optionalId(),
  entity: z.string().max(100).optional(),
  before: f.optionalId(),
})

/** /admin/audit: the audit log, newest first, with filters and paging by the last id shown. */
export function auditRoutes(deps: AppDeps) {
  const { db, clock, config } = deps
  const tz = config.defaultTimeZone
  const app = new Hono<AppEnv>()

  app.get('/', (c) => {
    const { t } = c.get('i18n')
    const today = localDate(clock.now(), tz)
    const fallback = { from: addDays(today, 1 - DEFAULT_DAYS), to: today }
    const query = c.req.query()
    const asked = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''))
    const parsed = filterQuery.safeParse({ ...fallback, ...asked })
    const windowOk =
      parsed.success &&
      parsed.data.from <= parsed.data.to &&
      daysBetween(parsed.data.from, parsed.data.to) < AUDIT_MAX_DAYS
    const errors: FieldErrors = {}
    for (const issue of parsed.error?.issues ?? []) {
      const field = issue.path[0] === 'before' ? 'actor' : String(issue.path[0])
      if (field === 'actor' || field === 'action' || field === 'entity')
        errors[field] = t('error.unknownChoice')
    }
    if (!windowOk && Object.keys(errors).length === 0)
      errors.from = t('admin.audit.error.window', { days: AUDIT_MAX_DAYS })
    const q = windowOk
      ? parsed.data
      : { ...fallback, action: undefined, actor: undefined, entity: undefined, before: undefined }
    const filter: AuditFilter = {
      from: zonedTimeToUtc(q.from, '00:00', tz),
      to: zonedTimeToUtc(addDays(q.to, 1), '00:00', tz),
      action: q.action,
      actorId: q.actor,
      entity: q.entity,
    }
    // One more than a page tells whether older entries exist.
    const found = listAudit(db, filter, AUDIT_PAGE_SIZE + 1, q.before)
    const rows = found.slice(0, AUDIT_PAGE_SIZE)
    const values: AuditFilterValues = {
      from: windowOk ? q.from : (query.from ?? ''),
      to: windowOk ? q.to : (query.to ?? ''),
      action: q.action ?? '',
      actor: q.actor === undefined ? '' : String(q.actor),
      entity: q.entity ?? '',
    }
    const href = (before?: number) => {
      const params = new URLSearchParams({ from: q.from, to: q.to })
      if (q.action) params.set('action', q.action)
      if (q.actor) params.set('actor', String(q.actor))
      if (q.entity) params.set('entity', q.entity)
      if (before) params.set('before', String(before))
      return `/admin/audit?${params}`
    }
    return renderPage(
      c,
      <AuditPage
        values={values}
        choices={auditChoices(db, filter)}
        rows={rows}
        timeZone={tz}
        errors={errors}
        olderHref={found.length > AUDIT_PAGE_SIZE ? href(rows.at(-1)!.id) : undefined}
        newestHref={q.before ? href() : undefined}
      />,
      windowOk ? 200 : 422,
    )
  })

  return app
}
