import { raw } from 'hono/html'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { formatTrackingCode } from '../track/concern-labels.ts'
import { QueueKioskScript, QueueStyles } from './queue-assets.tsx'
import { KeepCodeNotice, SlipActions, SlipContact, type SlipStation } from './slip-parts.tsx'

export type SlipInfo = {
  stationName: string
  /** Ticket label such as A-007, or null when the concern went to a deputy's backlog. */
  ticket: string | null
  issuedAt: string
  waitingAhead: number | null
  deputyName: string | null
  dueOn: string
  trackingCode: string
  statusUrl: string
  /** Server-rendered SVG of the status URL's QR code. */
  qrSvg: string
  station: SlipStation
  /** The kiosk has a receipt printer: the slip prints itself once. */
  printer: boolean
}

/**
 * The ticket on screen and, through kiosk/print.css, on a 58/80 mm receipt: number, station,
 * date, tracking code and a QR code of the status page. Nothing personal.
 */
export function SlipPage({ slip }: { slip: SlipInfo }) {
  const { t } = useI18n()
  const code = formatTrackingCode(slip.trackingCode)
  return (
    <KioskLayout
      title={slip.ticket ? t('queue.slip.title') : t('queue.slip.backlogTitle')}
      stationName={slip.stationName}
    >
      <QueueStyles />
      <section class="slip q-slip" id="slip" aria-labelledby="slip-heading">
        <p class="q-slip-station">{slip.stationName}</p>
        <h1 id="slip-heading">{slip.ticket ? t('queue.slip.title') : t('queue.slip.backlogTitle')}</h1>
        {slip.ticket ? (
          <p class="q-slip-number" id="slip-number">
            {slip.ticket}
          </p>
        ) : null}
        <p class="q-slip-time">{slip.issuedAt}</p>
        {slip.ticket ? (
          <p class="q-slip-wait" id="slip-wait">
            <span>
              {slip.waitingAhead === 0
                ? t('queue.slip.nextUp')
                : t('queue.slip.ahead', { n: slip.waitingAhead ?? 0 })}
            </span>
            <span>{t('queue.slip.watchBoard')}</span>
          </p>
        ) : (
          <p class="q-slip-wait" id="slip-backlog">
            {t('queue.slip.backlog', { name: slip.deputyName ?? '', date: slip.dueOn })}
          </p>
        )}
        <div class={slip.printer ? 'q-slip-code' : 'q-slip-code slip-code-kept'}>
          <p>
            {t('queue.slip.trackingCode')} <strong id="slip-code">{code}</strong>
          </p>
          {slip.printer ? null : <KeepCodeNotice message="kiosk.slip.keepTrackingCode" />}
          <div class="q-qr" role="img" aria-label={t('queue.slip.qrLabel', { code })}>
            {raw(slip.qrSvg)}
          </div>
          <p class="q-slip-help">{t('queue.slip.trackHelp')}</p>
          <p class="q-slip-url" id="slip-url">
            {slip.statusUrl}
          </p>
        </div>
        <SlipContact station={slip.station} />
      </section>
      <SlipActions code={slip.trackingCode} printer={slip.printer} />
      <QueueKioskScript />
    </KioskLayout>
  )
}
