import type { DistrictDeputies, PresentDeputy } from '../../../db/queries/queue-presence.ts'
import type { PhraseRow } from '../../../db/queries/topic-phrases.ts'
import { CsrfField, ErrorSummary, type FieldErrors } from '../../components/form.tsx'
import { PhoneKeypadField } from '../../components/keypad-field.tsx'
import { PhraseChips } from '../../components/phrase-chips.tsx'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { DraftFields, PlaceStepStyles } from './concern-place-page.tsx'
import { QueueKioskScript, QueueStyles } from './queue-assets.tsx'

export const DESCRIPTION_MAX = 200

/** Who can receive the resident: someone present now (queue), or their district's deputy (backlog). */
export type DeputyChoice =
  | { mode: 'queue'; present: PresentDeputy[] }
  | { mode: 'backlog'; districts: DistrictDeputies[]; dueOn: string }

export type ConcernDraft = {
  stationId: number
  topicId: number
  key: string
  description: string
  deputy: string
  priority: boolean
  phone?: string
  /** Phrase chips ticked (topic_phrases ids) and "I'd rather tell the deputy". */
  phrases: number[]
  inPerson: boolean
  /** A place of the station's districts (its id), or '' when skipped. */
  place: string
}

/** The place question on the details page: shown when the station's districts have places. */
export type PlaceChoice = { offered: boolean; chosenName?: string }

type Common = {
  stationName: string
  topicName: string
  choice: DeputyChoice
  draft: ConcernDraft
  errors?: FieldErrors
}

/**
 * Drop-in step 2: what it is about (phrase chips, optional words), whom to see, and the ticket in
 * one more tap.
 */
export function ConcernDetailsPage({
  stationName,
  topicName,
  choice,
  draft,
  phrases,
  errors = {},
  place,
}: Common & { phrases: readonly PhraseRow[]; place: PlaceChoice }) {
  const { t } = useI18n()
  const queue = choice.mode === 'queue'
  const descError = errors.description
  return (
    <KioskLayout title={topicName} stationName={stationName}>
      <QueueStyles />
      <p class="q-step">{t('queue.kiosk.step', { n: 2, total: 3 })}</p>
      <h1>{topicName}</h1>
      <form method="post" action="/kiosk/concern" id="concern-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name="station" value={String(draft.stationId)} />
        <input type="hidden" name="topic" value={String(draft.topicId)} />
        <input type="hidden" name="key" value={draft.key} />

        <PlaceQuestion place={place} draft={draft} error={errors.place} />

        <PhraseChips
          phrases={phrases}
          chosen={draft.phrases}
          inPerson={draft.inPerson}
          error={errors.phrase}
        />

        <DeputyFieldset choice={choice} draft={draft} errors={errors} />

        {queue ? (
          <div class="field q-check">
            <input
              type="checkbox"
              id="f-priority"
              name="priority"
              value="on"
              checked={draft.priority}
              aria-describedby="h-priority"
            />
            <label for="f-priority">{t('queue.kiosk.priority')}</label>
            <p class="hint q-hint" id="h-priority">
              {t('queue.kiosk.priorityHint')}
            </p>
          </div>
        ) : null}

        <div class={descError ? 'field has-error n-description' : 'field n-description'}>
          <label for="f-description">
            {t('queue.kiosk.description')} <span class="optional">({t('form.optional')})</span>
          </label>
          <p class="hint q-hint" id="h-description">
            {t('queue.kiosk.descriptionHint', { max: DESCRIPTION_MAX })}
          </p>
          {descError ? (
            <p class="error" id="e-description">
              {descError}
            </p>
          ) : null}
          <textarea
            id="f-description"
            name="description"
            rows={2}
            maxlength={DESCRIPTION_MAX}
            data-counter="description-count"
            aria-invalid={descError ? 'true' : undefined}
            aria-describedby={[descError ? 'e-description' : '', 'h-description', 'description-count']
              .filter(Boolean)
              .join(' ')}
          >
            {draft.description}
          </textarea>
          <p class="q-count" id="description-count" aria-live="polite" data-template={t('queue.kiosk.count')}>
            {t('queue.kiosk.count', { n: draft.description.length, max: DESCRIPTION_MAX })}
          </p>
        </div>

        <div class="q-buttons kiosk-action-bar">
          <button
            type="submit"
            class="kiosk-button primary q-main"
            id="submit-anonymous"
            name="mode"
            value="anonymous"
          >
            {queue ? t('queue.kiosk.takeTicket') : t('queue.kiosk.submitBacklog')}
          </button>
          <button type="submit" class="kiosk-button" id="go-phone" formaction="/kiosk/concern/phone">
            {t('queue.kiosk.leavePhone')}
          </button>
        </div>
      </form>
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk/concern" id="back-topics">
          {t('queue.kiosk.backTopics')}
        </a>
      </p>
      <QueueKioskScript />
    </KioskLayout>
  )
}

/**
 * "您住在哪里，或在哪里工作？" on the details page: the place chosen so far and one button to the
 * place step. Nothing to tap when skipped, so the drop-in keeps its three taps (DESIGN §5).
 */
