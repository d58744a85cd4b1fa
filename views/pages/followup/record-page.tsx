import type { JSX } from 'hono/jsx/jsx-runtime'
import type { DeputyRecord } from '../../../server/domain/deputy-record.ts'
import { GroupedBarChart, ShareBarChart } from '../../components/bar-chart.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { formatLocalDate } from '../track/concern-labels.ts'
import { percent } from './labels.ts'
import { FollowUpStyles, SatisfactionValue } from './parts.tsx'

export type RecordRow = { id: number; name: string; record: DeputyRecord; rank: number | null }

export type RecordPageProps = {
  heading: string
  base: string
  period: { from: string; to: string }
  record: DeputyRecord
  perDeputy?: RecordRow[]
  csvHref: string
  quick: { label: string; from: string; to: string }[]
  minSample: number
  error?: string
  /** Coverage of places (issue 17), shown under the figures. */
  coverage?: JSX.Element
  /** Deputies' suggestions (issue 18), shown under the figures. */
  suggestions?: JSX.Element
  /** Suggestions led and co-signed by each deputy of a station's or a street's record. */
  suggestionCounts?: ReadonlyMap<number, { led: number; cosigned: number }>
}

/** Working days with their unit, or a dash when nobody has been answered yet. */
function Days({ n }: { n: number | null }) {
  const { t } = useI18n()
  if (n === null) return <>—</>
  return <>{t('followup.record.workingDays', { n: Number.isInteger(n) ? String(n) : n.toFixed(1) })}</>
}

