import type { DeputyDayRow, QueueSettings } from '../../../db/queries/queue-presence.ts'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { orderRuleText } from '../display/display-page.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { STAFF_CALLS_ID, StaffCallsList, type StaffCallView } from './staff-calls-list.tsx'

export type DaySummary = { waiting: number; called: number; parked: number; served: number; noShow: number }

type Props = {
  stationId: number
  stationName: string
  today: string
  deputies: DeputyDayRow[]
  summary: DaySummary
  settings: QueueSettings
  calls: StaffCallView[]
  notice?: string
  /** Phone concerns waiting for a clerk's triage (issue 16). */
  triagePending?: number
  errors?: FieldErrors
}

/** A station's day for its clerk: who is present (and where), the queue at a glance, the rules. */
export function StationDayPage({
  stationId,
  stationName,
  today,
  deputies,
  summary,
  settings,
  calls,
  notice,
  errors = {},
  triagePending = 0,
}: Props) {
  const { t } = useI18n()
  const base = `/staff/stations/${stationId}`
  const present = deputies.filter((d) => d.present)
  return (
    <StaffLayout title={t('queue.day.title', { station: stationName })}>
      <QueueStyles />
      <p class="lead">{today}</p>
      {notice ? (
        <p class="notice notice-ok" role="status" id="day-notice">
          {notice}
        </p>
      ) : null}
      <ul class="actions q-day-links">
        <li>
          <a class="button" href={`${base}/intake`} id="link-intake">
            {t('queue.day.intakeLink')}
          </a>
        </li>
        <li>
          <a class="button secondary" href={`${base}/concerns`} id="link-concerns">
            {t('followup.nav.concerns')}
          </a>
        </li>
        <li>
          <a class="button secondary" href={`${base}/visits`} id="link-visits">
            {t('visit.nav.station')}
          </a>
        </li>
        {triagePending > 0 ? (
          <li>
            <a class="button" href="/staff/triage" id="link-triage">
              {t('triage.todayLink', { n: triagePending })}
            </a>
          </li>
        ) : null}
        {present.map((d) => (
          <li>
            <a class="button secondary" href={`/console/${stationId}/${d.id}`} id={`console-link-${d.id}`}>
              {t('queue.day.consoleLink', { name: d.name })}
            </a>
          </li>
        ))}
      </ul>

      <section aria-labelledby="staff-calls-heading" class="staff-calls-section">
        <h2 id="staff-calls-heading">{t('staffCall.heading')}</h2>
        <div id={STAFF_CALLS_ID} data-live-url={`${base}/today/calls/events`}>
          <StaffCallsList stationId={stationId} calls={calls} />
        </div>
        <script src="/static/hx-sse.js" defer></script>
        <script src="/static/queue-live.js" defer></script>
      </section>

      <h2>{t('queue.day.queueHeading')}</h2>
      <p id="day-summary">
        {t('queue.day.summary', {
          waiting: summary.waiting,
          called: summary.called,
          parked: summary.parked,
          served: summary.served,
          noShow: summary.noShow,
        })}
      </p>

      <h2 id="presence-heading">{t('queue.day.presenceHeading')}</h2>
      <p class="hint">{t('queue.day.presenceHint')}</p>
      <table aria-labelledby="presence-heading" id="presence-table">
        <thead>
          <tr>
            <th scope="col">{t('queue.day.deputy')}</th>
            <th scope="col">{t('queue.day.state')}</th>
            <th scope="col">
              {t('queue.day.place')} · {t('queue.day.mark')}
            </th>
          </tr>
        </thead>
        <tbody>
          {deputies.map((d) => (
            <tr id={`presence-${d.id}`}>
              <th scope="row">
                {d.name}
                {d.homeStation ? <span class="q-badge-plain"> · {t('queue.day.ownDeputy')}</span> : null}
              </th>
              <td>
                {d.present === true
                  ? d.place
                    ? t('queue.day.presentAt', { place: d.place })
                    : t('queue.day.present')
                  : d.present === false
                    ? t('queue.day.absent')
                    : t('queue.day.unmarked')}
              </td>
              <td>
                <form method="post" action={`${base}/today/presence`} class="q-presence-form">
                  <CsrfField />
                  <input type="hidden" name="deputy" value={String(d.id)} />
                  <label for={`place-${d.id}`} class="q-visually-hidden">
                    {t('queue.day.placeFor', { name: d.name })}
                  </label>
                  <input
                    id={`place-${d.id}`}
                    name="place"
                    type="text"
                    maxlength={40}
                    value={d.place}
                    class="q-place"
                    autocomplete="off"
                  />
                  <button type="submit" name="present" value="1" id={`present-${d.id}`}>
                    {t('queue.day.markPresent')}
                  </button>
                  <button
                    type="submit"
                    name="present"
                    value="0"
                    class="button secondary"
                    id={`absent-${d.id}`}
                  >
                    {t('queue.day.markAbsent')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('queue.day.rulesHeading')}</h2>
      <p id="rule-now">{orderRuleText(t, settings.priorityEvery)}</p>
      <form method="post" action={`${base}/queue-settings`} id="settings-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <TextField
          name="priorityEvery"
          label="queue.day.priorityEvery"
          hint={t('queue.day.priorityEveryHint')}
          type="number"
          inputmode="numeric"
          value={settings.priorityEvery}
          required
          errors={errors}
        />
        <TextField
          name="firstResponseWorkingDays"
          label="queue.day.responseDays"
          hint={t('queue.day.responseDaysHint')}
          type="number"
          inputmode="numeric"
          value={settings.firstResponseWorkingDays}
          required
          errors={errors}
        />
        <button type="submit" id="save-settings">
          {t('form.save')}
        </button>
      </form>
    </StaffLayout>
  )
}
