import type { PublicSuggestion } from '../../../db/queries/suggestion-public.ts'
import { suggestionRef } from '../../../db/queries/suggestions.ts'
import { publicStatusGroup, replyOnTime } from '../../../server/domain/suggestion-public.ts'
import { localDate } from '../../../server/domain/time.ts'
import { useI18n } from '../../i18n/index.ts'
import { gradeLabel, verdictLabel } from '../followup/labels.ts'
import { suggestionRefLabel, suggestionStatusLabel, unitRoleLabel } from './suggestion-labels.ts'

/** The stylesheet of the public suggestion pages, loaded only by them. */
export const SUGGESTION_PUBLIC_STYLES = ['/static/public-pages.css', '/static/suggestion-public.css']

/** Chinese text takes full-width punctuation, English its own (as the deputy page does). */
export const punctuation = (locale: string) =>
  locale === 'en'
    ? { colon: ': ', list: ', ', semicolon: '; ', open: ' (', close: ')' }
    : { colon: '：', list: '、', semicolon: '；', open: '（', close: '）' }

const day = (d: Date | null, timeZone: string) => (d ? localDate(d, timeZone) : null)

/** The reference and status line above a suggestion's title. */
export function SuggestionBadge({ s }: { s: PublicSuggestion }) {
  const { t } = useI18n()
  return (
    <p class="sgp-ref">
      <span>{suggestionRefLabel(t, suggestionRef(s))}</span>{' '}
      <span class={`sgp-status sgp-status-${publicStatusGroup(s.status)}`}>
        {suggestionStatusLabel(t, s.status)}
      </span>
      {s.urgent ? <span class="sgp-urgent"> {t('sgpub.urgent')}</span> : null}
    </p>
  )
}

/**
 * What the public may know of a filed suggestion: deputies (public figures), the units, each
 * reply's grade and date, the dates, the deputy's verdict once closed and the number of
 * residents' concerns behind it — never who those residents are.
 */
export function SuggestionFacts({ s, id }: { s: PublicSuggestion; id: string }) {
  const { t, name, locale } = useI18n()
  const p = punctuation(locale)
  const unitName = new Map(s.units.map((u) => [u.unitId, name(u)]))
  const submitted = day(s.submittedAt, s.timeZone)
  const replied = day(s.repliedAt, s.timeZone)
  const closed = s.status === 'closed' ? day(s.closedAt, s.timeZone) : null
  return (
    <dl class="pub-facts sgp-facts" id={id}>
      <div>
        <dt>{t('suggestion.field.leadDeputy')}</dt>
        <dd>{s.leadDeputyName}</dd>
      </div>
      {s.cosignerNames.length > 0 ? (
        <div>
          <dt>{t('suggestion.field.cosigners')}</dt>
          <dd>{s.cosignerNames.join(p.list)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('sgpub.units')}</dt>
        <dd>
          {s.units.length === 0
            ? t('sgpub.units.none')
            : s.units.map((u) => (
                <span class="sgp-unit">
                  {unitRoleLabel(t, u.role)}
                  {p.colon}
                  {name(u)}
                </span>
              ))}
        </dd>
      </div>
      {s.replies.length > 0 ? (
        <div>
          <dt>{t('sgpub.replies')}</dt>
          <dd class="sgp-replies">
            {s.replies.map((r) => {
              const onTime = replyOnTime(r)
              return (
                <span class="sgp-unit">
                  <strong>
                    {unitName.get(r.unitId) ?? ''}
                    {r.round > 0 ? `${p.open}${t('sgpub.rehandled')}${p.close}` : ''}
                  </strong>{' '}
                  {gradeLabel(t, r.grade)} · <span class="sgp-nowrap">{r.repliedOn}</span>
                  {onTime === null ? '' : ` · ${onTime ? t('sgpub.onTime') : t('sgpub.late')}`}
                </span>
              )
            })}
          </dd>
        </div>
      ) : null}
      {submitted ? (
        <div>
          <dt>{t('suggestion.field.submittedAt')}</dt>
          <dd>{submitted}</dd>
        </div>
      ) : null}
      {s.dueOn && s.status !== 'closed' ? (
        <div>
          <dt>{t('suggestion.field.dueOn')}</dt>
          <dd>{s.dueOn}</dd>
        </div>
      ) : null}
      {replied ? (
        <div>
          <dt>{t('suggestion.field.repliedAt')}</dt>
          <dd>{replied}</dd>
        </div>
      ) : null}
      {closed ? (
        <div>
          <dt>{t('sgpub.closedAt')}</dt>
          <dd>{closed}</dd>
        </div>
      ) : null}
      {s.status === 'closed' && s.verdict ? (
        <div>
          <dt>{t('suggestion.field.verdict')}</dt>
          <dd>{verdictLabel(t, s.verdict)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('suggestion.field.evidence')}</dt>
        <dd>{s.concernCount > 0 ? t('sgpub.evidence', { n: s.concernCount }) : t('sgpub.evidence.none')}</dd>
      </div>
    </dl>
  )
}
