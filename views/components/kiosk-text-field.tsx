type Props = {
  name: string
  /** Already translated. */
  label: string
  hint: string
  error?: string
  value: string
  type?: 'text' | 'tel'
  inputmode?: 'tel'
  maxlength: number
  /** Ids of further text the field is described by, e.g. why a phone number is asked for. */
  describedBy?: string
  class?: string
  /** For codes typed in capitals: no auto-capitalisation or spell check. */
  code?: boolean
}

/**
 * A kiosk text input with its label, hint and error always shown (no "optional" marker: every
 * kiosk field says in its hint whether it may stay empty), wired with ids and aria attributes.
 */
export function KioskTextField(p: Props) {
  const { name, error } = p
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${name}`}>{p.label}</label>
      <p class="hint q-hint" id={`h-${name}`}>
        {p.hint}
      </p>
      {error ? (
        <p class="error" id={`e-${name}`}>
          {error}
        </p>
      ) : null}
      <input
        type={p.type ?? 'text'}
        id={`f-${name}`}
        name={name}
        class={p.class}
        inputmode={p.inputmode}
        autocomplete="off"
        autocapitalize={p.code ? 'characters' : undefined}
        spellcheck={p.code ? false : undefined}
        maxlength={p.maxlength}
        value={p.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[error ? `e-${name}` : '', `h-${name}`, p.describedBy ?? '']
          .filter(Boolean)
          .join(' ')}
      />
    </div>
  )
}
