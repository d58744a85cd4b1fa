import { SUGGESTION_KINDS } from '../../../db/enums.ts'
import type { SuggestionEvidence } from '../../../db/queries/suggestion-finder.ts'
import type { SuggestionView } from '../../../db/queries/suggestions.ts'
import type { QualityReport } from '../../../server/domain/suggestion-quality.ts'
import { CheckboxField, CheckboxGroup } from '../../components/checkbox-field.tsx'
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form.tsx'
import { QualityChecklist } from '../../components/quality-checklist.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { formatLocalDate, formatTrackingCode, statusLabel } from '../track/concern-labels.ts'
import { EvidencePanel } from './evidence-panel.tsx'
import { cosignStateLabel, suggestionKindLabel } from './suggestion-labels.ts'
import { SuggestionNotice, SuggestionStyles } from './suggestion-parts.tsx'

/** What the edit form shows: the stored draft, or what the person typed when a save was refused. */
export type EditValues = {
  title: string
  kind: string
  problem: string
  causes: string
  actions: { text: string; actor: string }[]
  leadUnit: string
  assistUnits: string[]
  urgent: boolean
  noEvidenceReason: string
  version: string
}

export type EditLimits = {
  titleMax: number
  problemMax: number
  causesMax: number
  actionMax: number
  actorMax: number
  actionsMax: number
  noEvidenceReasonMax: number
}

export const editValuesOf = (s: SuggestionView): EditValues => ({
  title: s.title,
  kind: s.kind,
  problem: s.problem,
  causes: s.causes,
  actions: s.actions.map((a) => ({ text: a.text, actor: a.actor })),
  leadUnit: String(s.units.find((u) => u.stage === 'proposed' && u.role === 'lead')?.unitId ?? ''),
  assistUnits: s.units
    .filter((u) => u.stage === 'proposed' && u.role === 'assist')
    .map((u) => String(u.unitId)),
  urgent: s.urgent,
  noEvidenceReason: s.noEvidenceReason,
  version: String(s.version),
})

/** The rows the form offers: the written ones plus two empty ones, at least one, at most the limit. */
export const actionRows = (actions: EditValues['actions'], max: number) => {
  const rows = actions.filter((a) => a.text.trim() !== '' || a.actor.trim() !== '')
  const n = Math.min(max, Math.max(1, rows.length + 2))
  return Array.from({ length: n }, (_, i) => rows[i] ?? { text: '', actor: '' })
}

export type EditPageProps = {
  suggestion: SuggestionView
  evidence?: SuggestionEvidence
  values: EditValues
  units: { id: number; name: string }[]
  deputies: { id: number; name: string }[]
  report: QualityReport
  limits: EditLimits
  mayLead: boolean
  errors?: FieldErrors
  message?: string | undefined
  notice?: string | undefined
}

