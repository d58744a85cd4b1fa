import type { Child } from 'hono/jsx'
import { type MessageKey, useI18n } from '../i18n/index.ts'
import { usePage } from '../page-context.ts'

/** Field errors keyed by input name; values are already-translated messages. */
export type FieldErrors = Record<string, string>

export const CsrfField = () => <input type="hidden" name="_csrf" value={usePage().csrfToken} />

/** Lists every error at the top of a form, each linking to its field (WCAG 3.3.1). */
export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const { t } = useI18n()
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <p>{t('form.errorSummary')}</p>
      <ul>
        {entries.map(([name, msg]) => (
          <li>
            <a href={`#f-${name}`}>{msg}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

type FieldProps = {
  name: string
  label: MessageKey
  errors?: FieldErrors
  hint?: string
  required?: boolean
  children?: Child
}

/** Label, hint, error and control, wired together with ids and aria attributes. */
export function Field({ name, label, errors, hint, required, children }: FieldProps) {
  const { t } = useI18n()
  const error = errors?.[name]
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${name}`}>
        {t(label)}
        {required ? null : <span class="optional"> ({t('form.optional')})</span>}
      </label>
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
      {children}
    </div>
  )
}

const describedBy = (name: string, errors?: FieldErrors, hint?: string) =>
  [errors?.[name] ? `e-${name}` : '', hint ? `h-${name}` : ''].filter(Boolean).join(' ') || undefined

type InputProps = Omit<FieldProps, 'children'> & {
  value?: string | number | null
  type?: string
  autocomplete?: string
  maxlength?: number
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'decimal' | 'url' | 'search' | 'none'
}

export function TextField(p: InputProps) {
  return (
    <Field {...p}>
      <input
        id={`f-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        maxlength={p.maxlength}
        inputmode={p.inputmode}
        aria-invalid={p.errors?.[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      />
    </Field>
  )
}

type SelectOption = { value: string | number; label: string }
type SelectProps = Omit<FieldProps, 'children'> & {
  value?: string | number | null
  options: SelectOption[]
  /** Options under headings (optgroup), after the ungrouped `options`. */
  groups?: { label: string; options: SelectOption[] }[]
  multiple?: boolean
  values?: (string | number)[]
  placeholder?: string
}

export function SelectField(p: SelectProps) {
  const selected = new Set((p.values ?? (p.value == null ? [] : [p.value])).map(String))
  const option = (o: SelectOption) => (
    <option value={String(o.value)} selected={selected.has(String(o.value))}>
      {o.label}
    </option>
  )
  return (
    <Field {...p}>
      <select
        id={`f-${p.name}`}
        name={p.name}
        required={p.required}
        multiple={p.multiple}
        aria-invalid={p.errors?.[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map(option)}
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>{g.options.map(option)}</optgroup>
        ))}
      </select>
    </Field>
  )
}

type TextAreaProps = Omit<FieldProps, 'children'> & { value?: string; maxlength?: number; rows?: number }

/** A multi-line text field, wired like TextField. */
export function TextAreaField(p: TextAreaProps) {
  return (
    <Field {...p}>
      <textarea
        id={`f-${p.name}`}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        maxlength={p.maxlength}
        aria-invalid={p.errors?.[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p.name, p.errors, p.hint)}
      >
        {p.value ?? ''}
      </textarea>
    </Field>
  )
}
