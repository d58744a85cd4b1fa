import { REPLY_GRADES } from '../../../db/enums.ts'
import type { SuggestionReplyRow, SuggestionView } from '../../../db/queries/suggestions.ts'
import type { Account } from '../../../server/domain/account.ts'
import { isLeadDeputy, mayHandleSuggestion } from '../../../server/domain/suggestion-access.ts'
import { isWithUnits } from '../../../server/domain/suggestion-lifecycle.ts'
import { CheckboxField, CheckboxGroup } from '../../components/checkbox-field.tsx'
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/form.tsx'
import { VerdictButtons } from '../../components/verdict-buttons.tsx'
import { useI18n } from '../../i18n/index.ts'
import { gradeLabel, verdictLabel } from '../followup/labels.ts'
import { FollowUpStyles } from '../followup/parts.tsx'
import { unitRoleLabel } from './suggestion-labels.ts'

/** Longest unit reply, return reason and verdict remark the forms take. */
export const HANDLING_REPLY_MAX = 2000
export const HANDLING_NOTE_MAX = 500

export const HANDLING_STEPS = ['accept', 'return', 'assign', 'reply', 'verdict'] as const
export type HandlingStep = (typeof HANDLING_STEPS)[number]

/** What the forms offer: the units to choose from and the deadlines an assignment would set. */
export type HandlingOptions = {
  units: { id: number; name: string }[]
  dueOrdinary: string
  dueUrgent: string
  urgentDays: number
  rehandlingsLeft: number
}

/** A refused step: its message, the fields in error and what was typed. */
export type HandlingForm = {
  step: HandlingStep
  message: string
  fields: FieldErrors
  values: Record<string, string | string[]>
}

type Props = {
  suggestion: SuggestionView
  account: Account
  today: string
  options?: HandlingOptions
  form?: HandlingForm
  notice?: string
}

/**
 * The street office's and the lead deputy's steps on a submitted suggestion (accept, return,
 * assign, units' replies, the deputy's verdict) and the replies so far (issue 18 item 4). Each
 * person sees only the forms they may use now; everyone else reads.
 */
export function HandlingPanel(p: Props) {
  const { t, name } = useI18n()
  const s = p.suggestion
  const scope = { ...s, cosignerIds: s.cosigners.map((c) => c.deputyId) }
  const office = mayHandleSuggestion(p.account, scope)
  const lead = isLeadDeputy(p.account, s)
  // Lead unit (主办) first.
  const assigned = s.units
    .filter((u) => u.stage === 'assigned')
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))
  const unitName = new Map(s.units.map((u) => [u.unitId, name(u)]))
  const ownedThisRound = new Set(s.replies.filter((r) => r.round === s.round).map((r) => r.unitId))
  const owing = isWithUnits(s.status) ? assigned.filter((u) => !ownedThisRound.has(u.unitId)) : []
  return (
    <section id="suggestion-handling" class="suggestion-handling" aria-labelledby="suggestion-handling-h">
      <FollowUpStyles />
      <h2 id="suggestion-handling-h">{t('suggestionHandling.heading')}</h2>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.form && Object.keys(p.form.fields).length === 0 ? (
        <div class="error-summary" role="alert" id="handling-error">
          <p>{p.form.message}</p>
        </div>
      ) : null}
      {s.status === 'returned' && s.returnReason ? (
        <p id="handling-return-reason">{t('suggestionHandling.returnReason', { reason: s.returnReason })}</p>
      ) : null}
      {assigned.length > 0 ? (
        <ul class="handling-units" id="handling-units">
          {assigned.map((u) => (
            <li>
              {unitRoleLabel(t, u.role)}：{name(u)}
            </li>
          ))}
        </ul>
      ) : null}
      {isWithUnits(s.status) && s.dueOn ? (
        <p id="handling-due">
          {t('suggestionHandling.due', { due: s.dueOn })}
          {s.round > 0 ? ` · ${t('suggestionHandling.round', { n: s.round + 1 })}` : ''}
          {p.today > s.dueOn ? (
            <strong class="overdue"> {t('suggestionHandling.overdue', { level: s.escalationLevel })}</strong>
          ) : null}
        </p>
      ) : null}
      {s.verdict ? (
        <p id="handling-verdict">
          {t('suggestionHandling.verdict.given', { verdict: verdictLabel(t, s.verdict) })}
        </p>
      ) : null}
      {s.replies.length > 0 || isWithUnits(s.status) ? (
        <Replies replies={s.replies} unitName={unitName} />
      ) : null}
      {owing.length > 0 && s.replies.some((r) => r.round === s.round) ? (
        <p id="handling-owing">
          {t('suggestionHandling.replies.waiting', { units: owing.map((u) => name(u)).join('、') })}
        </p>
      ) : null}
      {office && s.status === 'submitted' ? <AcceptForms {...p} /> : null}
      {office && (s.status === 'accepted' || (s.status === 'assigned' && ownedThisRound.size === 0)) ? (
        <AssignForm {...p} />
      ) : null}
      {office && owing.length > 0 ? (
        <ReplyForm {...p} owing={owing.map((u) => ({ id: u.unitId, name: name(u) }))} />
      ) : null}
      {lead && s.status === 'replied' ? <VerdictForm {...p} /> : null}
      {!office && !(lead && s.status === 'replied') ? (
        <p class="hint" id="handling-read-only">
          {t('suggestionHandling.readOnly')}
        </p>
      ) : null}
    </section>
  )
}

