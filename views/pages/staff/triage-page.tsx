import type { TriageRow } from '../../../db/queries/triage.ts'
import { maskPhone } from '../../../server/domain/masking.ts'
import { PostButton } from '../../components/post-button.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { formatTrackingCode } from '../track/concern-labels.ts'

/**
 * The clerks' triage view (issue 16): phone concerns of their stations waiting for a look, each
 * with what a clerk needs to tell a concern from junk, and accept / spam. The phone is masked:
 * the full number is on the concern's own page for its station's staff.
 */
export function TriagePage({ rows, notice, error }: { rows: TriageRow[]; notice?: string; error?: string }) {
  const { t, name, dateTime } = useI18n()
  return (
    <StaffLayout title={t('triage.title')}>
      <QueueStyles />
      <p class="lead">{t('triage.intro')}</p>
      {notice ? (
        <p class="notice notice-ok" role="status" id="triage-notice">
          {notice}
        </p>
      ) : null}
      {error ? (
        <div class="error-summary" role="alert" id="triage-error" tabindex={-1}>
          <p>{error}</p>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p class="hint" id="triage-none">
          {t('triage.none')}
        </p>
      ) : (
        <>
          <p id="triage-count">{t('triage.count', { n: rows.length })}</p>
          <ul class="triage-list">
            {rows.map((r) => {
              const code = formatTrackingCode(r.trackingCode)
              return (
                <li id={`triage-${r.id}`} class="triage-item">
                  <h2>
                    <a href={`/concerns/${r.id}`}>{code}</a>
                  </h2>
                  <dl class="q-facts">
                    <dt>{t('triage.received')}</dt>
                    <dd>
                      {dateTime(r.createdAt, r.station.timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
                    </dd>
                    <dt>{t('triage.station')}</dt>
                    <dd>{name(r.station)}</dd>
                    <dt>{t('triage.topic')}</dt>
                    <dd>{name(r.topic)}</dd>
                    <dt>{t('triage.text')}</dt>
                    <dd class="triage-text">{r.description ?? ''}</dd>
                    <dt>{t('triage.place')}</dt>
                    <dd>{r.place ? name(r.place) : t('triage.noPlace')}</dd>
                    <dt>{t('triage.deputy')}</dt>
                    <dd>{r.deputyName ?? t('triage.anyDeputy')}</dd>
                    <dt>{t('triage.phone')}</dt>
                    <dd>{r.callbackPhone ? maskPhone(r.callbackPhone) : t('triage.noPhone')}</dd>
                  </dl>
                  {r.samePhone > 0 || r.sameText > 0 ? (
                    <ul class="triage-hints" id={`triage-hints-${r.id}`}>
                      {r.samePhone > 0 ? <li>{t('triage.samePhone', { n: r.samePhone })}</li> : null}
                      {r.sameText > 0 ? <li>{t('triage.sameText', { n: r.sameText })}</li> : null}
                    </ul>
                  ) : null}
                  <div class="actions">
                    <PostButton
                      action={`/staff/triage/${r.id}/accept`}
                      label={t('triage.accept')}
                      name={code}
                      buttonClass="button"
                    />
                    <PostButton
                      action={`/staff/triage/${r.id}/spam`}
                      label={t('triage.spam')}
                      name={code}
                      buttonClass="button secondary"
                    />
                  </div>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </StaffLayout>
  )
}
