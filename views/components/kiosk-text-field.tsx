import type { Child } from 'hono/jsx'

type Frame = {
  name: string
  /** Already translated. */
  label: string
  hint: string
  error?: string
  /** Ids of further text the field is described by, e.g. why a phone number is asked for. */
  describedBy?: string
}

/** The ids a kiosk field's input is described by: its error, its hint and any further text. */
export const fieldDescribedBy = (p: Frame) =>
  [p.error ? `e-${p.name}` : '', `h-${p.name}`, p.describedBy ?? ''].filter(Boolean).join(' ')

/**
 * A kiosk field's label, hint and error, always shown (no "optional" marker: every kiosk field
 * says in its hint whether it may stay empty), around the input(s) given as children.
 */
export function KioskFieldFrame(p: Frame & { extraClass?: string; children: Child }) {
  const { name, error } = p
  return (
    <div class={['field', error ? 'has-error' : '', p.extraClass ?? ''].filter(Boolean).join(' ')}>
      <label for={`f-${name}`}>{p.label}</label>
      <p class="hint q-hint" id={`h-${name}`}>
        {p.hint}
      </p>
      {error ? (
        <p class="error" id={`e-${name}`}>
          {error}
        </p>
      ) : null}
      {p.children}
    </div>
  )
}

type Props = Frame & {
  value: string
  type?: 'text' | 'tel'
  inputmode?: 'tel'
  maxlength: number
  class?: string
  /** For codes typed in capitals: no auto-capitalisation or spell check. */
  code?: boolean
}

/** A kiosk text input in its frame, wired with ids and aria attributes. */
export function KioskTextField(p: Props) {
  return (
    <KioskFieldFrame {...p}>
      <input
        type={p.type ?? 'text'}
        id={`f-${p.name}`}
        name={p.name}
        class={p.class}
        inputmode={p.inputmode}
        autocomplete="off"
        autocapitalize={p.code ? 'characters' : undefined}
        spellcheck={p.code ? false : undefined}
        maxlength={p.maxlength}
        value={p.value}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={fieldDescribedBy(p)}
      />
    </KioskFieldFrame>
  )
}
