import { useI18n } from '../i18n/index.ts'
import { type FieldErrors, TextField } from './form.tsx'

/** Longest description a clerk may type for a resident (clerk intake and concerns at a visit). */
export const INTAKE_DESCRIPTION_MAX = 2000

/**
 * What a clerk types for a resident, in the clerk intake and at a visit: the description, the
 * privacy hint, and the optional name and phone.
 */
export function IntakeResidentFields({
  values,
  errors,
  rows,
}: {
  values: { description?: string | undefined; residentName?: string | undefined; phone?: string | undefined }
  errors: FieldErrors
  rows: number
}) {
  const { t } = useI18n()
  return (
    <>
      <div class={errors.description ? 'field has-error' : 'field'}>
        <label for="f-description">{t('queue.intake.description')}</label>
        {errors.description ? (
          <p class="error" id="e-description">
            {errors.description}
          </p>
        ) : null}
        <textarea
          id="f-description"
          name="description"
          rows={rows}
          required
          maxlength={INTAKE_DESCRIPTION_MAX}
          aria-invalid={errors.description ? 'true' : undefined}
          aria-describedby={errors.description ? 'e-description' : undefined}
        >
          {values.description ?? ''}
        </textarea>
      </div>
      <p class="hint" id="intake-privacy">
        {t('queue.intake.privacy')}
      </p>
      <TextField
        name="residentName"
        label="queue.intake.residentName"
        value={values.residentName}
        maxlength={50}
        autocomplete="off"
        errors={errors}
      />
      <TextField
        name="phone"
        label="queue.intake.phone"
        type="tel"
        inputmode="tel"
        value={values.phone}
        maxlength={20}
        autocomplete="off"
        errors={errors}
      />
    </>
  )
}
