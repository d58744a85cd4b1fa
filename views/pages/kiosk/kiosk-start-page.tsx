import { type VisitNoticeLine, VisitNoticeStyles, VisitNotices } from '../../components/visit-notices.tsx'
import type { MessageKey } from '../../i18n/index.ts'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'

export type StartAction = { id: string; href: string; label: MessageKey; hint: MessageKey }

export type DutyLine = { name: string | null; slot: string; when: string }

type Props = {
  stationName: string
  today: string
  closedName?: string
  actions: StartAction[]
  duty: { now: DutyLine | null; next: DutyLine | null }
  /** Deputies' next visits to places of the station's districts. */
  visits: VisitNoticeLine[]
}

/** The kiosk's start screen: the station, today's date and the actions that work here now. */
export function KioskStartPage({ stationName, today, closedName, actions, duty, visits }: Props) {
  const { t } = useI18n()
  return (
    <KioskLayout title={t('kiosk.chooseAction')} stationName={stationName}>
      <h1 id="kiosk-welcome">{t('kiosk.welcome', { station: stationName })}</h1>
      <p class="lead">{t('kiosk.today', { date: today })}</p>
      {duty.now || duty.next ? (
        <ul class="kiosk-duty" id="kiosk-duty">
          {duty.now ? (
            <li>
              {t('kiosk.duty.now', { name: duty.now.name ?? t('kiosk.duty.nobody'), slot: duty.now.slot })}
            </li>
          ) : null}
          {duty.next ? (
            <li>
              {t('kiosk.duty.next', { name: duty.next.name ?? t('kiosk.duty.nobody'), when: duty.next.when })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {visits.length > 0 ? <VisitNoticeStyles /> : null}
      <VisitNotices lines={visits} prefix="kiosk" class="visit-notices" />
      {closedName ? (
        <p class="notice" role="status" id="kiosk-closed">
          {t('kiosk.closedToday', { name: closedName })}
        </p>
      ) : null}
      {actions.length === 0 ? (
        <p class="notice" id="kiosk-nothing">
          {t('kiosk.nothingYet')}
        </p>
      ) : (
        <>
          <h2 class="lead">{t('kiosk.chooseAction')}</h2>
          <ul class="kiosk-actions" id="kiosk-actions">
            {actions.map((a) => (
              <li>
                <a class="kiosk-button kiosk-action" id={`action-${a.id}`} href={a.href}>
                  <span class="big">{t(a.label)}</span>
                  <span class="small">{t(a.hint)}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </KioskLayout>
  )
}
