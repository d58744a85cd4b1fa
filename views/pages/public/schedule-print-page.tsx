import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'

export type ScheduleItem = { id: string; date: string; time: string; what: string; where: string }

/** A person's month, printable on A4 in large type (kiosk/poster.css). */
export function SchedulePrintPage(p: {
  name: string
  monthLabel: string
  base: string
  prev: string
  next: string
  items: ScheduleItem[]
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('schedule.title', { name: p.name, month: p.monthLabel })}>
      <link rel="stylesheet" href="/static/poster.css" />
      <script src="/static/print-button.js" defer></script>
      <p class="no-print">{t('schedule.intro')}</p>
      <p class="no-print poster-tools">
        <a href={`${p.base}?month=${p.prev}`} rel="prev">
          {t('schedule.prev')}
        </a>
        <a href={`${p.base}?month=${p.next}`} rel="next">
          {t('schedule.next')}
        </a>
        <button type="button" data-print id="schedule-print">
          {t('schedule.print')}
        </button>
      </p>
      <div class="schedule-sheet" id="schedule-sheet">
        {p.items.length === 0 ? (
          <p id="schedule-none">{t('schedule.none')}</p>
        ) : (
          <table id="schedule-table">
            <thead>
              <tr>
                <th scope="col">{t('schedule.col.date')}</th>
                <th scope="col">{t('schedule.col.time')}</th>
                <th scope="col">{t('schedule.col.what')}</th>
                <th scope="col">{t('schedule.col.where')}</th>
              </tr>
            </thead>
            <tbody>
              {p.items.map((i) => (
                <tr id={i.id}>
                  <td>{i.date}</td>
                  <td>{i.time}</td>
                  <td>{i.what}</td>
                  <td>{i.where}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </StaffLayout>
  )
}
