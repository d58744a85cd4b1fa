import type { ConcernStatus } from '../../../db/schema.ts'
import { CsrfField } from '../../components/form.tsx'
import { VerdictButtons } from '../../components/verdict-buttons.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { formatTrackingCode } from '../track/concern-labels.ts'
import { type ConcernListItem, ConcernTable, FollowUpStyles, StationConcernNav } from './parts.tsx'

const overdueCount = (rows: ConcernListItem[]) => rows.filter((r) => r.due?.overdue).length

/** A station's concerns for its clerks: open ones (overdue first), or a month's. */
export function StationConcernsPage(p: {
  stationId: number
  stationName: string
  view: 'open' | 'month'
  month: string
  rows: ConcernListItem[]
}) {
  const { t } = useI18n()
  const overdue = overdueCount(p.rows)
  return (
    <StaffLayout title={t('followup.station.title', { station: p.stationName })}>
      <FollowUpStyles />
      <StationConcernNav stationId={p.stationId} current={p.view} />
      {p.view === 'month' ? (
        <form method="get" action={`/staff/stations/${p.stationId}/concerns`} class="fu-filter">
          <input type="hidden" name="view" value="month" />
          <div class="field">
            <label for="f-month">{t('followup.station.month')}</label>
            <input type="month" id="f-month" name="month" value={p.month} />
          </div>
          <button type="submit">{t('followup.station.show')}</button>
        </form>
      ) : (
        <p id="station-summary" class={overdue ? 'notice notice-error' : 'notice'}>
          {t('followup.station.summary', { n: p.rows.length, overdue })}
        </p>
      )}
      <ConcernTable
        rows={p.rows}
        id="station-concerns"
        caption={
          p.view === 'open'
            ? t('followup.station.openCaption')
            : t('followup.station.monthCaption', { month: p.month })
        }
      />
    </StaffLayout>
  )
}

/** A deputy's open concerns with their deadlines. */
export function MyConcernsPage({ rows, deputyName }: { rows: ConcernListItem[]; deputyName: string }) {
  const { t } = useI18n()
  const overdue = overdueCount(rows)
  return (
    <StaffLayout title={t('followup.mine.title')}>
      <FollowUpStyles />
      <p>{t('followup.mine.intro', { name: deputyName })}</p>
      <p id="mine-summary" class={overdue ? 'notice notice-error' : 'notice'}>
        {t('followup.station.summary', { n: rows.length, overdue })}
      </p>
      <ConcernTable
        rows={rows}
        id="my-concerns"
        caption={t('followup.mine.caption')}
        showDeputy={false}
        showStation
      />
      <p>
        <a href="/records/me">{t('followup.mine.record')}</a>
      </p>
    </StaffLayout>
  )
}

/** Where staff and administrators start: each station's open and overdue concerns. */
export function ConcernsIndexPage({
  stations,
}: {
  stations: { id: number; name: string; open: number; overdue: number }[]
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('followup.index.title')}>
      <FollowUpStyles />
      {stations.length === 0 ? (
        <p>{t('home.noStations')}</p>
      ) : (
        <ul class="cards" id="concern-stations">
          {stations.map((s) => (
            <li>
              <a href={`/staff/stations/${s.id}/concerns`} id={`station-concerns-${s.id}`}>
                <strong>{s.name}</strong>
                <br />
                {t('followup.station.summary', { n: s.open, overdue: s.overdue })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/records">{t('followup.index.records')}</a>
      </p>
    </StaffLayout>
  )
}

export type CallbackRow = {
  id: number
  trackingCode: string
  topic: string
  deputyName: string | null
  residentName: string | null
  phone: string | null
  status: ConcernStatus
  repliedOn: string
  waitingDays: number
}

/**
 * The call-back list: replied concerns still waiting for the resident's verdict. The phone is
 * shown in full to the station's clerks only (DESIGN §4.8); a clerk records the verdict here.
 */
export function CallbacksPage({
  stationId,
  stationName,
  rows,
  notice,
}: {
  stationId: number
  stationName: string
  rows: CallbackRow[]
  notice?: string
}) {
  const { t } = useI18n()
  const back = `/staff/stations/${stationId}/callbacks`
  return (
    <StaffLayout title={t('followup.callbacks.title', { station: stationName })}>
      <FollowUpStyles />
      <StationConcernNav stationId={stationId} current="callbacks" />
      {notice ? (
        <p class="notice notice-ok" role="status" id="callbacks-notice">
          {notice}
        </p>
      ) : null}
      <p>{t('followup.callbacks.intro')}</p>
      {rows.length === 0 ? (
        <p class="notice" id="callbacks-empty">
          {t('followup.callbacks.empty')}
        </p>
      ) : (
        <ul class="fu-callbacks" id="callbacks">
          {rows.map((r) => (
            <li id={`callback-${r.id}`} class="fu-callback">
              <h2>
                <a href={`/concerns/${r.id}`}>{formatTrackingCode(r.trackingCode)}</a> · {r.topic}
              </h2>
              <dl class="fu-facts">
                <dt>{t('followup.col.deputy')}</dt>
                <dd>{r.deputyName ?? t('followup.list.noDeputy')}</dd>
                <dt>{t('followup.concern.name')}</dt>
                <dd>{r.residentName ?? t('followup.concern.notGiven')}</dd>
                <dt>{t('followup.concern.phone')}</dt>
                <dd id={`callback-phone-${r.id}`}>
                  {r.phone ? (
                    <a href={`tel:${r.phone.replace(/\*/g, '')}`}>{r.phone}</a>
                  ) : (
                    t('followup.callbacks.noPhone')
                  )}
                </dd>
                <dt>{t('followup.callbacks.replied')}</dt>
                <dd>{t('followup.callbacks.waiting', { date: r.repliedOn, n: r.waitingDays })}</dd>
              </dl>
              <form
                method="post"
                action={`/concerns/${r.id}/steps/verdict`}
                class="fu-callback-form"
                novalidate
              >
                <CsrfField />
                <input type="hidden" name="seen" value={r.status} />
                <input type="hidden" name="back" value={back} />
                <div class="field">
                  <label for={`cb-${r.id}-comment`}>
                    {t('followup.field.comment')} <span class="optional">({t('form.optional')})</span>
                  </label>
                  <input type="text" id={`cb-${r.id}-comment`} name="comment" maxlength={200} />
                </div>
                <fieldset class="fu-callback-verdict">
                  <legend>{t('followup.field.verdict')}</legend>
                  <VerdictButtons idPrefix={`cb-${r.id}`} />
                </fieldset>
              </form>
            </li>
          ))}
        </ul>
      )}
    </StaffLayout>
  )
}
