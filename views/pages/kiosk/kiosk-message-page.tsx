import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { QueueStyles } from './queue-assets.tsx'

/** A kiosk-sized explanation when something cannot be done, with the way back to the start. */
export function KioskMessagePage({
  title,
  body,
  stationName,
}: {
  title: string
  body: string
  stationName?: string
}) {
  const { t } = useI18n()
  return (
    <KioskLayout title={title} stationName={stationName}>
      <QueueStyles />
      <div class="notice notice-error q-message" role="alert" id="kiosk-message">
        <h1>{title}</h1>
        <p>{body}</p>
      </div>
      <p class="q-nav">
        <a class="kiosk-button primary" href="/kiosk" id="message-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}
