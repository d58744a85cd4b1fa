import type { PublicDeputy, PublicDistrict } from '../../../db/queries/phone-concerns.ts'
import type { PlaceWithDistrict } from '../../../db/queries/places.ts'
import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import { CsrfField, ErrorSummary, Field, type FieldErrors } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { DESCRIPTION_MAX } from '../kiosk/concern-form-page.tsx'
import { PHONE_STYLES } from './phone-styles.ts'

/** What the resident has entered so far; a refused form comes back with all of it. */
export type RaiseDraft = {
  deputy: string
  topic: string
  description: string
  place: string
  phone: string
  sms: boolean
  terms: boolean
}

export const emptyRaiseDraft = (deputy: number | null, place: number | null): RaiseDraft => ({
  deputy: deputy ? String(deputy) : 'any',
  topic: '',
  description: '',
  place: place ? String(place) : '',
  phone: '',
  sms: false,
  terms: false,
})

/**
 * /m/raise: a concern from the resident's own phone. The phone's purpose is stated before the
 * field (PIPL), SMS consent is a box of its own, and the form carries the server's signed token
 * that kiosk/proof-of-work.js answers before it is sent (decision 0034).
 */
export function RaisePage({
  district,
  deputies,
  places,
  topics,
  draft,
  token,
  errors = {},
  notice,
}: {
  district: PublicDistrict
  deputies: PublicDeputy[]
  places: PlaceWithDistrict[]
  topics: TopicRow[]
  draft: RaiseDraft
  token: string
  errors?: FieldErrors
  notice?: string | undefined
}) {
  const { t, name } = useI18n()
  return (
    <MobileLayout title={t('m.raise.title')} scripts={['/static/proof-of-work.js']} styles={PHONE_STYLES}>
      {notice ? (
        <div class="error-summary" role="alert" id="m-raise-notice" tabindex={-1}>
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/m/raise" id="m-raise-form" novalidate data-proof-of-work="">
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="nonce" value="" />
        <input type="hidden" name="district" value={String(district.id)} />
        <fieldset class={errors.deputy ? 'field has-error' : 'field'} id="f-deputy">
          <legend>
            {t('m.raise.deputy')} · {name(district)}
          </legend>
          {errors.deputy ? <p class="error">{errors.deputy}</p> : null}
          {deputies.map((d) => (
            <label class="m-choice">
              <input
                type="radio"
                name="deputy"
                value={String(d.id)}
                checked={draft.deputy === String(d.id)}
              />{' '}
              {d.name}
              {d.title ? <span class="m-aside"> · {d.title}</span> : null}
            </label>
          ))}
          {deputies.length > 1 ? (
            <label class="m-choice">
              <input type="radio" name="deputy" value="any" checked={draft.deputy === 'any'} />{' '}
              {t('m.raise.anyDeputy')}
            </label>
          ) : null}
        </fieldset>
        <Field name="topic" label="m.raise.topic" errors={errors} required>
          <select id="f-topic" name="topic" required>
            <option value="">{t('m.raise.chooseTopic')}</option>
            {topics.map((tp) => (
              <option value={String(tp.id)} selected={draft.topic === String(tp.id)}>
                {name(tp)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="description"
          label="m.raise.description"
          errors={errors}
          hint={t('m.raise.descriptionHint', { max: DESCRIPTION_MAX })}
          required
        >
          <textarea
            id="f-description"
            name="description"
            rows={5}
            maxlength={DESCRIPTION_MAX}
            required
            aria-describedby={errors.description ? 'h-description e-description' : 'h-description'}
          >
            {draft.description}
          </textarea>
        </Field>
        {places.length > 0 ? (
          <Field name="place" label="m.raise.place" errors={errors}>
            <select id="f-place" name="place">
              <option value="">{t('m.raise.noPlace')}</option>
              {places.map((p) => (
                <option value={String(p.id)} selected={draft.place === String(p.id)}>
                  {name(p)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <p class="m-purpose" id="h-phone">
          {t('m.raise.phoneWhy')}
        </p>
        <Field name="phone" label="m.raise.phone" errors={errors}>
          <input
            type="tel"
            id="f-phone"
            name="phone"
            value={draft.phone}
            maxlength={40}
            autocomplete="tel"
            inputmode="tel"
            aria-describedby={errors.phone ? 'h-phone e-phone' : 'h-phone'}
          />
        </Field>
        <label class="m-choice" for="f-sms">
          <input type="checkbox" id="f-sms" name="sms" checked={draft.sms} /> {t('m.raise.sms')}
        </label>
        <div class="m-hp" aria-hidden="true">
          <label for="f-website">{t('m.raise.honeypot')}</label>
          <input type="text" id="f-website" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        <div class={errors.terms ? 'field has-error' : 'field'}>
          {errors.terms ? (
            <p class="error" id="e-terms">
              {errors.terms}
            </p>
          ) : null}
          <label class="m-choice" for="f-terms">
            <input
              type="checkbox"
              id="f-terms"
              name="terms"
              checked={draft.terms}
              required
              aria-describedby={errors.terms ? 'e-terms' : undefined}
            />{' '}
            {t('m.raise.terms')}
          </label>
        </div>
        <noscript>
          <p class="m-purpose">{t('m.raise.needsScript')}</p>
        </noscript>
        <p class="m-working" id="pow-status" role="status" hidden>
          {t('m.raise.working')}
        </p>
        <button type="submit" class="m-primary" id="m-raise-submit">
          {t('m.raise.submit')}
        </button>
      </form>
    </MobileLayout>
  )
}

/** /m/raise without a deputy or a place: the resident first finds their deputy. */
export function RaiseStartPage() {
  const { t } = useI18n()
  return (
    <MobileLayout title={t('m.raise.title')} styles={PHONE_STYLES}>
      <p>{t('m.raise.needDeputy')}</p>
      <a class="m-button m-primary" href="/m/find">
        {t('m.home.find')}
      </a>
    </MobileLayout>
  )
}
