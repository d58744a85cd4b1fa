import type { Child } from 'hono/jsx'
import { CALL_STAFF_NOTICE_ID, CallStaffButton } from '../components/call-staff.tsx'
import { LanguageSwitch } from '../components/language-switch.tsx'
import { Document } from '../document.tsx'
import { useI18n } from '../i18n/index.ts'
import { usePage } from '../page-context.ts'

type Props = {
  title: string
  stationName?: string
  children: Child
  idle?: boolean
  /** The call-staff button; off only where the device is not a paired kiosk yet. */
  callStaff?: boolean
}

/**
 * Portrait touchscreen layout: big targets, language and text size one tap away, and an idle
 * reset (kiosk/idle.js) that warns with a countdown before wiping back to the start screen.
 */
export function KioskLayout({ title, stationName, children, idle = true, callStaff = true }: Props) {
  const { t } = useI18n()
  const page = usePage()
  const back = encodeURIComponent(page.path + page.query)
  return (
    <Document title={title} variant="kiosk" scripts={idle ? ['/static/idle.js'] : []}>
      <header class="kiosk-header">
        <div class="kiosk-brand">
          <span class="kiosk-app">{t('app.name')}</span>
          {stationName ? <span class="kiosk-station">{stationName}</span> : null}
        </div>
        <nav class="kiosk-tools" aria-label={t('kiosk.settings')}>
          <LanguageSwitch id="kiosk-language" />
          <a
            class="text-size"
            id="text-size-toggle"
            href={`/lang/text/${page.largeText ? 'normal' : 'large'}?next=${back}`}
          >
            {page.largeText ? t('kiosk.normalText') : t('kiosk.largeText')}
          </a>
          {callStaff ? <CallStaffButton /> : null}
        </nav>
      </header>
      {callStaff ? <div id={CALL_STAFF_NOTICE_ID} class="call-staff-slot" /> : null}
      <main id="main" class="kiosk-main">
        {children}
      </main>
      {idle ? (
        <div
          id="idle-warning"
          class="idle-warning"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="idle-title"
          aria-describedby="idle-body"
          hidden
          data-idle-seconds={String(page.kioskIdleSeconds)}
          data-countdown-seconds={String(page.kioskIdleCountdownSeconds)}
          data-reset-url="/kiosk?reset=1"
          data-body-template={t('kiosk.idle.body')}
        >
          <h2 id="idle-title">{t('kiosk.idle.title')}</h2>
          <p id="idle-body">{t('kiosk.idle.body', { seconds: page.kioskIdleCountdownSeconds })}</p>
          <p class="idle-count" aria-hidden="true" id="idle-count">
            {page.kioskIdleCountdownSeconds}
          </p>
          <button type="button" id="idle-continue" class="kiosk-button primary">
            {t('kiosk.idle.continue')}
          </button>
        </div>
      ) : null}
    </Document>
  )
}
