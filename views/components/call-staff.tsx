import type { MessageKey } from '../i18n/index.ts'
import { useI18n } from '../i18n/index.ts'
import { usePage } from '../page-context.ts'
import { CsrfField } from './form.tsx'

/** Where the kiosk's call-staff answer appears; the same id in the layout and in the fragment. */
export const CALL_STAFF_NOTICE_ID = 'call-staff-notice'

/**
 * The call-staff button in every kiosk screen's header. A plain form first (the answer is a page
 * that leads back here); with htmx the answer is swapped into the notice under the header.
 */
export function CallStaffButton() {
  const { t } = useI18n()
  const page = usePage()
  return (
    <form
      method="post"
      action="/kiosk/call-staff"
      class="call-staff-form"
      hx-post="/kiosk/call-staff"
      hx-target={`#${CALL_STAFF_NOTICE_ID}`}
      hx-swap="innerHTML"
    >
      <CsrfField />
      <input type="hidden" name="back" value={page.path + page.query} />
      <button type="submit" class="call-staff" id="call-staff" data-call-staff>
        {t('staffCall.button')}
      </button>
    </form>
  )
}

/** What the resident reads after pressing the button: someone is coming, or why not. */
export function CallStaffNotice({ message, error = false }: { message: MessageKey; error?: boolean }) {
  const { t } = useI18n()
  return (
    <p
      class={error ? 'call-staff-notice call-staff-error' : 'call-staff-notice'}
      role="status"
      id="call-staff-message"
    >
      {t(message)}
    </p>
  )
}
