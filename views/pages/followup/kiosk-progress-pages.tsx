import type { ConcernStatus, ReplyGrade, Verdict } from '../../../db/schema.ts'
import { TRACKING_CODE_LENGTH } from '../../../server/domain/secrets.ts'
import { CsrfField } from '../../components/form.tsx'
import { CodeKeypadField } from '../../components/keypad-field.tsx'
import { VerdictButtons } from '../../components/verdict-buttons.tsx'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { formatLocalDate, formatTrackingCode, statusLabel } from '../track/concern-labels.ts'
import { gradeLabel, verdictLabel } from './labels.ts'
import { FollowUpStyles } from './parts.tsx'

export const KIOSK_COMMENT_MAX = 200

/** Step one of "check progress": the tracking code from the slip. */
export function KioskProgressLookupPage({
  stationName,
  code = '',
  error,
}: {
  stationName: string
  code?: string
  error?: string
}) {
  const { t } = useI18n()
  return (
    <KioskLayout title={t('followup.kiosk.lookupTitle')} stationName={stationName}>
      <QueueStyles />
      <FollowUpStyles />
      <h1>{t('followup.kiosk.lookupTitle')}</h1>
      <p class="lead">{t('followup.kiosk.lookupLead')}</p>
      <form method="post" action="/kiosk/progress" id="progress-form" novalidate>
        <CsrfField />
        {error ? (
          <div class="error-summary" role="alert" id="progress-error" tabindex={-1}>
            <p>{error}</p>
          </div>
        ) : null}
        <CodeKeypadField
          name="code"
          label={t('followup.kiosk.codeLabel')}
          hint={t('followup.kiosk.codeHint')}
          value={code}
          length={TRACKING_CODE_LENGTH}
          describedBy={error ? 'progress-error' : undefined}
        />
        <div class="q-buttons kiosk-action-bar">
          <button type="submit" class="kiosk-button primary q-main" id="progress-submit">
            {t('followup.kiosk.lookupSubmit')}
          </button>
        </div>
      </form>
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk" id="progress-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}

export type KioskProgress = {
  trackingCode: string
  status: ConcernStatus
  topic: string
  stationName: string
  receivedOn: string
  dueOn: string | null
  reply: { text: string; grade: ReplyGrade | null; on: string } | null
  /** For a duplicate: the concern it was merged into (its status and reply are shown). */
  mergedInto: { status: ConcernStatus } | null
  canRate: boolean
  rated: Verdict | null
  newDueOn: string | null
}

/** What became of a concern, the reply to read, and the verdict to give once it is replied. */
export function KioskProgressPage({
  stationName,
  p,
  error,
}: {
  stationName: string
  p: KioskProgress
  error?: string
}) {
  const { t, dateTime } = useI18n()
  const day = (d: string) => formatLocalDate(dateTime, d)
  const code = formatTrackingCode(p.trackingCode)
  const shownStatus = p.mergedInto?.status ?? p.status
  return (
    <KioskLayout title={t('followup.kiosk.progressTitle', { code })} stationName={stationName}>
      <QueueStyles />
      <FollowUpStyles />
      <h1>{t('followup.kiosk.progressTitle', { code })}</h1>
      {p.rated ? (
        <div class="notice fu-kiosk-thanks" role="status" id="verdict-thanks">
          <p>{t('followup.kiosk.thanks', { verdict: verdictLabel(t, p.rated) })}</p>
          {p.newDueOn ? <p>{t('followup.kiosk.reopened', { date: day(p.newDueOn) })}</p> : null}
        </div>
      ) : null}
      {error ? (
        <div class="error-summary" role="alert" id="verdict-error" tabindex={-1}>
          <p>{error}</p>
        </div>
      ) : null}
      <dl class="q-facts fu-kiosk-facts" id="progress-facts">
        <dt>{t('queue.track.status')}</dt>
        <dd id="progress-status">
          <strong>{statusLabel(t, shownStatus)}</strong>
        </dd>
        <dt>{t('queue.track.topic')}</dt>
        <dd>{p.topic}</dd>
        <dt>{t('queue.track.station')}</dt>
        <dd>{p.stationName}</dd>
        <dt>{t('queue.track.received')}</dt>
        <dd>{day(p.receivedOn)}</dd>
        {p.dueOn ? (
          <>
            <dt>{t('followup.kiosk.dueOn')}</dt>
            <dd id="progress-due">{day(p.dueOn)}</dd>
          </>
        ) : null}
      </dl>
      {p.mergedInto ? <p class="notice">{t('followup.kiosk.merged')}</p> : null}
      {p.reply ? (
        <section class="fu-kiosk-reply" aria-labelledby="reply-title" id="progress-reply">
          <h2 id="reply-title">{t('followup.kiosk.replyTitle', { date: day(p.reply.on) })}</h2>
          <p class="fu-reply-text">{p.reply.text}</p>
          {p.reply.grade ? <p class="fu-reply-grade">{gradeLabel(t, p.reply.grade)}</p> : null}
        </section>
      ) : shownStatus === 'answered' ? null : (
        <p class="notice" id="progress-no-reply">
          {t('followup.kiosk.noReply')}
        </p>
      )}
      {p.canRate ? (
        <form method="post" action={`/kiosk/progress/${p.trackingCode}/verdict`} id="verdict-form" novalidate>
          <CsrfField />
          <input type="hidden" name="seen" value="replied" />
          <fieldset class="fu-kiosk-verdict">
            <legend>{t('followup.kiosk.verdictQuestion')}</legend>
            <div class="field">
              <label for="f-comment">
                {t('followup.kiosk.comment')} <span class="optional">({t('form.optional')})</span>
              </label>
              <textarea id="f-comment" name="comment" rows={2} maxlength={KIOSK_COMMENT_MAX}></textarea>
            </div>
            <VerdictButtons kiosk />
            <p class="hint q-hint">{t('followup.kiosk.unsatisfiedHint')}</p>
          </fieldset>
        </form>
      ) : null}
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk/progress" id="progress-another">
          {t('followup.kiosk.another')}
        </a>
        <a class="kiosk-button primary" href="/kiosk" id="progress-done">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}
