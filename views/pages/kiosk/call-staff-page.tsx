import { CallStaffNotice } from '../../components/call-staff.tsx'
import type { MessageKey } from '../../i18n/index.ts'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'

/** The call-staff answer without htmx: the notice, and the way back to the screen it came from. */
export function CallStaffPage({
  message,
  back,
  error,
}: {
  message: MessageKey
  back: string
  error?: boolean
}) {
  const { t } = useI18n()
  return (
    <KioskLayout title={t('staffCall.button')}>
      <h1>{t('staffCall.button')}</h1>
      <CallStaffNotice message={message} error={error} />
      <a class="kiosk-button primary" href={back} id="call-staff-back">
        <span class="big">{t('staffCall.back')}</span>
      </a>
    </KioskLayout>
  )
}
