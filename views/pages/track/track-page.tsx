import type { PublicConcern } from '../../../db/queries/concerns.ts'
import type { PublicReply } from '../../../db/queries/followup.ts'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { TrackReply } from '../followup/track-reply.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { eventLabel, formatTrackingCode, statusLabel } from './concern-labels.ts'

/**
 * The public status of a concern, reached from the slip's QR code: status, dates, topic and the
 * steps so far. Never a name, a phone number or what the resident wrote (DESIGN §4.8).
 */
export function TrackPage({ concern, reply }: { concern: PublicConcern; reply?: PublicReply | null }) {
  const { t, name, dateTime } = useI18n()
  const tz = concern.station.timeZone
  const day = (d: string) => dateTime(new Date(`${d}T12:00:00Z`), 'UTC', { dateStyle: 'long' })
  return (
    <StaffLayout title={t('queue.track.title', { code: formatTrackingCode(concern.trackingCode) })}>
      <QueueStyles />
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
        <dt>{t('queue.track.due')}</dt>
        <dd id="track-due">{day(concern.firstResponseDueOn)}</dd>
      </dl>
      {reply ? <TrackReply reply={reply} /> : null}
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
    </StaffLayout>
  )
}
