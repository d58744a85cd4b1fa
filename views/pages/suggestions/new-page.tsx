import { SUGGESTION_KINDS, type SuggestionKind } from '../../../db/enums.ts'
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { formatTrackingCode } from '../track/concern-labels.ts'
import { suggestionKindLabel } from './suggestion-labels.ts'
import { SuggestionStyles } from './suggestion-parts.tsx'

export type NewDraftValues = { title: string; problem: string; causes: string; leadDeputy: string }

/**
 * Starting a suggestion: first a kind (each a button that fills in its template), then the title
 * and the problem to start from, and — for staff writing for a deputy — which deputy leads it.
 */
export function NewSuggestionPage(p: {
  kind: SuggestionKind | null
  /** A concern the draft will be linked to (from the concern page's link). */
  concern: { id: number; trackingCode: string } | null
  /** Deputies staff may write for; null when a deputy writes their own. */
  deputies: { id: number; name: string }[] | null
  values: NewDraftValues
  limits: { titleMax: number; problemMax: number; causesMax: number }
  errors?: FieldErrors
  message?: string | undefined
}) {
  const { t } = useI18n()
  const concernQuery = p.concern ? `&concern=${p.concern.id}` : ''
  return (
    <StaffLayout title={t('suggestionDraft.new.title')}>
      <SuggestionStyles />
      <p class="fu-back">
        <a href="/suggestions">{t('suggestionDraft.detail.back')}</a>
      </p>
      {p.message ? (
        <p class="notice notice-error" role="alert" id="new-error">
          {p.message}
        </p>
      ) : null}
      {p.concern ? (
        <p class="notice" id="new-concern">
          {t('suggestionDraft.new.withConcern', { code: formatTrackingCode(p.concern.trackingCode) })}
        </p>
      ) : null}
      {p.kind === null ? (
        <section aria-labelledby="kind-title">
          <h2 id="kind-title">{t('suggestion.field.kind')}</h2>
          <p>{t('suggestionDraft.new.chooseKind')}</p>
          <ul class="sg-kinds" id="suggestion-kinds">
            {SUGGESTION_KINDS.map((k) => (
              <li>
                <a
                  class="button secondary"
                  href={`/suggestions/new?kind=${k}${concernQuery}`}
                  id={`kind-${k}`}
                >
                  {suggestionKindLabel(t, k)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <form method="post" action="/suggestions/new" id="new-suggestion-form" class="sg-form">
          <CsrfField />
          <ErrorSummary errors={p.errors ?? {}} />
          <input type="hidden" name="kind" value={p.kind} />
          {p.concern ? <input type="hidden" name="concern" value={String(p.concern.id)} /> : null}
          <p id="new-kind">
            {t('suggestionDraft.new.kindChosen', { kind: suggestionKindLabel(t, p.kind) })} ·{' '}
            <a href={`/suggestions/new?${concernQuery.slice(1)}`}>{t('suggestionDraft.new.changeKind')}</a>
          </p>
          {p.deputies !== null ? (
            p.deputies.length === 0 ? (
              <p class="notice notice-error">{t('suggestionDraft.new.noDeputies')}</p>
            ) : (
              <>
                <p class="hint">{t('suggestionDraft.new.forDeputy')}</p>
                <SelectField
                  name="leadDeputy"
                  label="suggestion.field.leadDeputy"
                  required
                  value={p.values.leadDeputy}
                  options={p.deputies.map((d) => ({ value: d.id, label: d.name }))}
                  errors={p.errors}
                />
              </>
            )
          ) : null}
          <TextField
            name="title"
            label="suggestion.field.title"
            value={p.values.title}
            maxlength={p.limits.titleMax}
            hint={t('suggestionDraft.hint.title')}
            errors={p.errors}
          />
          <TextAreaField
            name="problem"
            label="suggestion.field.problem"
            value={p.values.problem}
            maxlength={p.limits.problemMax}
            rows={6}
            hint={t('suggestionDraft.hint.problem')}
            errors={p.errors}
          />
          <TextAreaField
            name="causes"
            label="suggestion.field.causes"
            value={p.values.causes}
            maxlength={p.limits.causesMax}
            rows={4}
            errors={p.errors}
          />
          <button type="submit" class="button" id="start-draft">
            {t('suggestionDraft.new.start')}
          </button>
        </form>
      )}
    </StaffLayout>
  )
}
