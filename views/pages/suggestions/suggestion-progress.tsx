import type { PublicProgressStep, SuggestionProgress } from '../../../db/queries/suggestion-handling.ts'
import { suggestionRef } from '../../../db/queries/suggestions.ts'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import { suggestionStatusLabel } from './suggestion-labels.ts'

const STEP: Record<PublicProgressStep, MessageKey> = {
  submitted: 'suggestionHandling.progress.submitted',
  accepted: 'suggestionHandling.progress.accepted',
  assigned: 'suggestionHandling.progress.assigned',
  replied: 'suggestionHandling.progress.replied',
  rehandling: 'suggestionHandling.progress.rehandling',
  closed: 'suggestionHandling.progress.closed',
}

/**
 * The progress of the deputies' suggestions a concern is part of, in public words only (which step,
 * which day): on the resident's tracking page and the staff's concern page. `link` points staff
 * and deputies to the suggestion itself.
 */
export function SuggestionProgressList(p: {
  items: SuggestionProgress[]
  timeZone: string
  link?: boolean
  listClass?: string
}) {
  const { t, dateTime } = useI18n()
  if (p.items.length === 0) return null
  return (
    <section class="suggestion-progress" id="suggestion-progress" aria-labelledby="suggestion-progress-h">
      <h2 id="suggestion-progress-h">{t('suggestionHandling.progress.heading')}</h2>
      {p.items.map((s) => {
        const ref = suggestionRef(s) ?? String(s.id)
        const intro = t('suggestionHandling.progress.intro', {
          ref,
          status: suggestionStatusLabel(t, s.status),
        })
        return (
          <div class="suggestion-progress-item">
            <p>{p.link ? <a href={`/suggestions/${s.id}`}>{intro}</a> : intro}</p>
            <ol class={p.listClass ?? 'fu-timeline'}>
              {s.steps.map((e) => (
                <li>
                  <time datetime={e.at.toISOString()}>
                    {dateTime(e.at, p.timeZone, { dateStyle: 'medium' })}
                  </time>{' '}
                  {t(STEP[e.step])}
                </li>
              ))}
            </ol>
          </div>
        )
      })}
    </section>
  )
}
