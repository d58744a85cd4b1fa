import type { ConcernStatus, FollowUpDueKind } from '../../../db/schema.ts'
import type { Satisfaction } from '../../../server/domain/deputy-record.ts'
import { useI18n } from '../../i18n/index.ts'
import { formatLocalDate, formatTrackingCode, statusLabel } from '../track/concern-labels.ts'
import { dueKindLabel, percent } from './labels.ts'

/**
 * The follow-up screens' stylesheet, linked from the page body (the shared document head is not
 * this feature's to change; a body-level stylesheet link is valid HTML).
 */
export const FollowUpStyles = () => <link rel="stylesheet" href="/static/followup.css" />

/** Where a concern's deadline stands, worked out by the route for the station's today. */
export type DueView = {
  kind: FollowUpDueKind
  on: string
  overdue: boolean
  /** Working days past the deadline (0 right after it on a weekend). */
  daysOver: number
  escalationLevel: number
} | null

/** A deadline with its kind; overdue ones say so in words, not only in colour. */
export function DueText({ due, id }: { due: DueView; id?: string }) {
  const { t, dateTime } = useI18n()
  if (!due) return <span id={id}>{t('followup.due.none')}</span>
  return (
    <span id={id} class={due.overdue ? 'fu-due fu-overdue' : 'fu-due'}>
      {dueKindLabel(t, due.kind)} · {formatLocalDate(dateTime, due.on)}
      {due.overdue ? (
        <strong class="fu-badge fu-badge-overdue">
          {t('followup.due.overdue', { n: due.daysOver })}
          {due.escalationLevel > 0 ? ` · ${t('followup.due.escalated', { level: due.escalationLevel })}` : ''}
        </strong>
      ) : null}
    </span>
  )
}

export const StatusText = ({ status }: { status: ConcernStatus }) => {
  const { t } = useI18n()
  return <span class={`fu-status fu-status-${status}`}>{statusLabel(t, status)}</span>
}

export type ConcernListItem = {
  id: number
  trackingCode: string
  status: ConcernStatus
  receivedOn: string
  topic: string
  deputyName: string | null
  stationName?: string
  due: DueView
  duplicates: number
}

/** A table of concerns, overdue ones first and marked; every row links to the concern page. */
export function ConcernTable({
  rows,
  id,
  caption,
  showDeputy = true,
  showStation = false,
}: {
  rows: ConcernListItem[]
  id: string
  caption: string
  showDeputy?: boolean
  showStation?: boolean
}) {
  const { t, dateTime } = useI18n()
  if (rows.length === 0)
    return (
      <p class="notice" id={`${id}-empty`}>
        {t('followup.list.empty')}
      </p>
    )
  return (
    <div class="table-scroll">
      <table id={id} class="fu-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followup.col.code')}</th>
            <th scope="col">{t('followup.col.topic')}</th>
            {showStation ? <th scope="col">{t('followup.col.station')}</th> : null}
            {showDeputy ? <th scope="col">{t('followup.col.deputy')}</th> : null}
            <th scope="col">{t('followup.col.received')}</th>
            <th scope="col">{t('followup.col.status')}</th>
            <th scope="col">{t('followup.col.due')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr id={`concern-row-${r.id}`} class={r.due?.overdue ? 'fu-row-overdue' : undefined}>
              <th scope="row">
                <a href={`/concerns/${r.id}`} class="fu-code">
                  {formatTrackingCode(r.trackingCode)}
                </a>
                {r.duplicates > 0 ? (
                  <span class="fu-badge">{t('followup.list.raisedBy', { n: r.duplicates + 1 })}</span>
                ) : null}
              </th>
              <td>{r.topic}</td>
              {showStation ? <td>{r.stationName ?? ''}</td> : null}
              {showDeputy ? <td>{r.deputyName ?? t('followup.list.noDeputy')}</td> : null}
              <td>{formatLocalDate(dateTime, r.receivedOn)}</td>
              <td>
                <StatusText status={r.status} />
              </td>
              <td>
                <DueText due={r.due} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Links between the follow-up screens of a station. */
export function StationConcernNav({ stationId, current }: { stationId: number; current: string }) {
  const { t } = useI18n()
  const links: [string, string, string][] = [
    ['open', `/staff/stations/${stationId}/concerns`, t('followup.nav.open')],
    ['month', `/staff/stations/${stationId}/concerns?view=month`, t('followup.nav.month')],
    ['callbacks', `/staff/stations/${stationId}/callbacks`, t('followup.nav.callbacks')],
    ['record', `/records/stations/${stationId}`, t('followup.nav.record')],
    ['report', `/reports/stations/${stationId}`, t('followup.nav.report')],
  ]
  return (
    <nav class="fu-tabs" aria-label={t('followup.nav.label')}>
      <ul>
        {links.map(([key, href, label]) => (
          <li>
            <a href={href} aria-current={key === current ? 'page' : undefined} id={`fu-nav-${key}`}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A satisfaction figure: the rate, its sample by verdict, and a badge when too small to rank. */
export function SatisfactionValue({ s, minSample }: { s: Satisfaction; minSample: number }) {
  const { t } = useI18n()
  return (
    <>
      <strong>{percent(s.rate)}</strong>
      <span>
        {t('followup.record.satisfactionNote', {
          n: s.sample,
          a: s.satisfied,
          b: s.basicallySatisfied,
          c: s.unsatisfied,
        })}
      </span>
      {s.ranked ? null : <span class="fu-badge">{t('followup.record.smallSample', { min: minSample })}</span>}
    </>
  )
}
