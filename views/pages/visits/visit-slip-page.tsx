import { raw } from 'hono/html'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { QueueStyles } from '../kiosk/queue-assets.tsx'
import { SlipContact, type SlipStation } from '../kiosk/slip-parts.tsx'
import { formatTrackingCode } from '../track/concern-labels.ts'

export type VisitSlip = {
  visitId: number
  stationName: string
  place: string
  issuedAt: string
  deputyName: string
  dueOn: string
  trackingCode: string
  statusUrl: string
  qrSvg: string
  station: SlipStation
}

/**
 * The slip of a concern recorded at a visit, printed later by a clerk (print.css: the slip alone
 * on the receipt or A4 printer). The kiosk slip's parts: code, QR of the status page, contact.
 */
export function VisitSlipPage({ slip }: { slip: VisitSlip }) {
  const { t } = useI18n()
  const code = formatTrackingCode(slip.trackingCode)
  return (
    <StaffLayout title={t('queue.slip.backlogTitle')}>
      <QueueStyles />
      <p class="no-print">
        <a href={`/visits/${slip.visitId}`}>{t('visit.page.back')}</a>
      </p>
      <section class="slip q-slip" id="slip" aria-label={t('queue.slip.backlogTitle')}>
        <p class="q-slip-station">{slip.stationName}</p>
        <p>{slip.place}</p>
        <p class="q-slip-time">{slip.issuedAt}</p>
        <p class="q-slip-wait">{t('queue.slip.backlog', { name: slip.deputyName, date: slip.dueOn })}</p>
        <div class="q-slip-code">
          <p>
            {t('queue.slip.trackingCode')} <strong id="slip-code">{code}</strong>
          </p>
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
      <p class="no-print">
        <button type="button" class="button" id="print-slip" data-print="1">
          {t('visit.page.print')}
        </button>
      </p>
      <script src="/static/visit-print.js" defer></script>
    </StaffLayout>
  )
}
