import type { Child } from 'hono/jsx'
import type { ConcernPageData, TimelineEvent } from '../../../db/queries/followup.ts'
import type { SuggestionProgress } from '../../../db/queries/suggestion-handling.ts'
import type { PhraseNames } from '../../../db/queries/topic-phrases.ts'
import { REPLY_GRADES } from '../../../db/schema.ts'
import { canActForStation } from '../../../server/domain/account.ts'
import type { Step } from '../../../server/domain/concern-follow-up.ts'
import { RIGHT_CHANNELS } from '../../../server/events/concern-steps.ts'
import { CsrfField, type FieldErrors } from '../../components/form.tsx'
import { VerdictButtons } from '../../components/verdict-buttons.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { usePage } from '../../page-context.ts'
import { SuggestionProgressList } from '../suggestions/suggestion-progress.tsx'
import {
  channelLabel,
  eventLabel,
  formatLocalDate,
  formatTrackingCode,
  statusLabel,
} from '../track/concern-labels.ts'
import {
  dueKindLabel,
  gradeLabel,
  rightChannelLabel,
  stepHint,
  stepLabel,
  verdictChannelLabel,
  verdictLabel,
} from './labels.ts'
import { DueText, type DueView, FollowUpStyles, StatusText } from './parts.tsx'

export const REPLY_MAX = 1000
export const NOTE_MAX = 1000
export const COMMENT_MAX = 200
export const SUMMARY_MAX = 300

export type StepError = { step: Step | 'summary'; message: string; fields: FieldErrors }

export type ConcernPageProps = {
  data: ConcernPageData
  due: DueView
  steps: Step[]
  /** The change an undo would reverse, when the viewer may undo. */
  undoTarget: TimelineEvent | null
  /** Name, phone and description in full (DESIGN §4.8); else masked or hidden. */
  personal: { name: string | null; phone: string | null; description: string | null; full: boolean }
  units: { id: number; name: string }[]
  /** The unit-reply deadline a referral today would get. */
  referDueOn: string
  /** The unit's latest reply, offered as the start of the words to the resident. */
  unitReply: string
  canEditSummary: boolean
  /** The phrase chips the resident picked at the kiosk; not personal data, so shown to every viewer. */
  phrases: PhraseNames[]
  /** Where the resident lives or works, if they said; not personal data, so shown to every viewer. */
  place: string | null
  error?: StepError
  values?: Record<string, string>
  notice?: string
  /** The deputies' suggestions this concern is part of (issue 18). */
  suggestions?: SuggestionProgress[]
}

