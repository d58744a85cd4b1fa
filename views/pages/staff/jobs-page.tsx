import type { JobRun } from '../../../db/queries/jobs.ts'
import type { OutboxMessage, OutboxStatus } from '../../../db/queries/outbox.ts'
import type { Schedule } from '../../../server/jobs/cron-schedule.ts'
import { CsrfField } from '../../components/form.tsx'
import { type I18n, type T, useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'

export type JobRow = {
  name: string
  title: string
  schedule: Schedule
  catchUp: 'latest' | 'each'
  maxCatchUp: number
  last: JobRun | null
  lastFailure: JobRun | null
  failures: number
  next: Date | null
}

export type OutboxView = {
  counts: Record<OutboxStatus, number>
  messages: OutboxMessage[]
  sender: { kind: 'log' } | { kind: 'webhook'; format: string }
  notice?: string | undefined
  error?: string | undefined
}

type Props = { jobs: JobRow[]; outbox: OutboxView; timeZone: string; failureDays: number }

/** The swap target of the outbox panel; the retry buttons replace it. */
export const OUTBOX_PANEL_ID = 'outbox-panel'

function runStatus(t: T, status: JobRun['status']) {
  switch (status) {
    case 'running':
      return t('jobs.status.running')
    case 'done':
      return t('jobs.status.done')
    case 'failed':
      return t('jobs.status.failed')
  }
}

function messageStatus(t: T, status: OutboxStatus) {
  return status === 'failed' ? t('jobs.outbox.status.failed') : t('jobs.outbox.status.pending')
}

/** A Sunday: the day a cron weekday of 0 names. */
const SUNDAY = Date.UTC(2026, 10, 29)

/** A job's schedule in words of the page's language, e.g. 每周一 08:00 / every Monday at 08:00. */
export function scheduleText({ t, locale, dateTime }: I18n, s: Schedule): string {
  switch (s.kind) {
    case 'everyMinute':
      return t('jobs.schedule.everyMinute')
    case 'everyMinutes':
      return t('jobs.schedule.everyMinutes', { n: s.n })
    case 'hourly':
      // "at :05" in English, "第 5 分钟" in Chinese.
      return t('jobs.schedule.hourly', {
        minute: locale === 'en' ? String(s.minute).padStart(2, '0') : s.minute,
      })
    case 'daily':
      return t('jobs.schedule.daily', { time: s.time })
    case 'weekly': {
      // 周一 / 週一 after 每, Monday in English.
      const weekday = dateTime(new Date(SUNDAY + s.weekday * 86_400_000), 'UTC', {
        weekday: locale === 'en' ? 'long' : 'short',
      })
      return t('jobs.schedule.weekly', { weekday, time: s.time })
    }
    case 'cron':
      return t('jobs.schedule.cron', { cron: s.expression })
  }
}

/** Jobs with their last and next run, and the outbox's waiting and failed notifications. */
export function JobsPage({ jobs, outbox, timeZone, failureDays }: Props) {
  const i18n = useI18n()
  const { t, dateTime } = i18n
  const when = (d: Date) => dateTime(d, timeZone)
  return (
    <StaffLayout title={t('jobs.title')}>
      <p>{t('jobs.intro', { zone: timeZone })}</p>
      <h2>{t('jobs.heading')}</h2>
      <table id="jobs-table">
        <thead>
          <tr>
            <th scope="col">{t('jobs.col.job')}</th>
            <th scope="col">{t('jobs.col.schedule')}</th>
            <th scope="col">{t('jobs.col.lastRun')}</th>
            <th scope="col">{t('jobs.col.nextRun')}</th>
            <th scope="col">{t('jobs.col.failures')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr id={`job-${j.name}`}>
              <th scope="row">{j.title}</th>
              <td>
                <span class="job-schedule">{scheduleText(i18n, j.schedule)}</span>
                <br />
                {j.catchUp === 'latest'
                  ? t('jobs.catchUp.latest')
                  : t('jobs.catchUp.each', { n: j.maxCatchUp })}
              </td>
              <td>
                {j.last ? (
                  <>
                    {when(j.last.finishedAt ?? j.last.startedAt)} · {runStatus(t, j.last.status)}
                    {j.last.attempts > 1 ? ` · ${t('jobs.attempt', { n: j.last.attempts })}` : ''}
                    {j.last.status === 'done' && j.last.result ? (
                      <>
                        <br />
                        {/* Written by the job in English (decision 0026 leaves localising it open). */}
                        <small lang="en">{j.last.result}</small>
                      </>
                    ) : null}
                  </>
                ) : (
                  t('jobs.never')
                )}
              </td>
              <td>{j.next ? when(j.next) : '—'}</td>
              <td>
                {t('jobs.failures.recent', { n: j.failures, days: failureDays })}
                {j.lastFailure?.error ? (
                  <>
                    <br />
                    <small>
                      {t('jobs.lastError', {
                        at: when(j.lastFailure.finishedAt ?? j.lastFailure.startedAt),
                        error: j.lastFailure.error,
                      })}
                    </small>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OutboxPanel outbox={outbox} timeZone={timeZone} />
    </StaffLayout>
  )
}

/** The outbox section alone: rendered inside the page and as the answer to a retry by htmx. */
export function OutboxPanel({ outbox, timeZone }: { outbox: OutboxView; timeZone: string }) {
  const { t, dateTime } = useI18n()
  const when = (d: Date) => dateTime(d, timeZone)
  const { counts, messages } = outbox
  return (
    <section id={OUTBOX_PANEL_ID} aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('jobs.outbox.heading')}</h2>
      {outbox.error ? (
        <p class="notice notice-error" role="alert">
          {outbox.error}
        </p>
      ) : null}
      {outbox.notice ? (
        <p class="notice notice-ok" role="status">
          {outbox.notice}
        </p>
      ) : null}
      <p>
        {outbox.sender.kind === 'log'
          ? t('jobs.outbox.senderLog')
          : t('jobs.outbox.senderWebhook', { format: outbox.sender.format })}
      </p>
      <p id="outbox-counts">{t('jobs.outbox.counts', { ...counts })}</p>
      {messages.length === 0 ? (
        <p>{t('jobs.outbox.empty')}</p>
      ) : (
        <table id="outbox-table">
          <thead>
            <tr>
              <th scope="col">{t('jobs.outbox.col.message')}</th>
              <th scope="col">{t('jobs.outbox.col.recipient')}</th>
              <th scope="col">{t('jobs.outbox.col.status')}</th>
              <th scope="col">{t('jobs.outbox.col.due')}</th>
              <th scope="col">{t('jobs.outbox.col.attempts')}</th>
              <th scope="col">{t('jobs.outbox.col.nextAttempt')}</th>
              <th scope="col">{t('jobs.outbox.col.lastError')}</th>
              <th scope="col">{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr id={`outbox-${m.id}`}>
                <td id={`outbox-${m.id}-subject`}>
                  #{m.id} {m.subject}
                  <br />
                  <small>{m.kind}</small>
                </td>
                <td>{m.recipient}</td>
                <td>{messageStatus(t, m.status)}</td>
                <td>
                  {when(m.dueAt)}
                  {m.expiresAt ? (
                    <>
                      <br />
                      <small>{t('jobs.outbox.expiresAt', { at: when(m.expiresAt) })}</small>
                    </>
                  ) : null}
                </td>
                <td>{m.attempts}</td>
                <td>{m.status === 'pending' ? when(m.nextAttemptAt) : '—'}</td>
                <td>{m.lastError ?? ''}</td>
                <td>
                  <form
                    method="post"
                    action={`/staff/jobs/outbox/${m.id}/retry`}
                    hx-post={`/staff/jobs/outbox/${m.id}/retry`}
                    hx-target={`#${OUTBOX_PANEL_ID}`}
                    hx-swap="outerHTML"
                  >
                    <CsrfField />
                    <button type="submit" aria-describedby={`outbox-${m.id}-subject`}>
                      {t('jobs.outbox.retry')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
