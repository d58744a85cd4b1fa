import type { PublicReply } from '../../../db/queries/followup.ts'
import { useI18n } from '../../i18n/index.ts'
import { formatLocalDate } from '../track/concern-labels.ts'
import { gradeLabel } from './labels.ts'

/** The reply on the public tracking page. */
export function TrackReply({ reply }: { reply: PublicReply }) {
  const { t, dateTime } = useI18n()
  return (
    <section aria-labelledby="track-reply-title" id="track-reply">
      <h2 id="track-reply-title">
        {t('followup.kiosk.replyTitle', { date: formatLocalDate(dateTime, reply.on) })}
      </h2>
      {reply.merged ? <p>{t('followup.kiosk.merged')}</p> : null}
      <p>{reply.text}</p>
      {reply.grade ? <p>{gradeLabel(t, reply.grade)}</p> : null}
    </section>
  )
}
