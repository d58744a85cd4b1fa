import type { SuggestionEventAction } from '../../../db/enums.ts'
import type { PublicSuggestion } from '../../../db/queries/suggestion-public.ts'
import type { SuggestionEventRow } from '../../../db/queries/suggestions.ts'
import { replyOnTime } from '../../../server/domain/suggestion-public.ts'
import { localDate } from '../../../server/domain/time.ts'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { gradeLabel, verdictLabel } from '../followup/labels.ts'
import { PublicSection } from '../public/public-parts.tsx'
import { punctuation, SUGGESTION_PUBLIC_STYLES, SuggestionBadge, SuggestionFacts } from './public-parts.tsx'
import { suggestionStatusLabel } from './suggestion-labels.ts'

const EVENT: Partial<Record<SuggestionEventAction, MessageKey>> = {
  submitted: 'sgpub.event.submitted',
  accepted: 'sgpub.event.accepted',
  assigned: 'sgpub.event.assigned',
  unit_replied: 'sgpub.event.unitReplied',
  verdict: 'sgpub.event.verdict',
  rehandling: 'sgpub.event.rehandling',
  closed: 'sgpub.event.closed',
  escalated: 'sgpub.event.escalated',
}

export type PublicSuggestionView = {
  s: PublicSuggestion
  actions: { position: number; text: string; actor: string }[]
  /** Public steps only (see isPublicSuggestionEvent). */
  events: SuggestionEventRow[]
  /** Every unit named in replies or events, assigned now or before. */
  unitNames: Map<number, string>
  shareImage: string
}

/** /m/suggestions/:id — one filed suggestion in full, its replies and its progress. */
export function PublicSuggestionPage({ v }: { v: PublicSuggestionView }) {
  const { t, locale } = useI18n()
  const p = punctuation(locale)
  const { s } = v
  return (
    <MobileLayout
      title={s.title}
      share={{
        description: `${suggestionStatusLabel(t, s.status)} · ${t('suggestion.field.leadDeputy')}${p.colon}${s.leadDeputyName}`,
        image: v.shareImage,
      }}
      styles={SUGGESTION_PUBLIC_STYLES}
    >
      <SuggestionBadge s={s} />
      <SuggestionFacts s={s} id="sgp-facts" />
      <PublicSection id="sgp-problem" title={t('suggestion.field.problem')}>
        <p class="sgp-text">{s.problem}</p>
      </PublicSection>
      {s.causes.trim() ? (
        <PublicSection id="sgp-causes" title={t('suggestion.field.causes')}>
          <p class="sgp-text">{s.causes}</p>
        </PublicSection>
      ) : null}
      <PublicSection id="sgp-actions" title={t('suggestion.field.actions')}>
        <ol class="sgp-actions" id="sgp-action-list">
          {v.actions.map((a) => (
            <li>
              {a.text}
              {a.actor ? <span class="pub-note">{t('sgpub.print.actor', { actor: a.actor })}</span> : null}
            </li>
          ))}
        </ol>
      </PublicSection>
      <PublicSection id="sgp-replies" title={t('sgpub.replies.title')}>
        {s.replies.length === 0 ? (
          <p id="sgp-replies-none">{t('sgpub.replies.none')}</p>
        ) : (
          <ul class="pub-when" id="sgp-reply-list">
            {s.replies.map((r) => {
              const onTime = replyOnTime(r)
              return (
                <li id={`sgp-reply-${r.id}`}>
                  <strong>
                    {v.unitNames.get(r.unitId) ?? ''}
                    {r.round > 0 ? `${p.open}${t('sgpub.rehandled')}${p.close}` : ''}
                  </strong>
                  <span class="pub-note">
                    {gradeLabel(t, r.grade)} · {r.repliedOn}
                    {onTime === null ? '' : ` · ${onTime ? t('sgpub.onTime') : t('sgpub.late')}`}
                  </span>
                  <p class="sgp-text">{r.text}</p>
                </li>
              )
            })}
          </ul>
        )}
      </PublicSection>
      <PublicSection id="sgp-timeline" title={t('sgpub.timeline.title')}>
        <ol class="pub-when sgp-timeline" id="sgp-timeline-list">
          {v.events.map((e) => {
            const key = EVENT[e.action]
            if (!key) return null
            const extra = [
              e.detail.unitId ? v.unitNames.get(e.detail.unitId) : undefined,
              e.detail.grade ? gradeLabel(t, e.detail.grade) : undefined,
              e.detail.verdict ? verdictLabel(t, e.detail.verdict) : undefined,
              e.action === 'assigned' && e.detail.dueOn
                ? `${t('suggestion.field.dueOn')} ${e.detail.dueOn}`
                : undefined,
            ].filter(Boolean)
            return (
              <li>
                <strong>{localDate(e.at, s.timeZone)}</strong> <span>{t(key)}</span>
                {extra.length > 0 ? <span class="pub-note"> {extra.join(' · ')}</span> : null}
              </li>
            )
          })}
        </ol>
      </PublicSection>
      <p>
        <a href="/m/suggestions" id="sgp-back">
          {t('sgpub.back')}
        </a>
      </p>
    </MobileLayout>
  )
}