/** Writing a draft (or a returned suggestion): its text, actions, units, evidence and co-signers. */
export function EditSuggestionPage(p: EditPageProps) {
  const { t } = useI18n()
  const s = p.suggestion
  const v = p.values
  const errors = p.errors ?? {}
  return (
    <StaffLayout title={t('suggestionDraft.edit.title')}>
      <SuggestionStyles />
      <p class="fu-back">
        <a href="/suggestions">{t('suggestionDraft.detail.back')}</a> ·{' '}
        <a href={`/suggestions/${s.id}`} id="see-suggestion">
          {t('suggestionDraft.edit.detail')}
        </a>
      </p>
      <SuggestionNotice text={p.notice} id="edit-notice" />
      {p.message ? (
        <p class="notice notice-error" role="alert" id="edit-error" tabindex={-1}>
          {p.message}
        </p>
      ) : null}
      {s.status === 'returned' && s.returnReason ? (
        <p class="notice notice-error" id="return-reason">
          <strong>{t('suggestionDraft.detail.returnReason')}</strong> {s.returnReason}
        </p>
      ) : null}
      <p>
        {t('suggestion.field.leadDeputy')}: <strong id="edit-lead">{s.leadDeputyName}</strong>
      </p>
      <div class="sg-columns">
        <form method="post" action={`/suggestions/${s.id}/edit`} id="suggestion-edit-form" class="sg-form">
          <CsrfField />
          <ErrorSummary errors={errors} />
          <input type="hidden" name="version" value={v.version} />
          <TextField
            name="title"
            label="suggestion.field.title"
            value={v.title}
            maxlength={p.limits.titleMax}
            hint={t('suggestionDraft.hint.title')}
            errors={errors}
          />
          <SelectField
            name="kind"
            label="suggestion.field.kind"
            required
            value={v.kind}
            options={SUGGESTION_KINDS.map((k) => ({ value: k, label: suggestionKindLabel(t, k) }))}
            errors={errors}
          />
          <TextAreaField
            name="problem"
            label="suggestion.field.problem"
            value={v.problem}
            maxlength={p.limits.problemMax}
            rows={7}
            hint={t('suggestionDraft.hint.problem')}
            errors={errors}
          />
          <TextAreaField
            name="causes"
            label="suggestion.field.causes"
            value={v.causes}
            maxlength={p.limits.causesMax}
            rows={4}
            errors={errors}
          />
          <fieldset class="sg-actions" id="actions" aria-describedby="h-actions">
            <legend>{t('suggestion.field.actions')}</legend>
            <p class="hint" id="h-actions">
              {t('suggestionDraft.hint.actions')}
            </p>
            {errors.actions ? (
              <p class="error" id="e-actions">
                {errors.actions}
              </p>
            ) : null}
            <ol>
              {actionRows(v.actions, p.limits.actionsMax).map((a, i) => (
                <li class="sg-action">
                  <div class="field">
                    <label for={`f-action-${i + 1}`}>
                      {t('suggestionDraft.field.actionText', { n: i + 1 })}
                    </label>
                    <textarea
                      id={`f-action-${i + 1}`}
                      name={`action-${i + 1}`}
                      rows={2}
                      maxlength={p.limits.actionMax}
                    >
                      {a.text}
                    </textarea>
                  </div>
                  <div class="field">
                    <label for={`f-actor-${i + 1}`}>
                      {t('suggestion.field.actionActor')}
                      <span class="visually-hidden"> {i + 1}</span>
                    </label>
                    <input
                      id={`f-actor-${i + 1}`}
                      name={`actor-${i + 1}`}
                      type="text"
                      value={a.actor}
                      maxlength={p.limits.actorMax}
                    />
                  </div>
                </li>
              ))}
            </ol>
            <button type="submit" name="intent" value="more" class="button secondary" id="more-actions">
              {t('suggestionDraft.edit.more')}
            </button>
          </fieldset>
          <fieldset class="sg-units" id="units">
            <legend>{t('suggestion.field.units')}</legend>
            <SelectField
              name="leadUnit"
              label="suggestionDraft.field.leadUnit"
              value={v.leadUnit}
              placeholder={t('suggestionDraft.field.chooseUnit')}
              options={p.units.map((u) => ({ value: u.id, label: u.name }))}
              errors={errors}
            />
            <CheckboxGroup
              name="assistUnits"
              legend="suggestionDraft.field.assistUnits"
              options={p.units.map((u) => ({ value: u.id, label: u.name }))}
              values={v.assistUnits}
              errors={errors}
            />
          </fieldset>
          <CheckboxField name="urgent" label="suggestion.field.urgent" checked={v.urgent} errors={errors} />
          <TextAreaField
            name="noEvidenceReason"
            label="suggestion.field.noEvidenceReason"
            value={v.noEvidenceReason}
            maxlength={p.limits.noEvidenceReasonMax}
            rows={3}
            hint={t('suggestionDraft.hint.noEvidence')}
            errors={errors}
          />
          <div class="sg-buttons">
            <button type="submit" name="intent" value="save" class="button" id="save-draft">
              {t('suggestionDraft.edit.save')}
            </button>
            {p.mayLead ? (
              <button type="submit" name="intent" value="submit" class="button" id="save-submit">
                {t('suggestionDraft.edit.saveSubmit')}
              </button>
            ) : (
              <p class="hint">{t('suggestionDraft.submit.leadOnly')}</p>
            )}
          </div>
        </form>
        <div class="sg-side">
          <section aria-labelledby="check-title" id="suggestion-check">
            <h2 id="check-title">{t('suggestionDraft.submit.title')}</h2>
            <p>{t('suggestionDraft.submit.intro')}</p>
            <QualityChecklist report={p.report} />
          </section>
          <LinkedConcerns suggestion={s} editable />
          <EvidencePanel suggestion={s} evidence={p.evidence} />
          <Cosigners suggestion={s} deputies={p.deputies} editable />
        </div>
      </div>
    </StaffLayout>
  )
}

