import type { PlaceWithDistrict } from '../../db/queries/places.ts'
import { PLACE_KINDS } from '../../db/schema.ts'
import { useI18n } from '../i18n/index.ts'
import { placeKindLabel } from '../pages/places/place-labels.ts'
import { Field, type FieldErrors } from './form.tsx'

export type PlaceOptions = { own: PlaceWithDistrict[]; others: PlaceWithDistrict[] }

/**
 * An optional place for a concern or a booking a clerk records: the station's districts first,
 * then the others, each grouped by kind; the empty choice is "not given".
 */
export function PlaceSelectField({
  places,
  value,
  errors,
}: {
  places: PlaceOptions
  value?: string
  errors?: FieldErrors
}) {
  const { t, name } = useI18n()
  const groups = (list: PlaceWithDistrict[], own: boolean) =>
    PLACE_KINDS.map((kind) => ({
      label: t(own ? 'placeField.ownGroup' : 'placeField.otherGroup', { kind: placeKindLabel(t, kind) }),
      places: list.filter((p) => p.kind === kind),
    })).filter((g) => g.places.length > 0)
  const error = errors?.place
  return (
    <Field name="place" label="placeField.label" errors={errors} hint={t('placeField.hint')}>
      <select
        id="f-place"
        name="place"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[error ? 'e-place' : '', 'h-place'].filter(Boolean).join(' ')}
      >
        <option value="">{t('placeField.none')}</option>
        {[...groups(places.own, true), ...groups(places.others, false)].map((g) => (
          <optgroup label={g.label}>
            {g.places.map((p) => (
              <option value={String(p.id)} selected={value === String(p.id)}>
                {places.others.includes(p) ? `${name(p)}（${name(p.district)}）` : name(p)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  )
}
