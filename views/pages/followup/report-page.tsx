import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ReplyGrade } from '../../../db/schema.ts'
import type { DeputyRecord } from '../../../server/domain/deputy-record.ts'
import { ShareBarChart } from '../../components/bar-chart.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { gradeLabel, percent } from './labels.ts'
import { FollowUpStyles } from './parts.tsx'

export type MonthlyReport = {
  stationId: number
  stationName: string
  month: string
  prevMonth: string
  nextMonth: string | null
  record: DeputyRecord
  byTopic: { topic: string; n: number }[]
  examples: { topic: string; summary: string; grade: ReplyGrade | null }[]
}

/**
 * A station's public monthly report, for the display board and for print: what residents raised
 * by topic, what was settled, how satisfied they were (with the sample size) and a few settled
 * concerns a clerk wrote up for the public. No name, phone or resident's words appear here.
 */
export function MonthlyReportPage({
  report,
  board,
  coverage,
  suggestions,
}: {
  report: MonthlyReport
  board: boolean
  /** Coverage of places in counts (issue 17). */
  coverage?: JSX.Element
  /** Deputies' suggestions of the month (issue 18): counts, grades and the titles closed. */
  suggestions?: JSX.Element
}) {
  const { t, dateTime } = useI18n()
  const r = report.record
  const monthName = dateTime(new Date(`${report.month}-15T12:00:00Z`), 'UTC', {
    year: 'numeric',
    month: 'long',
  })
  const total = report.byTopic.reduce((s, x) => s + x.n, 0)
  const base = `/reports/stations/${report.stationId}`
  return (
    <StaffLayout title={t('followup.report.title', { station: report.stationName, month: monthName })}>
      <FollowUpStyles />
      <div class={board ? 'fu-report fu-board' : 'fu-report'} id="monthly-report">
        <nav class="fu-report-nav no-print" aria-label={t('followup.report.nav')}>
          <a href={`${base}/${report.prevMonth}${board ? '?board=1' : ''}`} rel="prev">
            {t('followup.report.prev')}
          </a>
          {report.nextMonth ? (
            <a href={`${base}/${report.nextMonth}${board ? '?board=1' : ''}`} rel="next">
              {t('followup.report.next')}
            </a>
          ) : null}
          <a href={board ? `${base}/${report.month}` : `${base}/${report.month}?board=1`}>
            {board ? t('followup.report.printable') : t('followup.report.boardView')}
          </a>
        </nav>
        <dl class="fu-figures fu-report-figures" id="report-figures">
          <div>
            <dt>{t('followup.report.received')}</dt>
            <dd id="report-received">
              <strong>{r.concernsReceived}</strong>
            </dd>
          </div>
          <div>
            <dt>{t('followup.record.noShowNoContact')}</dt>
            <dd id="report-no-show-no-contact">
              <strong>{r.noShowNoContact}</strong>
              <span>{t('followup.record.noShowNoContactNote')}</span>
            </dd>
          </div>
          <div>
            <dt>{t('followup.report.finished')}</dt>
            <dd id="report-finished">
              <strong>{r.closedWithinDeadline.of}</strong>
              <span>{t('followup.report.inTime', { share: percent(r.closedWithinDeadline.share) })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('followup.record.satisfaction')}</dt>
            <dd id="report-satisfaction">
              <strong>{percent(r.satisfaction.rate)}</strong>
              <span>{t('followup.report.sample', { n: r.satisfaction.sample })}</span>
            </dd>
          </div>
          <div>
            <dt>{t('followup.record.firstResponse')}</dt>
            <dd id="report-first-response">
              <strong>
                {r.firstResponse.medianWorkingDays === null
                  ? '—'
                  : t('followup.record.workingDays', { n: r.firstResponse.medianWorkingDays })}
              </strong>
            </dd>
          </div>
        </dl>

        <section aria-labelledby="by-topic-title">
          <h2 id="by-topic-title">{t('followup.report.byTopic')}</h2>
          {report.byTopic.length === 0 ? (
            <p>{t('followup.report.none')}</p>
          ) : (
            <>
              <ShareBarChart
                id="chart-topics"
                title={t('followup.report.byTopic')}
                description={report.byTopic
                  .map((x) => t('followup.report.topicLine', { topic: x.topic, n: x.n }))
                  .join('; ')}
                bars={report.byTopic.map((x) => ({
                  label: x.topic,
                  value: total ? x.n / total : 0,
                  muted: false,
                  note: t('followup.report.count', { n: x.n }),
                }))}
              />
              <table class="fu-table" id="report-topics">
                <caption>{t('followup.report.byTopicCaption', { month: monthName })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followup.col.topic')}</th>
                    <th scope="col">{t('followup.report.countCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.byTopic.map((x) => (
                    <tr>
                      <th scope="row">{x.topic}</th>
                      <td>{x.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>

        <section aria-labelledby="examples-title">
          <h2 id="examples-title">{t('followup.report.examples')}</h2>
          {report.examples.length === 0 ? (
            <p id="report-no-examples">{t('followup.report.noExamples')}</p>
          ) : (
            <ul class="fu-examples" id="report-examples">
              {report.examples.map((e) => (
                <li>
                  <p class="fu-example-topic">
                    <strong>{e.topic}</strong>
                    {e.grade ? ` · ${gradeLabel(t, e.grade)}` : ''}
                  </p>
                  <p>{e.summary}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        {suggestions ?? null}
        {coverage ?? null}
        <p class="hint">{t('followup.report.privacy')}</p>
      </div>
    </StaffLayout>
  )
}
