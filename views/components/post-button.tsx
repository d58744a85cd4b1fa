import { CsrfField } from './form.tsx'

type Props = {
  action: string
  label: string
  name: string
  buttonClass: string
  formClass?: string | undefined
}

/** A one-button form that posts an action about a row; `name` tells screen readers which row. */
export function PostButton({ action, label, name, buttonClass, formClass }: Props) {
  return (
    <form method="post" action={action} class={formClass}>
      <CsrfField />
      <button type="submit" class={buttonClass}>
        {label}
        <span class="visually-hidden"> {name}</span>
      </button>
    </form>
  )
}