/** One concern: facts, the resident, the timeline, and the steps the viewer may take now. */
export function ConcernPage(p: ConcernPageProps) {
  const { t, name, dateTime } = useI18n()
  const c = p.data.concern
  const code = formatTrackingCode(c.trackingCode)
  const tz = p.data.station.timeZone
  return (
    <StaffLayout title={t('followup.concern.title', { code })}>
      <FollowUpStyles />
      {p.notice ? (
        <p class="notice notice-ok" role="status" id="concern-notice">
          {p.notice}
        </p>
      ) : null}
      {p.error ? (
        <div class="notice notice-error" role="alert" id="concern-error" tabindex={-1}>
          <p>{p.error.message}</p>
          {Object.keys(p.error.fields).length ? (
            <ul>
              {Object.entries(p.error.fields).map(([field, msg]) => (
                <li>
                  <a href={`#f-${p.error!.step}-${field}`}>{msg}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p class="fu-back">
        {usePage().account?.role === 'deputy' ? (
          <a href="/concerns/mine">{t('followup.concern.backToMine')}</a>
        ) : (
          <a href={`/staff/stations/${c.stationId}/concerns`}>{t('followup.concern.backToStation')}</a>
        )}
      </p>
      <DraftSuggestionLink concernId={c.id} stationId={c.stationId} deputyId={c.deputyId} />
      <div class="fu-columns">
        <section aria-labelledby="facts-title">
          <h2 id="facts-title">{t('followup.concern.facts')}</h2>
          <dl class="fu-facts" id="concern-facts">
            <dt>{t('followup.col.status')}</dt>
            <dd id="concern-status">
              <StatusText status={c.status} />
            </dd>
            <dt>{t('followup.col.due')}</dt>
            <dd>
              <DueText due={p.due} id="concern-due" />
            </dd>
            <dt>{t('followup.col.topic')}</dt>
            <dd>{name(p.data.topic)}</dd>
            {p.phrases.length > 0 ? (
              <>
                <dt>{t('chips.shown')}</dt>
                <dd id="concern-phrases">
                  <ul class="fu-inline-list">
                    {p.phrases.map((ph) => (
                      <li>{name(ph)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {p.place ? (
              <>
                <dt>{t('placeField.label')}</dt>
                <dd id="concern-place">{p.place}</dd>
              </>
            ) : null}
            <dt>{t('followup.col.station')}</dt>
            <dd>{name(p.data.station)}</dd>
            <dt>{t('followup.concern.channel')}</dt>
            <dd>{channelLabel(t, c.channel)}</dd>
            <dt>{t('followup.col.deputy')}</dt>
            <dd>{p.data.deputyName ?? t('followup.list.noDeputy')}</dd>
            <dt>{t('followup.col.received')}</dt>
            <dd>{formatLocalDate(dateTime, c.receivedOn)}</dd>
            {p.data.unit ? (
              <>
                <dt>{t('followup.concern.unit')}</dt>
                <dd id="concern-unit">{name(p.data.unit)}</dd>
              </>
            ) : null}
            {p.data.followUp?.replyGrade ? (
              <>
                <dt>{t('followup.concern.grade')}</dt>
                <dd id="concern-grade">{gradeLabel(t, p.data.followUp.replyGrade)}</dd>
              </>
            ) : null}
            {p.data.master ? (
              <>
                <dt>{t('followup.concern.master')}</dt>
                <dd id="concern-master">
                  <a href={`/concerns/${p.data.master.id}`}>
                    {formatTrackingCode(p.data.master.trackingCode)}
                  </a>{' '}
                  · {statusLabel(t, p.data.master.status)}
                </dd>
              </>
            ) : null}
            {p.data.duplicates.length > 0 ? (
              <>
                <dt>{t('followup.concern.raisedBy')}</dt>
                <dd id="concern-raised-by">
                  {t('followup.concern.residents', { n: p.data.duplicates.length + 1 })}
                  <ul class="fu-inline-list">
                    {p.data.duplicates.map((d) => (
                      <li>
                        <a href={`/concerns/${d.id}`}>{formatTrackingCode(d.trackingCode)}</a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {p.data.followUp?.publicSummary ? (
              <>
                <dt>{t('followup.concern.summary')}</dt>
                <dd id="concern-summary">{p.data.followUp.publicSummary}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section aria-labelledby="resident-title">
          <h2 id="resident-title">{t('followup.concern.resident')}</h2>
          {c.personalDataErasedAt ? (
            <p id="resident-erased">
              {t('followup.concern.erased', {
                date: dateTime(c.personalDataErasedAt, tz, { dateStyle: 'long' }),
              })}
            </p>
          ) : (
            <dl class="fu-facts" id="resident-facts">
              <dt>{t('followup.concern.name')}</dt>
              <dd id="resident-name">{p.personal.name ?? t('followup.concern.notGiven')}</dd>
              <dt>{t('followup.concern.phone')}</dt>
              <dd id="resident-phone">{p.personal.phone ?? t('followup.concern.notGiven')}</dd>
              <dt>{t('followup.concern.description')}</dt>
              <dd id="resident-description">
                {p.personal.full
                  ? (p.personal.description ?? t('followup.concern.notGiven'))
                  : t('followup.concern.hidden')}
              </dd>
            </dl>
          )}
          {p.personal.full ? null : <p class="hint">{t('followup.concern.masked')}</p>}
        </section>
      </div>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('followup.concern.steps')}</h2>
        {p.steps.length === 0 && !p.undoTarget && !p.canEditSummary ? (
          <p id="no-steps">{t('followup.concern.noSteps')}</p>
        ) : null}
        <div class="fu-steps" id="concern-steps">
          {p.steps.map((s) => (
            <StepForm {...p} step={s} />
          ))}
          {p.undoTarget ? <StepForm {...p} step="undo" /> : null}
          {p.canEditSummary ? <SummaryForm {...p} /> : null}
        </div>
      </section>

      <SuggestionProgressList items={p.suggestions ?? []} timeZone={tz} link />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('followup.concern.timeline')}</h2>
        <Timeline events={p.data.events} tz={tz} full={p.personal.full} />
      </section>
    </StaffLayout>
  )
}

function Timeline({ events, tz, full }: { events: TimelineEvent[]; tz: string; full: boolean }) {
  const { t, dateTime } = useI18n()
  const undone = new Map<number, TimelineEvent>()
  for (const e of events) if (e.action === 'undone' && e.detail.undoes) undone.set(e.detail.undoes, e)
  const actor = (e: TimelineEvent) =>
    e.actorKind === 'kiosk'
      ? t('followup.actor.kiosk')
      : e.actorKind === 'system'
        ? t('followup.actor.system')
        : e.actorKind === 'resident'
          ? t('followup.actor.resident')
          : (e.actorName ?? '')
  return (
    <ol class="fu-timeline" id="concern-timeline">
      {events.map((e) => {
        const d = e.detail
        return (
          <li id={`event-${e.id}`} class={undone.has(e.id) ? 'fu-undone' : undefined}>
            <p class="fu-event-head">
              <time datetime={e.at.toISOString()}>{dateTime(e.at, tz)}</time> ·{' '}
              <strong>{eventLabel(t, e.action)}</strong>
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <>
                  {' · '}
                  {statusLabel(t, e.fromStatus)} → {statusLabel(t, e.toStatus)}
                </>
              ) : null}
              {' · '}
              <span class="fu-actor">{actor(e)}</span>
            </p>
            {undone.has(e.id) ? <p class="fu-undone-note">{t('followup.timeline.wasUndone')}</p> : null}
            <dl class="fu-event-detail">
              {d.due ? (
                <>
                  <dt>{t('followup.timeline.due')}</dt>
                  <dd>
                    {dueKindLabel(t, d.due.kind)} · {formatLocalDate(dateTime, d.due.on)}
                  </dd>
                </>
              ) : null}
              {d.grade ? (
                <>
                  <dt>{t('followup.concern.grade')}</dt>
                  <dd>{gradeLabel(t, d.grade)}</dd>
                </>
              ) : null}
              {d.unitReply ? (
                <>
                  <dt>{t('followup.timeline.unitReply')}</dt>
                  <dd>{d.unitReply}</dd>
                </>
              ) : null}
              {d.reply ? (
                <>
                  <dt>{t('followup.timeline.reply')}</dt>
                  <dd>{d.reply}</dd>
                </>
              ) : null}
              {d.verdict ? (
                <>
                  <dt>{t('followup.timeline.verdict')}</dt>
                  <dd>
                    {verdictLabel(t, d.verdict)} · {verdictChannelLabel(t, d.via ?? 'callback')}
                  </dd>
                </>
              ) : null}
              {d.comment && full ? (
                <>
                  <dt>{t('followup.timeline.comment')}</dt>
                  <dd>{d.comment}</dd>
                </>
              ) : null}
              {d.rightChannel ? (
                <>
                  <dt>{t('followup.timeline.rightChannel')}</dt>
                  <dd>{rightChannelLabel(t, d.rightChannel as (typeof RIGHT_CHANNELS)[number])}</dd>
                </>
              ) : null}
              {d.level ? (
                <>
                  <dt>{t('followup.timeline.level')}</dt>
                  <dd>{d.level}</dd>
                </>
              ) : null}
              {e.note ? (
                <>
                  <dt>{t('followup.timeline.note')}</dt>
                  <dd>{e.note}</dd>
                </>
              ) : null}
            </dl>
          </li>
        )
      })}
    </ol>
  )
}

/** A labelled control of one step's form; ids carry the step so several forms share a page. */
function StepField({
  step,
  name,
  label,
  hint,
  required,
  errors,
  children,
}: {
  step: string
  name: string
  label: string
  hint?: string
  required?: boolean
  errors?: FieldErrors
  children: Child
}) {
  const { t } = useI18n()
  const error = errors?.[name]
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${step}-${name}`}>
        {label}
        {required ? null : <span class="optional"> ({t('form.optional')})</span>}
      </label>
      {hint ? (
        <p class="hint" id={`h-${step}-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`e-${step}-${name}`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  )
}

const describe = (step: string, name: string, errors: FieldErrors | undefined, hint: boolean) =>
  [errors?.[name] ? `e-${step}-${name}` : '', hint ? `h-${step}-${name}` : ''].filter(Boolean).join(' ') ||
  undefined

function TextArea(p: {
  step: string
  name: string
  label: string
  hint?: string
  required?: boolean
  max: number
  value?: string
  errors?: FieldErrors
}) {
  return (
    <StepField {...p}>
      <textarea
        id={`f-${p.step}-${p.name}`}
        name={p.name}
        rows={3}
        maxlength={p.max}
        required={p.required}
        aria-invalid={p.errors?.[p.name] ? 'true' : undefined}
        aria-describedby={describe(p.step, p.name, p.errors, Boolean(p.hint))}
      >
        {p.value ?? ''}
      </textarea>
    </StepField>
  )
}

function StepForm(p: ConcernPageProps & { step: Step }) {
  const { t, dateTime } = useI18n()
  const { step } = p
  const c = p.data.concern
  const failed = p.error?.step === step
  const errors = failed ? p.error!.fields : undefined
  const v = (k: string, fallback = '') => (failed ? (p.values?.[k] ?? '') : fallback)
  const note = (required = false, label = t('followup.field.note')) => (
    <TextArea
      step={step}
      name="note"
      label={label}
      hint={t('followup.field.noteHint')}
      required={required}
      max={NOTE_MAX}
      value={v('note')}
      errors={errors}
    />
  )
  const reply = (value: string) => (
    <TextArea
      step={step}
      name="reply"
      label={t('followup.field.reply')}
      hint={t('followup.field.replyHint')}
      required
      max={REPLY_MAX}
      value={v('reply', value)}
      errors={errors}
    />
  )
  let fields: Child
  switch (step) {
    case 'answer':
      fields = (
        <>
          {reply('')}
          {note()}
        </>
      )
      break
    case 'refer':
      fields = (
        <>
          <StepField step={step} name="unit" label={t('followup.field.unit')} required errors={errors}>
            <select
              id="f-refer-unit"
              name="unit"
              required
              aria-invalid={errors?.unit ? 'true' : undefined}
              aria-describedby={describe(step, 'unit', errors, false)}
            >
              <option value="">{t('followup.field.choose')}</option>
              {p.units.map((u) => (
                <option value={String(u.id)} selected={v('unit') === String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          </StepField>
          <StepField
            step={step}
            name="dueOn"
            label={t('followup.field.dueOn')}
            hint={t('followup.field.dueOnHint', { date: formatLocalDate(dateTime, p.referDueOn) })}
            errors={errors}
          >
            <input
              type="date"
              id="f-refer-dueOn"
              name="dueOn"
              value={v('dueOn')}
              aria-invalid={errors?.dueOn ? 'true' : undefined}
              aria-describedby={describe(step, 'dueOn', errors, true)}
            />
          </StepField>
          {note()}
        </>
      )
      break
    case 'suggest':
      fields = note(true, t('followup.field.suggestionTitle'))
      break
    case 'out_of_scope':
      fields = (
        <>
          <StepField
            step={step}
            name="rightChannel"
            label={t('followup.field.rightChannel')}
            required
            errors={errors}
          >
            <select
              id="f-out_of_scope-rightChannel"
              name="rightChannel"
              required
              aria-invalid={errors?.rightChannel ? 'true' : undefined}
              aria-describedby={describe(step, 'rightChannel', errors, false)}
            >
              <option value="">{t('followup.field.choose')}</option>
              {RIGHT_CHANNELS.map((ch) => (
                <option value={ch} selected={v('rightChannel') === ch}>
                  {rightChannelLabel(t, ch)}
                </option>
              ))}
            </select>
          </StepField>
          {note()}
        </>
      )
      break
    case 'duplicate':
      fields = (
        <>
          <StepField
            step={step}
            name="master"
            label={t('followup.field.master')}
            hint={t('followup.field.masterHint')}
            required
            errors={errors}
          >
            <input
              type="text"
              id="f-duplicate-master"
              name="master"
              required
              maxlength={20}
              autocomplete="off"
              value={v('master')}
              aria-invalid={errors?.master ? 'true' : undefined}
              aria-describedby={describe(step, 'master', errors, true)}
            />
          </StepField>
          {note()}
        </>
      )
      break
    case 'return':
      fields = note(true, t('followup.field.returnReason'))
      break
    case 'unit_reply':
      fields = (
        <>
          <fieldset class={errors?.grade ? 'fu-radios has-error' : 'fu-radios'} id="f-unit_reply-grade">
            <legend>{t('followup.field.grade')}</legend>
            {errors?.grade ? <p class="error">{errors.grade}</p> : null}
            {REPLY_GRADES.map((g) => (
              <label class="fu-radio">
                <input type="radio" name="grade" value={g} checked={v('grade') === g} required />
                {gradeLabel(t, g)}
              </label>
            ))}
          </fieldset>
          <TextArea
            step={step}
            name="unitReply"
            label={t('followup.field.unitReply')}
            required
            max={REPLY_MAX}
            value={v('unitReply')}
            errors={errors}
          />
          {note()}
        </>
      )
      break
    case 'relay':
      fields = (
        <>
          {reply(p.unitReply)}
          {note()}
        </>
      )
      break
    case 'verdict':
      fields = (
        <>
          <TextArea
            step={step}
            name="comment"
            label={t('followup.field.comment')}
            max={COMMENT_MAX}
            value={v('comment')}
            errors={errors}
          />
          {note()}
          <fieldset
            class={errors?.verdict ? 'fu-callback-verdict has-error' : 'fu-callback-verdict'}
            id="f-verdict-verdict"
          >
            <legend>{t('followup.field.verdict')}</legend>
            {errors?.verdict ? <p class="error">{errors.verdict}</p> : null}
            <VerdictButtons idPrefix="submit-verdict" />
          </fieldset>
        </>
      )
      break
    case 'accept':
    case 'withdraw':
      fields = note()
      break
    case 'undo':
      fields = (
        <>
          {p.undoTarget ? (
            <p id="undo-target">
              {t('followup.concern.undoTarget', {
                event: eventLabel(t, p.undoTarget.action),
                from: statusLabel(t, p.undoTarget.toStatus),
                to: statusLabel(t, p.undoTarget.fromStatus ?? p.undoTarget.toStatus),
              })}
            </p>
          ) : null}
          {note(true, t('followup.field.undoReason'))}
        </>
      )
      break
  }
  return (
    <details class="fu-step" id={`step-${step}`} open={failed || undefined}>
      <summary>{stepLabel(t, step)}</summary>
      <p class="hint">{stepHint(t, step)}</p>
      <form method="post" action={`/concerns/${c.id}/steps/${step}`} id={`form-${step}`} novalidate>
        <CsrfField />
        <input type="hidden" name="seen" value={c.status} />
        {fields}
        {step === 'verdict' ? null : (
          <button
            type="submit"
            class={step === 'undo' || step === 'withdraw' ? 'danger' : undefined}
            id={`submit-${step}`}
          >
            {stepLabel(t, step)}
          </button>
        )}
      </form>
    </details>
  )
}

function SummaryForm(p: ConcernPageProps) {
  const { t } = useI18n()
  const failed = p.error?.step === 'summary'
  const errors = failed ? p.error!.fields : undefined
  return (
    <details class="fu-step" id="step-summary" open={failed || undefined}>
      <summary>{t('followup.summary.title')}</summary>
      <p class="hint">{t('followup.summary.hint')}</p>
      <form method="post" action={`/concerns/${p.data.concern.id}/summary`} id="form-summary" novalidate>
        <CsrfField />
        <TextArea
          step="summary"
          name="summary"
          label={t('followup.summary.field')}
          max={SUMMARY_MAX}
          value={failed ? (p.values?.summary ?? '') : (p.data.followUp?.publicSummary ?? '')}
          errors={errors}
        />
        <button type="submit" id="submit-summary">
          {t('followup.summary.save')}
        </button>
      </form>
    </details>
  )
}

/** "以此起草代表建议": for the concern's deputy and its station's staff (issue 18). */
function DraftSuggestionLink(p: { concernId: number; stationId: number; deputyId: number | null }) {
  const { t } = useI18n()
  const viewer = usePage().account
  const may =
    viewer !== null &&
    (viewer.role === 'deputy' ? viewer.deputyId === p.deputyId : canActForStation(viewer, p.stationId))
  if (!may) return null
  return (
    <p class="fu-back">
      <a href={`/suggestions/new?concern=${p.concernId}`} id="draft-suggestion">
        {t('suggestionDraft.fromConcern')}
      </a>
    </p>
  )
}