function Replies(p: { replies: SuggestionReplyRow[]; unitName: Map<number, string> }) {
  const { t } = useI18n()
  if (p.replies.length === 0)
    return (
      <div id="handling-replies">
        <h3>{t('suggestionHandling.replies.heading')}</h3>
        <p>{t('suggestionHandling.replies.none')}</p>
      </div>
    )
  const rounds = [...new Set(p.replies.map((r) => r.round))]
  return (
    <div id="handling-replies">
      <h3>{t('suggestionHandling.replies.heading')}</h3>
      {rounds.map((round) => (
        <section class="handling-round" aria-label={t('suggestionHandling.round', { n: round + 1 })}>
          {rounds.length > 1 ? <h4>{t('suggestionHandling.round', { n: round + 1 })}</h4> : null}
          <ul class="handling-replies">
            {p.replies
              .filter((r) => r.round === round)
              .map((r) => (
                <li id={`handling-reply-${r.round}-${r.unitId}`}>
                  <strong>{p.unitName.get(r.unitId) ?? ''}</strong>{' '}
                  <span class="hint">
                    {t('suggestionHandling.replies.meta', {
                      grade: gradeLabel(t, r.grade),
                      on: r.repliedOn,
                      due: r.dueOn ?? '—',
                      timeliness:
                        !r.dueOn || r.repliedOn <= r.dueOn
                          ? t('suggestionHandling.replies.onTime')
                          : t('suggestionHandling.replies.late'),
                    })}
                  </span>
                  <p class="handling-reply-text">{r.text}</p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

const valuesOf = (p: Props, step: HandlingStep) => (p.form?.step === step ? p.form.values : {})
const errorsOf = (p: Props, step: HandlingStep) => (p.form?.step === step ? p.form.fields : undefined)
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : [])

function AcceptForms(p: Props) {
  const { t } = useI18n()
  const id = p.suggestion.id
  const errors = errorsOf(p, 'return')
  return (
    <div class="handling-steps">
      <form method="post" action={`/suggestions/${id}/accept`} id="form-accept" class="handling-form">
        <h3>{t('suggestionHandling.accept.heading')}</h3>
        <p class="hint">{t('suggestionHandling.accept.hint')}</p>
        <CsrfField />
        <button type="submit" id="submit-accept">
          {t('suggestionHandling.accept.submit')}
        </button>
      </form>
      <form
        method="post"
        action={`/suggestions/${id}/return`}
        id="form-return"
        class="handling-form"
        novalidate
      >
        <h3>{t('suggestionHandling.return.heading')}</h3>
        <CsrfField />
        {errors ? <ErrorSummary errors={errors} /> : null}
        <TextAreaField
          name="returnReason"
          label="suggestionHandling.return.reason"
          required
          rows={3}
          maxlength={HANDLING_NOTE_MAX}
          value={str(valuesOf(p, 'return').returnReason)}
          errors={errors}
        />
        <button type="submit" class="danger" id="submit-return">
          {t('suggestionHandling.return.submit')}
        </button>
      </form>
    </div>
  )
}

function AssignForm(p: Props) {
  const { t, name } = useI18n()
  const s = p.suggestion
  const errors = errorsOf(p, 'assign')
  const typed = valuesOf(p, 'assign')
  const current = s.units.filter(
    (u) => u.stage === (s.units.some((x) => x.stage === 'assigned') ? 'assigned' : 'proposed'),
  )
  const lead =
    p.form?.step === 'assign'
      ? str(typed.leadUnit)
      : String(current.find((u) => u.role === 'lead')?.unitId ?? '')
  const assist = new Set(
    p.form?.step === 'assign'
      ? list(typed.assistUnits)
      : current.filter((u) => u.role === 'assist').map((u) => String(u.unitId)),
  )
  const urgent = p.form?.step === 'assign' ? str(typed.urgent) === 'on' : s.urgent
  const units = p.options?.units ?? [
    ...new Map(s.units.map((u) => [u.unitId, { id: u.unitId, name: name(u) }])).values(),
  ]
  return (
    <form
      method="post"
      action={`/suggestions/${s.id}/assign`}
      id="form-assign"
      class="handling-form"
      novalidate
    >
      <h3>
        {s.status === 'assigned'
          ? t('suggestionHandling.assign.again')
          : t('suggestionHandling.assign.heading')}
      </h3>
      <CsrfField />
      {errors ? <ErrorSummary errors={errors} /> : null}
      <SelectField
        name="leadUnit"
        label="suggestionHandling.assign.lead"
        required
        value={lead}
        placeholder={t('suggestionHandling.assign.choose')}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        errors={errors}
      />
      <CheckboxGroup
        name="assistUnits"
        legend="suggestionHandling.assign.assist"
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        values={[...assist]}
        errors={errors}
      />
      <CheckboxField
        name="urgent"
        label="suggestion.field.urgent"
        hint={p.options ? t('suggestionHandling.assign.urgent', { days: p.options.urgentDays }) : undefined}
        checked={urgent}
        errors={errors}
      />
      <TextField
        name="dueOn"
        type="date"
        label="suggestionHandling.assign.dueOn"
        value={str(typed.dueOn)}
        hint={
          p.options
            ? t('suggestionHandling.assign.dueHint', {
                ordinary: p.options.dueOrdinary,
                urgent: p.options.dueUrgent,
              })
            : undefined
        }
        errors={errors}
      />
      <button type="submit" id="submit-assign">
        {t('suggestionHandling.assign.submit')}
      </button>
    </form>
  )
}

function ReplyForm(p: Props & { owing: { id: number; name: string }[] }) {
  const { t } = useI18n()
  const errors = errorsOf(p, 'reply')
  const typed = valuesOf(p, 'reply')
  return (
    <form
      method="post"
      action={`/suggestions/${p.suggestion.id}/reply`}
      id="form-reply"
      class="handling-form"
      novalidate
    >
      <h3>{t('suggestionHandling.reply.heading')}</h3>
      <CsrfField />
      {errors ? <ErrorSummary errors={errors} /> : null}
      <SelectField
        name="unit"
        label="suggestionHandling.reply.unit"
        required
        value={str(typed.unit) || (p.owing.length === 1 ? String(p.owing[0]!.id) : '')}
        placeholder={t('suggestionHandling.assign.choose')}
        options={p.owing.map((u) => ({ value: u.id, label: u.name }))}
        errors={errors}
      />
      <SelectField
        name="grade"
        label="suggestion.field.grade"
        required
        value={str(typed.grade)}
        placeholder={t('suggestionHandling.assign.choose')}
        options={REPLY_GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }))}
        errors={errors}
      />
      <TextAreaField
        name="replyText"
        label="suggestionHandling.reply.text"
        required
        rows={5}
        maxlength={HANDLING_REPLY_MAX}
        value={str(typed.replyText)}
        errors={errors}
      />
      <TextField
        name="repliedOn"
        type="date"
        label="suggestion.field.repliedAt"
        required
        value={str(typed.repliedOn) || p.today}
        errors={errors}
      />
      <button type="submit" id="submit-reply">
        {t('suggestionHandling.reply.submit')}
      </button>
    </form>
  )
}

function VerdictForm(p: Props) {
  const { t } = useI18n()
  const errors = errorsOf(p, 'verdict')
  const left = p.options?.rehandlingsLeft
  return (
    <form
      method="post"
      action={`/suggestions/${p.suggestion.id}/verdict`}
      id="form-verdict"
      class="handling-form"
      novalidate
    >
      <h3>{t('suggestionHandling.verdict.heading')}</h3>
      <CsrfField />
      {errors ? <ErrorSummary errors={errors} /> : null}
      {left === undefined ? null : (
        <p class="hint" id="verdict-hint">
          {left > 0 ? t('suggestionHandling.verdict.hint', { left }) : t('suggestionHandling.verdict.final')}
        </p>
      )}
      <TextAreaField
        name="verdictNote"
        label="suggestionHandling.verdict.note"
        rows={3}
        maxlength={HANDLING_NOTE_MAX}
        value={str(valuesOf(p, 'verdict').verdictNote)}
        errors={errors}
      />
      <fieldset
        class={errors?.verdict ? 'fu-callback-verdict has-error' : 'fu-callback-verdict'}
        id="f-verdict"
      >
        <legend>{t('suggestion.field.verdict')}</legend>
        {errors?.verdict ? <p class="error">{errors.verdict}</p> : null}
        <VerdictButtons idPrefix="suggestion-verdict" />
      </fieldset>
    </form>
  )
}
