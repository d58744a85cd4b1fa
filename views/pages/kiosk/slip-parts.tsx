import type { StationRow } from '../../../db/queries/stations.ts'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import type { Locale } from '../../i18n/locales.ts'
import { usePage } from '../../page-context.ts'

/** Where 完成 and the countdown go: the start screen, back in the station's language and text size. */
export const SLIP_RETURN_URL = '/kiosk?reset=1'

/** The station facts every slip carries. */
export type SlipStation = Pick<
  StationRow,
  'phone' | 'openingHoursZhHans' | 'openingHoursZhHant' | 'openingHoursEn'
>

/** The opening hours in the reader's language, falling back to the simplified Chinese text. */
export function openingHoursIn(locale: Locale, s: SlipStation): string {
  const text = locale === 'zh-Hant' ? s.openingHoursZhHant : locale === 'en' ? s.openingHoursEn : ''
  return text || s.openingHoursZhHans
}

/** The station's phone and opening hours, printed on every slip (those it has on file). */
export function SlipContact({ station }: { station: SlipStation }) {
  const { t, locale } = useI18n()
  const hours = openingHoursIn(locale, station)
  if (!station.phone && !hours) return null
  return (
    <div class="slip-contact" id="slip-contact">
      {station.phone ? <p id="slip-phone">{t('kiosk.slip.phone', { phone: station.phone })}</p> : null}
      {hours ? <p id="slip-hours">{t('kiosk.slip.hours', { hours })}</p> : null}
    </div>
  )
}

/** Without a printer the resident keeps the code by photographing or copying it from the screen. */
export function KeepCodeNotice({ message }: { message: MessageKey }) {
  const { t } = useI18n()
  return (
    <p class="slip-keep no-print" id="slip-keep">
      {t(message)}
    </p>
  )
}

/**
 * The slip's buttons and its countdown back to the start. On a kiosk with a receipt printer
 * kiosk/slip.js prints the slip once by itself (keyed on `code`, so not again on reload or back)
 * and the button prints another copy.
 */
export function SlipActions({ code, printer }: { code: string; printer: boolean }) {
  const { t } = useI18n()
  const seconds = usePage().kioskSlipSeconds
  return (
    <>
      <div
        class="q-buttons kiosk-action-bar no-print"
        id="slip-actions"
        data-slip-code={code}
        data-print-once={printer ? '1' : undefined}
        data-return-seconds={String(seconds)}
        data-return-url={SLIP_RETURN_URL}
      >
        <a class="kiosk-button primary q-main" href={SLIP_RETURN_URL} id="slip-done">
          {t('kiosk.slip.done')}
        </a>
        {printer ? (
          <button type="button" class="kiosk-button" id="print-slip" data-print="1">
            {t('kiosk.slip.printAgain')}
          </button>
        ) : null}
        <p class="slip-countdown" id="slip-countdown" data-template={t('kiosk.slip.countdown')}>
          {t('kiosk.slip.countdown', { seconds })}
        </p>
      </div>
      <script src="/static/slip.js" defer></script>
    </>
  )
}
