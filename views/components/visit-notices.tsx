import type { VisitView } from '../../db/queries/visits.ts'
import { type RelativeDay, relativeDay } from '../../server/domain/relative-day.ts'
import { type I18n, useI18n } from '../i18n/index.ts'
import { visitKindLabel } from '../pages/places/place-labels.ts'

/** 今天 / 明天 / 后天 / 本周五 / 下周二 / 12月22日周二, in the reader's language. */
export function relativeDayText(i18n: I18n, day: RelativeDay): string {
  const { t, locale, dateTime } = i18n
  const noon = new Date(`${day.date}T12:00:00Z`)
  switch (day.kind) {
    case 'today':
      return t('relativeDay.today')
    case 'tomorrow':
      return t('relativeDay.tomorrow')
    case 'dayAfterTomorrow':
      return t('relativeDay.dayAfterTomorrow')
    case 'thisWeek':
    case 'nextWeek': {
      const weekday = dateTime(noon, 'UTC', { weekday: locale === 'en' ? 'long' : 'short' })
      return t(day.kind === 'thisWeek' ? 'relativeDay.thisWeek' : 'relativeDay.nextWeek', { weekday })
    }
    case 'date':
      return dateTime(noon, 'UTC', { month: 'long', day: 'numeric', weekday: 'short' })
  }
}

/**
 * One line of a visit notice: "下周二 09:00　李秀英代表到 幸福村（入户走访）". Deputies' names are
 * public; nothing about residents is.
 */
export function visitNoticeText(i18n: I18n, visit: VisitView, day: RelativeDay, timeZone: string): string {
  const { t, name, locale, dateTime } = i18n
  const names = visit.deputies.map((d) => d.name).join(locale === 'en' ? ', ' : '、')
  const vars = {
    day: relativeDayText(i18n, day),
    time: dateTime(visit.startsAt, timeZone, { hour: '2-digit', minute: '2-digit' }),
    names,
    place: name(visit.place),
    kind: visitKindLabel(t, visit.kind),
  }
  const line = t(visit.deputies.length > 1 ? 'visitNotice.linePlural' : 'visitNotice.line', vars)
  return visit.status === 'cancelled' ? t('visitNotice.cancelled', { line }) : line
}

/** A visit as a kiosk or board shows it: one line of text, struck through when cancelled. */
export type VisitNoticeLine = { text: string; cancelled: boolean }

export const visitNoticeLines = (
  i18n: I18n,
  visits: readonly VisitView[],
  now: Date,
  timeZone: string,
): VisitNoticeLine[] =>
  visits.map((v) => ({
    text: visitNoticeText(i18n, v, relativeDay(v.startsAt, now, timeZone), timeZone),
    cancelled: v.status === 'cancelled',
  }))

export const VisitNoticeStyles = () => <link rel="stylesheet" href="/static/visit-notices.css" />

/** The list of lines under its heading; `prefix` keeps the ids apart on each screen. */
export function VisitNotices({
  lines,
  prefix,
  class: className,
}: {
  lines: readonly VisitNoticeLine[]
  prefix: string
  class: string
}) {
  const { t } = useI18n()
  if (lines.length === 0) return null
  return (
    <section class={className} aria-labelledby={`${prefix}-visits-heading`}>
      <h2 id={`${prefix}-visits-heading`}>{t('visitNotice.heading')}</h2>
      <ul id={`${prefix}-visits`}>
        {lines.map((l) => (
          <li class={l.cancelled ? 'visit-cancelled' : undefined}>{l.text}</li>
        ))}
      </ul>
    </section>
  )
}
