import { VERDICTS } from '../../../db/enums.ts'
import type { SuggestionEvidence } from '../../../db/queries/suggestion-finder.ts'
import type { SuggestionView } from '../../../db/queries/suggestions.ts'
import { evidenceConcerns, summariseEvidence } from '../../../server/domain/suggestion-finder.ts'
import { useI18n } from '../../i18n/index.ts'
import { verdictLabel } from '../followup/labels.ts'
import { dayLabel, listJoin } from './finder-page.tsx'

const WORDS_SHOWN = 3

/**
 * A draft's evidence from residents (issue 18 item 2): number of residents, places, first and last
 * dates, the residents' own words without personal data, satisfaction history of the linked
 * concerns. `evidence` (db/queries/suggestion-finder.ts suggestionEvidence) adds the place names
 * and the residents' verdicts; without it the panel shows what the suggestion alone tells.
 */
export function EvidencePanel({
  suggestion,
  evidence,
}: {
  suggestion: SuggestionView
  evidence?: SuggestionEvidence
}) {
  const { t, name, dateTime, locale } = useI18n()
  const concerns = evidence?.concerns ?? evidenceConcerns(suggestion.concerns)
  const s = summariseEvidence(concerns, evidence?.verdicts ?? [])
  const words = [...concerns]
    .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.id - a.id)
    .map((c) => c.words)
    .filter((w) => w !== '')
  const places = s.placeIds.flatMap((id) => {
    const p = evidence?.placeNames.get(id)
    return p ? [name(p)] : []
  })
  return (
    <section
      id="suggestion-evidence"
      class="suggestion-evidence"
      aria-labelledby="suggestion-evidence-heading"
    >
      <h2 id="suggestion-evidence-heading">{t('suggestion.field.evidence')}</h2>
      {s.concerns === 0 ? (
        <p id="evidence-none">
          {t('suggestionEvidence.none')}{' '}
          <a href={`/suggestions/finder?deputy=${suggestion.leadDeputyId}`}>{t('suggestionFinder.link')}</a>
        </p>
      ) : (
        <>
          <p id="evidence-residents">
            <strong>{t('suggestionEvidence.residents', { n: s.residents, count: s.concerns })}</strong>
          </p>
          <p class="hint">{t('suggestionEvidence.countRule')}</p>
          <dl class="q-facts">
            {evidence ? (
              <>
                <dt>{t('suggestionEvidence.places')}</dt>
                <dd id="evidence-places">
                  {listJoin(locale, places)}
                  {s.withoutPlace > 0 ? (
                    <>
                      {places.length > 0 ? ' ' : ''}
                      {t('suggestionEvidence.withoutPlace', { n: s.withoutPlace })}
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            <dt>{t('suggestionEvidence.dates')}</dt>
            <dd id="evidence-dates">
              {t('suggestionEvidence.dateRange', {
                first: dayLabel(dateTime, s.firstOn!),
                last: dayLabel(dateTime, s.lastOn!),
              })}
            </dd>
          </dl>
          {words.length > 0 ? (
            <>
              <h3>{t('suggestionEvidence.words')}</h3>
              <ul id="evidence-words">
                {words.slice(0, WORDS_SHOWN).map((w) => (
                  <li>
                    <q>{w}</q>
                  </li>
                ))}
              </ul>
              {words.length > WORDS_SHOWN ? (
                <p id="evidence-more">{t('suggestionEvidence.more', { n: words.length - WORDS_SHOWN })}</p>
              ) : null}
            </>
          ) : null}
          <h3>{t('suggestionEvidence.satisfaction')}</h3>
          <ul id="evidence-satisfaction">
            {evidence
              ? VERDICTS.map((v) => (
                  <li>
                    {verdictLabel(t, v)} <strong>{s.verdicts[v]}</strong>
                  </li>
                ))
              : null}
            <li>{t('suggestionEvidence.open', { n: s.open })}</li>
            {evidence ? <li>{t('suggestionEvidence.unrated', { n: s.unrated })}</li> : null}
          </ul>
        </>
      )}
    </section>
  )
}
