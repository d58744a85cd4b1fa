import type { Verdict } from '../../../db/enums.ts'
import { CsrfField } from '../../components/form.tsx'
import { LanguageSwitch } from '../../components/language-switch.tsx'
import { VerdictButtons } from '../../components/verdict-buttons.tsx'
import { Document } from '../../document.tsx'
import { useI18n } from '../../i18n/index.ts'
import { verdictLabel } from '../followup/labels.ts'
import { FollowUpStyles } from '../followup/parts.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { formatLocalDate } from '../track/concern-labels.ts'

/** Seconds the thanks stay on the screen before it goes back to the console. */
export const SPOT_THANKS_SECONDS = 8

/**
 * The resident's screen on the deputy's own device, right after an answer on the spot: the topic
 * and three look-alike buttons, nothing of the console and nothing personal (issue 15).
 */
export function SpotVerdictPage({
  topic,
  action,
  back,
  error,
}: {
  topic: string
  action: string
  back: string
  error?: string | undefined
}) {
  const { t } = useI18n()
  return (
    <Document title={t('queue.spot.title')} variant="kiosk">
      <QueueStyles />
      <FollowUpStyles />
      <header class="kiosk-header">
        <div class="kiosk-brand">
          <span class="kiosk-app">{t('app.name')}</span>
        </div>
        <nav class="kiosk-tools" aria-label={t('kiosk.settings')}>
          <LanguageSwitch id="spot-language" />
        </nav>
      </header>
      <main id="main" class="kiosk-main">
        <h1>{t('queue.spot.title')}</h1>
        <p class="lead" id="spot-topic">
          {t('queue.spot.topic', { topic })}
        </p>
        {error ? (
          <div class="error-summary" role="alert" id="spot-error" tabindex={-1}>
            <p>{error}</p>
          </div>
        ) : null}
        <form method="post" action={action} id="spot-verdict-form" novalidate>
          <CsrfField />
          <fieldset class="fu-kiosk-verdict">
            <legend>{t('queue.spot.question')}</legend>
            <VerdictButtons kiosk />
            <p class="hint q-hint">{t('followup.kiosk.unsatisfiedHint')}</p>
          </fieldset>
        </form>
        <p class="q-nav">
          <a class="kiosk-button" href={back} id="spot-back">
            {t('queue.spot.skip')}
          </a>
        </p>
      </main>
    </Document>
  )
}

/** Thanks, then back to the console by itself after a visible countdown (kiosk/return-after.js). */
export function SpotThanksPage({
  verdict,
  newDueOn,
  back,
}: {
  verdict: Verdict
  newDueOn: string | null
  back: string
}) {
  const { t, dateTime } = useI18n()
  return (
    <Document title={t('queue.spot.thanksTitle')} variant="kiosk" scripts={['/static/return-after.js']}>
      <QueueStyles />
      <FollowUpStyles />
      <main id="main" class="kiosk-main">
        <h1>{t('queue.spot.thanksTitle')}</h1>
        <div class="notice fu-kiosk-thanks" role="status" id="spot-thanks">
          <p>{t('followup.kiosk.thanks', { verdict: verdictLabel(t, verdict) })}</p>
          {newDueOn ? (
            <p>{t('followup.kiosk.reopened', { date: formatLocalDate(dateTime, newDueOn) })}</p>
          ) : null}
        </div>
        <p data-return-url={back} data-return-seconds={String(SPOT_THANKS_SECONDS)} id="spot-return">
          {t('queue.spot.returning', { seconds: SPOT_THANKS_SECONDS })}
        </p>
        <p class="q-nav">
          <a class="kiosk-button primary" href={back} id="spot-done">
            {t('queue.spot.backToConsole')}
          </a>
        </p>
      </main>
    </Document>
  )
}