function PlaceQuestion({ place, draft, error }: { place: PlaceChoice; draft: ConcernDraft; error?: string }) {
  const { t } = useI18n()
  if (!place.offered) return null
  return (
    <div class={error ? 'field has-error p-question' : 'field p-question'} id="f-place" tabindex={-1}>
      <PlaceStepStyles />
      <p class="p-question-text" id="place-question">
        {t('placeStep.question')} <span class="optional">{t('placeStep.optional')}</span>
      </p>
      {error ? (
        <p class="error" id="e-place">
          {error}
        </p>
      ) : null}
      <div class="p-question-row">
        <p class="p-current" id="place-chosen">
          {place.chosenName ? t('placeStep.chosen', { place: place.chosenName }) : t('placeStep.none')}
        </p>
        {draft.place ? <input type="hidden" name="place" value={draft.place} /> : null}
        <button
          type="submit"
          class="kiosk-button"
          id="choose-place"
          formaction="/kiosk/concern/place"
          aria-describedby={error ? 'place-question e-place place-chosen' : 'place-question place-chosen'}
        >
          {place.chosenName ? t('placeStep.change') : t('placeStep.choose')}
        </button>
      </div>
    </div>
  )
}

function DeputyFieldset({
  choice,
  draft,
  errors,
}: {
  choice: DeputyChoice
  draft: ConcernDraft
  errors: FieldErrors
}) {
  const { t, name, dateTime } = useI18n()
  const error = errors.deputy
  if (choice.mode === 'queue') {
    return (
      <fieldset class="q-choices" id="f-deputy" aria-describedby={error ? 'e-deputy' : undefined}>
        <legend>{t('queue.kiosk.whoLegend')}</legend>
        {error ? (
          <p class="error" id="e-deputy">
            {error}
          </p>
        ) : null}
        <div class="q-choice">
          <input
            type="radio"
            id="deputy-any"
            name="deputy"
            value="any"
            checked={draft.deputy === 'any' || !draft.deputy}
          />
          <label for="deputy-any">{t('queue.kiosk.anyPresent')}</label>
        </div>
        {choice.present.map((d) => (
          <div class="q-choice">
            <input
              type="radio"
              id={`deputy-${d.deputyId}`}
              name="deputy"
              value={String(d.deputyId)}
              checked={draft.deputy === String(d.deputyId)}
            />
            <label for={`deputy-${d.deputyId}`}>
              {d.place
                ? t('queue.kiosk.presentDeputyAt', { name: d.name, place: d.place })
                : t('queue.kiosk.presentDeputy', { name: d.name })}
            </label>
          </div>
        ))}
      </fieldset>
    )
  }
  const due = dateTime(new Date(`${choice.dueOn}T12:00:00Z`), 'UTC', { dateStyle: 'long' })
  return (
    <fieldset class="q-choices" id="f-deputy" aria-describedby={error ? 'e-deputy h-deputy' : 'h-deputy'}>
      <legend>{t('queue.kiosk.districtLegend')}</legend>
      <p class="notice q-notice" id="h-deputy">
        {t('queue.kiosk.nobodyPresent', { date: due })}
      </p>
      {error ? (
        <p class="error" id="e-deputy">
          {error}
        </p>
      ) : null}
      {choice.districts.map((g) => (
        <div class="q-district">
          <p class="q-district-name">{name(g.district)}</p>
          {g.deputies.map((d) => (
            <div class="q-choice">
              <input
                type="radio"
                id={`deputy-${g.district.id}-${d.id}`}
                name="deputy"
                value={String(d.id)}
                checked={draft.deputy === String(d.id)}
              />
              <label for={`deputy-${g.district.id}-${d.id}`}>
                {t('queue.kiosk.districtDeputy', { name: d.name })}
              </label>
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  )
}

/** Drop-in step 3 (optional): why a phone number is asked, then the number. */
export function ConcernPhonePage({ stationName, choice, draft, errors = {} }: Common) {
  const { t } = useI18n()
  const error = errors.phone
  return (
    <KioskLayout title={t('queue.kiosk.phone.title')} stationName={stationName}>
      <QueueStyles />
      <p class="q-step">{t('queue.kiosk.step', { n: 3, total: 3 })}</p>
      <h1>{t('queue.kiosk.phone.title')}</h1>
      <p class="q-purpose" id="phone-purpose">
        {t('queue.kiosk.phone.purpose')}
      </p>
      <form method="post" action="/kiosk/concern" id="phone-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <DraftFields draft={draft} />
        <PhoneKeypadField
          name="phone"
          label={t('queue.kiosk.phone.label')}
          hint={t('queue.kiosk.phone.hint')}
          error={error}
          value={draft.phone ?? ''}
          describedBy="phone-purpose"
        />
        <div class="q-buttons kiosk-action-bar">
          <button
            type="submit"
            class="kiosk-button primary q-main"
            id="submit-phone"
            name="mode"
            value="phone"
          >
            {choice.mode === 'queue' ? t('queue.kiosk.phone.submit') : t('queue.kiosk.phone.submitBacklog')}
          </button>
          <button type="submit" class="kiosk-button" id="submit-no-phone" name="mode" value="anonymous">
            {choice.mode === 'queue' ? t('queue.kiosk.takeTicket') : t('queue.kiosk.submitBacklog')}
          </button>
        </div>
      </form>
      <p class="q-nav">
        <a class="kiosk-button" href={`/kiosk/concern/details?topic=${draft.topicId}`} id="back-details">
          {t('queue.kiosk.back')}
        </a>
      </p>
    </KioskLayout>
  )
}