/** The figures of one record, each with what it counts and out of how many. */
export function RecordFigures({ r, minSample }: { r: DeputyRecord; minSample: number }) {
  const { t } = useI18n()
  const s = r.satisfaction
  return (
    <dl class="fu-figures" id="record-figures">
      <div>
        <dt>{t('followup.record.receptions')}</dt>
        <dd id="fig-receptions">
          <strong>
            {t('followup.record.receptionsValue', {
              held: r.receptions.held,
              scheduled: r.receptions.scheduled,
            })}
          </strong>
          <span>{t('followup.record.receptionsNote', { n: r.receptions.heldScheduled })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.residents')}</dt>
        <dd id="fig-residents">
          <strong>{r.residentsReceived}</strong>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.concerns')}</dt>
        <dd id="fig-concerns">
          <strong>{r.concernsReceived}</strong>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.noShowNoContact')}</dt>
        <dd id="fig-no-show-no-contact">
          <strong>{r.noShowNoContact}</strong>
          <span>{t('followup.record.noShowNoContactNote')}</span>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.firstResponse')}</dt>
        <dd id="fig-first-response">
          <strong>
            <Days n={r.firstResponse.medianWorkingDays} />
          </strong>
          <span>
            {t('followup.record.firstResponseNote', {
              n: r.firstResponse.responded,
              waiting: r.firstResponse.waiting,
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.inTime')}</dt>
        <dd id="fig-in-time">
          <strong>{percent(r.closedWithinDeadline.share)}</strong>
          <span>
            {t('followup.record.inTimeNote', {
              n: r.closedWithinDeadline.count,
              of: r.closedWithinDeadline.of,
            })}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.satisfaction')}</dt>
        <dd id="fig-satisfaction">
          <SatisfactionValue s={s} minSample={minSample} />
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.reopen')}</dt>
        <dd id="fig-reopen">
          <strong>{percent(r.reopened.share)}</strong>
          <span>{t('followup.record.reopenNote', { n: r.reopened.count, of: r.reopened.of })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.stale')}</dt>
        <dd id="fig-stale">
          <strong>{percent(r.staleOpen.share)}</strong>
          <span>{t('followup.record.staleNote', { n: r.staleOpen.count, of: r.staleOpen.of })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('followup.record.suggestions')}</dt>
        <dd id="fig-suggestions">
          <strong>{r.formalSuggestions}</strong>
        </dd>
      </div>
    </dl>
  )
}

/** Received and finished per week, as a chart and as the table it is drawn from. */
export function WeeklyChart({ r, id }: { r: DeputyRecord; id: string }) {
  const { t, dateTime } = useI18n()
  const short = (d: string) =>
    dateTime(new Date(`${d}T12:00:00Z`), 'UTC', { month: 'numeric', day: 'numeric' })
  const cats = r.weeks.map((w) => short(w.weekStart))
  const desc = r.weeks
    .map((w, i) =>
      t('followup.chart.weekLine', { week: cats[i]!, received: w.received, finished: w.finished }),
    )
    .join('; ')
  return (
    <figure class="fu-figure">
      <GroupedBarChart
        id={id}
        title={t('followup.chart.weeklyTitle')}
        description={desc}
        categories={cats}
        series={[
          { name: t('followup.chart.received'), values: r.weeks.map((w) => w.received), tone: 'primary' },
          { name: t('followup.chart.finished'), values: r.weeks.map((w) => w.finished), tone: 'secondary' },
        ]}
      />
      <figcaption>{t('followup.chart.weeklyCaption')}</figcaption>
    </figure>
  )
}

/** A deputy's, a station's or a street's record for a period (履职档案). */
export function RecordPage(p: RecordPageProps) {
  const { t, dateTime } = useI18n()
  const r = p.record
  return (
    <StaffLayout title={p.heading}>
      <FollowUpStyles />
      {p.error ? (
        <p class="notice notice-error" role="alert" id="record-error">
          {p.error}
        </p>
      ) : null}
      <form method="get" action={p.base} class="fu-filter" id="record-period">
        <div class="field">
          <label for="f-from">{t('followup.record.from')}</label>
          <input type="date" id="f-from" name="from" value={p.period.from} required />
        </div>
        <div class="field">
          <label for="f-to">{t('followup.record.to')}</label>
          <input type="date" id="f-to" name="to" value={p.period.to} required />
        </div>
        <button type="submit">{t('followup.record.show')}</button>
      </form>
      <ul class="actions fu-quick">
        {p.quick.map((q) => (
          <li>
            <a href={`${p.base}?from=${q.from}&to=${q.to}`}>{q.label}</a>
          </li>
        ))}
        <li>
          <a href={p.csvHref} id="record-csv" download>
            {t('followup.record.csv')}
          </a>
        </li>
      </ul>
      <p id="record-period-text">
        {t('followup.record.period', {
          from: formatLocalDate(dateTime, r.period.from),
          to: formatLocalDate(dateTime, r.period.to),
          asOf: formatLocalDate(dateTime, r.period.asOf),
        })}
      </p>
      <RecordFigures r={r} minSample={p.minSample} />
      <p class="hint">{t('followup.record.definitions')}</p>
      {p.suggestions ?? null}
      {p.coverage ?? null}
      <WeeklyChart r={r} id="chart-weekly" />
      {p.perDeputy ? (
        <PerDeputy rows={p.perDeputy} minSample={p.minSample} suggestionCounts={p.suggestionCounts} />
      ) : null}
    </StaffLayout>
  )
}

function PerDeputy({
  rows,
  minSample,
  suggestionCounts,
}: {
  rows: RecordRow[]
  minSample: number
  suggestionCounts?: RecordPageProps['suggestionCounts']
}) {
  const { t } = useI18n()
  const bars = rows.map((row) => ({
    label: row.name,
    value: row.record.satisfaction.rate,
    muted: !row.record.satisfaction.ranked,
    note: row.record.satisfaction.ranked
      ? t('followup.chart.sampleNote', { n: row.record.satisfaction.sample })
      : t('followup.chart.unrankedNote', { n: row.record.satisfaction.sample }),
  }))
  return (
    <section aria-labelledby="per-deputy-title">
      <h2 id="per-deputy-title">{t('followup.record.perDeputy')}</h2>
      <p class="hint">{t('followup.record.rankRule', { min: minSample })}</p>
      <figure class="fu-figure">
        <ShareBarChart
          id="chart-satisfaction"
          title={t('followup.chart.satisfactionTitle')}
          description={rows
            .map((row) =>
              t('followup.chart.satisfactionLine', {
                name: row.name,
                rate: percent(row.record.satisfaction.rate),
                n: row.record.satisfaction.sample,
              }),
            )
            .join('; ')}
          bars={bars}
        />
      </figure>
      <div class="table-scroll">
        <table id="per-deputy" class="fu-table">
          <caption>{t('followup.record.perDeputyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.record.rank')}</th>
              <th scope="col">{t('followup.col.deputy')}</th>
              <th scope="col">{t('followup.record.receptions')}</th>
              <th scope="col">{t('followup.record.concerns')}</th>
              <th scope="col">{t('followup.record.firstResponse')}</th>
              <th scope="col">{t('followup.record.inTime')}</th>
              <th scope="col">{t('followup.record.satisfaction')}</th>
              <th scope="col">{t('followup.record.reopen')}</th>
              <th scope="col">{t('followup.record.stale')}</th>
              <th scope="col">{t('followup.record.suggestions')}</th>
              {suggestionCounts ? <th scope="col">{t('suggestionRecords.colLedCosigned')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const r = row.record
              return (
                <tr id={`deputy-row-${row.id}`}>
                  <td>{row.rank === null ? t('followup.record.unranked') : row.rank}</td>
                  <th scope="row">
                    <a href={`/records/deputies/${row.id}?from=${r.period.from}&to=${r.period.to}`}>
                      {row.name}
                    </a>
                  </th>
                  <td>
                    {t('followup.record.receptionsValue', {
                      held: r.receptions.held,
                      scheduled: r.receptions.scheduled,
                    })}
                  </td>
                  <td>{r.concernsReceived}</td>
                  <td>
                    <Days n={r.firstResponse.medianWorkingDays} />
                  </td>
                  <td>{percent(r.closedWithinDeadline.share)}</td>
                  <td>
                    {percent(r.satisfaction.rate)} (
                    {t('followup.chart.sampleNote', { n: r.satisfaction.sample })})
                  </td>
                  <td>{percent(r.reopened.share)}</td>
                  <td>{percent(r.staleOpen.share)}</td>
                  <td>{r.formalSuggestions}</td>
                  {suggestionCounts ? (
                    <td>
                      {suggestionCounts.get(row.id)?.led ?? 0} / {suggestionCounts.get(row.id)?.cosigned ?? 0}
                    </td>
                  ) : null}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** What a person may open: records of themselves, their stations and streets, or everyone's. */
export function RecordsIndexPage({
  deputies,
  stations,
  streets,
}: {
  deputies: { id: number; name: string }[]
  stations: { id: number; name: string }[]
  streets: { id: number; name: string }[]
}) {
  const { t } = useI18n()
  const list = (items: { id: number; name: string }[], path: string, id: string) => (
    <ul class="cards" id={id}>
      {items.map((i) => (
        <li>
          <a href={`/records/${path}/${i.id}`}>{i.name}</a>
        </li>
      ))}
    </ul>
  )
  return (
    <StaffLayout title={t('followup.records.title')}>
      <FollowUpStyles />
      <p>{t('followup.records.intro')}</p>
      {streets.length ? (
        <>
          <h2>{t('followup.records.streets')}</h2>
          {list(streets, 'streets', 'records-streets')}
        </>
      ) : null}
      {stations.length ? (
        <>
          <h2>{t('followup.records.stations')}</h2>
          {list(stations, 'stations', 'records-stations')}
        </>
      ) : null}
      <h2>{t('followup.records.deputies')}</h2>
      {list(deputies, 'deputies', 'records-deputies')}
      <h2>{t('suggestionRecords.heading')}</h2>
      <ul class="cards" id="records-units">
        <li>
          <a href="/records/units">{t('suggestionRecords.unitsLink')}</a>
        </li>
      </ul>
    </StaffLayout>
  )
}
