import type { FieldErrors } from '../../components/form.tsx'
import { type MessageKey, useI18n } from '../../i18n/index.ts'

/** Submitted (or default) form values as strings, to fill a form in again. */
export type FormValues = Record<string, string | string[] | undefined>

export const one = (values: FormValues, key: string) => {
  const v = values[key]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}
export const many = (values: FormValues, key: string) => {
  const v = values[key]
  return v === undefined ? [] : Array.isArray(v) ? v : [v]
}

/** A group of checkboxes with one legend; each label is a 44 px target. */
export function CheckGroup({
  name,
  legend,
  hint,
  options,
  checked,
  errors,
}: {
  name: string
  legend: MessageKey
  hint?: string
  options: { value: string; label: string }[]
  checked: readonly string[]
  errors?: FieldErrors
}) {
  const { t } = useI18n()
  const error = errors?.[name]
  const described = [error ? `e-${name}` : '', hint ? `h-${name}` : ''].filter(Boolean).join(' ') || undefined
  return (
    <fieldset class={error ? 'field check-set has-error' : 'field check-set'} aria-describedby={described}>
      <legend>{t(legend)}</legend>
      {hint ? (
        <p class="hint" id={`h-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`e-${name}`}>
          {error}
        </p>
      ) : null}
      <div class="checks">
        {options.map((o, i) => (
          <label>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              id={i === 0 ? `f-${name}` : undefined}
              checked={checked.includes(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/** Monday … Sunday in the reader's language, for weekday check boxes. */
export function useWeekdayOptions() {
  const { dateTime } = useI18n()
  return [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: dateTime(new Date(Date.UTC(2026, 10, 22 + d, 12)), 'UTC', { weekday: 'long' }),
  }))
}

/** Hidden copies of values, so a confirmation form sends exactly what was previewed. */
export const HiddenValues = ({ values, keys }: { values: FormValues; keys: readonly string[] }) => (
  <>{keys.flatMap((k) => many(values, k).map((v) => <input type="hidden" name={k} value={v} />))}</>
)
