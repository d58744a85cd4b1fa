import { VISIT_KINDS } from '../../../db/enums.ts'
import {
  CsrfField,
  ErrorSummary,
  Field,
  type FieldErrors,
  SelectField,
  TextField,
} from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { visitKindLabel } from '../places/place-labels.ts'
import { VisitStyles } from './visit-assets.tsx'

export const VISIT_NOTE_MAX = 200

export type VisitFormValues = {
  place?: string
  date?: string
  start?: string
  end?: string
  kind?: string
  note?: string
  deputy?: string[]
}

export type PlaceOptionGroup = { label: string; places: { id: number; name: string }[] }

type Props = {
  title: string
  action: string
  submitLabel: string
  back: string
  placeGroups: PlaceOptionGroup[]
  deputies: { id: number; name: string }[]
  values: VisitFormValues
  errors?: FieldErrors
}

/** Plan or change a visit: place (grouped by district and kind), day and times, kind, deputies, note. */
export function VisitFormPage({
  title,
  action,
  submitLabel,
  back,
  placeGroups,
  deputies,
  values,
  errors = {},
}: Props) {
  const { t } = useI18n()
  const chosen = new Set(values.deputy ?? [])
  return (
    <StaffLayout title={title}>
      <VisitStyles />
      <p>
        <a href={back}>{t('visit.page.back')}</a>
      </p>
      <form method="post" action={action} id="visit-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <fieldset
          class="field check-group"
          id="f-deputy"
          aria-describedby={errors.deputy ? 'e-deputy' : undefined}
        >
          <legend>{t('visit.field.deputies')}</legend>
          {errors.deputy ? (
            <p class="error" id="e-deputy">
              {errors.deputy}
            </p>
          ) : null}
          <ul class="check-list">
            {deputies.map((d) => (
              <li>
                <label class="check">
                  <input
                    type="checkbox"
                    name="deputy"
                    value={String(d.id)}
                    checked={chosen.has(String(d.id))}
                  />
                  <span>{d.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Field
          name="place"
          label="visit.field.place"
          required
          errors={errors}
          hint={t('visit.field.placeHint')}
        >
          <select
            id="f-place"
            name="place"
            required
            class="visit-place-select"
            aria-invalid={errors.place ? 'true' : undefined}
            aria-describedby={errors.place ? 'e-place h-place' : 'h-place'}
          >
            <option value="">{t('queue.intake.choose')}</option>
            {placeGroups.map((g) => (
              <optgroup label={g.label}>
                {g.places.map((p) => (
                  <option value={String(p.id)} selected={values.place === String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <SelectField
          name="kind"
          label="visit.field.kind"
          required
          value={values.kind}
          options={VISIT_KINDS.map((k) => ({ value: k, label: visitKindLabel(t, k) }))}
          errors={errors}
        />
        <TextField
          name="date"
          label="visit.field.date"
          type="date"
          required
          value={values.date}
          errors={errors}
        />
        <div class="inline-fields">
          <TextField
            name="start"
            label="visit.field.start"
            type="time"
            required
            value={values.start}
            hint={t('visit.field.timeHint')}
            errors={errors}
          />
          <TextField
            name="end"
            label="visit.field.end"
            type="time"
            required
            value={values.end}
            errors={errors}
          />
        </div>
        <TextField
          name="note"
          label="visit.field.note"
          value={values.note}
          maxlength={VISIT_NOTE_MAX}
          hint={t('visit.field.noteHint')}
          errors={errors}
        />
        <p class="form-actions">
          <button type="submit" class="visit-big-button" id="visit-submit">
            {submitLabel}
          </button>
        </p>
      </form>
    </StaffLayout>
  )
}
