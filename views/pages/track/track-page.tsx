import type { Verdict } from '../../../db/enums.ts'
import type { PublicConcern } from '../../../db/queries/concerns.ts'
import type { PublicReply } from '../../../db/queries/followup.ts'
import type { SuggestionProgress } from '../../../db/queries/suggestion-handling.ts'
import type { Due } from '../../../server/domain/concern-follow-up.ts'
import { CsrfField } from '../../components/form.tsx'
import { VerdictButtons } from '../../components/verdict-buttons.tsx'
import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { KIOSK_COMMENT_MAX } from '../followup/kiosk-progress-pages.tsx'
import { verdictLabel } from '../followup/labels.ts'
import { FollowUpStyles } from '../followup/parts.tsx'
import { TrackReply } from '../followup/track-reply.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { PHONE_STYLES } from '../mobile/phone-styles.ts'
import { SuggestionProgressList } from '../suggestions/suggestion-progress.tsx'
import { eventLabel, formatTrackingCode, statusLabel } from './concern-labels.ts'

export type TrackStanding = { due: Due | null; canRate: boolean }

/**
 * The public status of a concern, reached from the slip's QR code on a phone: status, dates, the
 * current deadline, topic and the steps so far, and the verdict once it is replied or answered.
 * Never a name, a phone number or what the resident wrote (DESIGN §4.8).
 */
export function TrackPage({
  concern,
  reply,
  standing,
  rated = null,
  error,
  raised = null,
  pending = false,
  statusUrl = '',
  suggestions = [],
}: {
  concern: PublicConcern
  reply?: PublicReply | null
  standing: TrackStanding
  rated?: Verdict | null
  error?: string | undefined
  /** Just sent from a phone ('merged': the same concern was sent again and kept as one). */
  raised?: 'new' | 'merged' | null
  /** Waiting for a clerk's look before it reaches the deputy. */
  pending?: boolean
  statusUrl?: string
  /** The deputies' suggestions this concern is part of (issue 18), public steps only. */
  suggestions?: SuggestionProgress[]
}) {
  const { t, name, dateTime } = useI18n()
  const tz = concern.station.timeZone
  const day = (d: string) => dateTime(new Date(`${d}T12:00:00Z`), 'UTC', { dateStyle: 'long' })
  const code = formatTrackingCode(concern.trackingCode)
  return (
    <MobileLayout
      title={t('queue.track.title', { code })}
      heading={<CodeTitle code={code} />}
      styles={PHONE_STYLES}
    >
      <QueueStyles />
      <FollowUpStyles />
      {raised ? (
        <div class="notice m-raised" role="status" id="track-raised">
          <p>
            <strong>{t('m.raise.done')}</strong>
          </p>
          {raised === 'merged' ? <p>{t('m.raise.merged')}</p> : null}
          <p>{t('m.raise.saveCode')}</p>
          <p class="m-code" id="track-code">
            {code}
          </p>
          {pending ? <p>{t('m.raise.pending')}</p> : null}
          <p>
            {t('m.raise.statusLink')}: <a href={`/track/${concern.trackingCode}`}>{statusUrl}</a>
          </p>
        </div>
      ) : null}
      {rated ? (
        <div class="notice" role="status" id="track-thanks">
          <p>{t('followup.kiosk.thanks', { verdict: verdictLabel(t, rated) })}</p>
          {rated === 'unsatisfied' && standing.due ? (
            <p>{t('followup.kiosk.reopened', { date: day(standing.due.on) })}</p>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <div class="error-summary" role="alert" id="track-error" tabindex={-1}>
          <p>{error}</p>
        </div>
      ) : null}
      {concern.status === 'spam' || concern.triage === 'pending' ? (
        <p class="notice" role="status" id="track-triage">
          {t(concern.status === 'spam' ? 'triage.track.spam' : 'triage.track.pending')}
        </p>
      ) : null}
      <dl class="q-facts" id="track-facts">
        <dt>{t('queue.track.status')}</dt>
        <dd id="track-status">
          <strong>{statusLabel(t, concern.status)}</strong>
        </dd>
        <dt>{t('queue.track.topic')}</dt>
        <dd>{name(concern.topic)}</dd>
        <dt>{t('queue.track.station')}</dt>
        <dd>{name(concern.station)}</dd>
        <dt>{t('queue.track.received')}</dt>
        <dd>{day(concern.receivedOn)}</dd>
        {standing.due ? (
          <>
            <dt>{t('queue.track.due')}</dt>
            <dd id="track-due">{day(standing.due.on)}</dd>
          </>
        ) : null}
      </dl>
      {reply ? <TrackReply reply={reply} /> : null}
      {standing.canRate ? (
        <form
          method="post"
          action={`/track/${concern.trackingCode}/verdict`}
          id="track-verdict-form"
          novalidate
        >
          <CsrfField />
          <fieldset class="track-verdict">
            <legend>{t('followup.kiosk.verdictQuestion')}</legend>
            <VerdictButtons />
            <p class="hint">{t('followup.kiosk.unsatisfiedHint')}</p>
            <div class="field">
              <label for="f-comment">
                {t('followup.kiosk.comment')} <span class="optional">({t('form.optional')})</span>
              </label>
              <textarea id="f-comment" name="comment" rows={2} maxlength={KIOSK_COMMENT_MAX}></textarea>
            </div>
          </fieldset>
        </form>
      ) : null}
      <SuggestionProgressList items={suggestions} timeZone={tz} listClass="q-timeline" />
      <h2>{t('queue.track.timeline')}</h2>
      <ol class="q-timeline" id="track-timeline">
        {concern.timeline.map((e) => (
          <li>
            <time datetime={e.at.toISOString()}>{dateTime(e.at, tz)}</time> · {eventLabel(t, e.action)} ·{' '}
            {statusLabel(t, e.toStatus)}
          </li>
        ))}
      </ol>
      <p class="hint">{t('queue.track.privacy')}</p>
    </MobileLayout>
  )
}

/** The title with the code on one line: at 360 px it must not break at the dash. */
function CodeTitle({ code }: { code: string }) {
  const { t } = useI18n()
  const [before = '', after = ''] = t('queue.track.title', { code: '\u0000' }).split('\u0000')
  return (
    <>
      {before}
      <span class="m-nowrap">{code}</span>
      {after}
    </>
  )
}