/** The linked residents' concerns (codes, dates, status; no personal data), with unlink buttons. */
export function LinkedConcerns({
  suggestion: s,
  editable,
}: {
  suggestion: SuggestionView
  editable: boolean
}) {
  const { t, dateTime } = useI18n()
  return (
    <section aria-labelledby="linked-title" id="suggestion-concerns">
      <h2 id="linked-title">
        {t('suggestionDraft.concerns.heading')} <span class="fu-badge">{s.concerns.length}</span>
      </h2>
      {s.concerns.length === 0 ? (
        <p id="no-concerns">{t('suggestionDraft.concerns.none')}</p>
      ) : (
        <ul class="sg-concerns">
          {s.concerns.map((c) => {
            const code = formatTrackingCode(c.trackingCode)
            return (
              <li id={`linked-concern-${c.id}`}>
                <span>
                  <a href={`/concerns/${c.id}`} class="fu-code">
                    {code}
                  </a>{' '}
                  ·{' '}
                  {t('suggestionDraft.concerns.received', { date: formatLocalDate(dateTime, c.receivedOn) })}{' '}
                  · {statusLabel(t, c.status)}
                </span>
                {editable ? (
                  <form method="post" action={`/suggestions/${s.id}/concerns`}>
                    <CsrfField />
                    <input type="hidden" name="unlink" value={String(c.id)} />
                    <button type="submit" class="button secondary">
                      {t('suggestionDraft.concerns.unlink')}
                      <span class="visually-hidden"> {code}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
      {editable ? (
        <p>
          <a href={`/suggestions/finder?deputy=${s.leadDeputyId}`} id="add-from-finder">
            {t('suggestionDraft.concerns.addFromFinder')}
          </a>
        </p>
      ) : null}
    </section>
  )
}

/** The co-signing deputies with their answers; while editable, invite and remove. */
export function Cosigners({
  suggestion: s,
  deputies,
  editable,
}: {
  suggestion: SuggestionView
  deputies: { id: number; name: string }[]
  editable: boolean
}) {
  const { t } = useI18n()
  const invited = new Set(s.cosigners.map((c) => c.deputyId))
  const candidates = deputies.filter((d) => !invited.has(d.id))
  return (
    <section aria-labelledby="cosigners-title" id="suggestion-cosigners">
      <h2 id="cosigners-title">{t('suggestion.field.cosigners')}</h2>
      {s.cosigners.length === 0 ? (
        <p>{t('suggestionDraft.cosigners.none')}</p>
      ) : (
        <ul class="sg-cosigners">
          {s.cosigners.map((c) => (
            <li id={`cosigner-${c.deputyId}`}>
              <span>
                {c.name} · <span class={`sg-cosign-${c.state}`}>{cosignStateLabel(t, c.state)}</span>
              </span>
              {editable ? (
                <form method="post" action={`/suggestions/${s.id}/cosigners`}>
                  <CsrfField />
                  <input type="hidden" name="deputy" value={String(c.deputyId)} />
                  <input type="hidden" name="remove" value="on" />
                  <button type="submit" class="button secondary">
                    {t('suggestionDraft.cosigners.remove')}
                    <span class="visually-hidden"> {c.name}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable && candidates.length > 0 ? (
        <form method="post" action={`/suggestions/${s.id}/cosigners`} class="sg-invite" id="invite-form">
          <CsrfField />
          <SelectField
            name="deputy"
            label="suggestionDraft.cosigners.choose"
            required
            placeholder={t('suggestionDraft.cosigners.choose')}
            options={candidates.map((d) => ({ value: d.id, label: d.name }))}
          />
          <button type="submit" class="button secondary" id="invite-cosigner">
            {t('suggestionDraft.cosigners.invite')}
          </button>
        </form>
      ) : null}
    </section>
  )
}
