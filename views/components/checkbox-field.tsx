import { type MessageKey, useI18n } from '../i18n/index.ts'
import type { FieldErrors } from './form.tsx'

const describedBy = (name: string, errors?: FieldErrors, hint?: string) =>
  [errors?.[name] ? `e-${name}` : '', hint ? `h-${name}` : ''].filter(Boolean).join(' ') || undefined

type CheckboxProps = {
  name: string
  label: MessageKey
  checked: boolean
  hint?: string
  errors?: FieldErrors
}

/** One checkbox with its label as a large target; submits "on" when ticked. */
export function CheckboxField({ name, label, checked, hint, errors }: CheckboxProps) {
  const { t } = useI18n()
  const error = errors?.[name]
  return (
    <div class={error ? 'field check-field has-error' : 'field check-field'}>
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
      <label class="check" for={`f-${name}`}>
        <input
          type="checkbox"
          id={`f-${name}`}
          name={name}
          value="on"
          checked={checked}
          aria-describedby={describedBy(name, errors, hint)}
        />
        <span>{t(label)}</span>
      </label>
    </div>
  )
}

type GroupProps = {
  name: string
  legend: MessageKey
  options: { value: string | number; label: string }[]
  values: (string | number)[]
  hint?: string
  errors?: FieldErrors
  /** Shown instead of an empty list. */
  emptyText?: string
}

/**
 * A multi-select as a group of checkboxes: each choice is its own large target, which suits
 * touch screens and screen readers better than `<select multiple>`.
 */
export function CheckboxGroup({ name, legend, options, values, hint, errors, emptyText }: GroupProps) {
  const { t } = useI18n()
  const error = errors?.[name]
  const selected = new Set(values.map(String))
  return (
    <fieldset
      class={error ? 'field check-group has-error' : 'field check-group'}
      id={`f-${name}`}
      aria-describedby={describedBy(name, errors, hint)}
    >
      <legend>
        {t(legend)} <span class="optional">({t('form.optional')})</span>
      </legend>
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
      {options.length === 0 && emptyText ? <p>{emptyText}</p> : null}
      <ul class="check-list">
        {options.map((o) => (
          <li>
            <label class="check">
              <input
                type="checkbox"
                name={name}
                value={String(o.value)}
                checked={selected.has(String(o.value))}
              />
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}
