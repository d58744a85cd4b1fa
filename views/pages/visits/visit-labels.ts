import type { VisitView } from '../../../db/queries/visits.ts'
import { utcToZoned } from '../../../server/domain/zoned-time.ts'
import type { I18n } from '../../i18n/index.ts'

/** "2026年12月8日星期二 09:00–11:00" in the station's zone: how every visit screen says when. */
export function visitWhen(i18n: I18n, v: Pick<VisitView, 'startsAt' | 'endsAt'>, timeZone: string): string {
  return i18n.t('visit.when', {
    date: i18n.dateTime(v.startsAt, timeZone, { dateStyle: 'full' }),
    start: utcToZoned(v.startsAt, timeZone).time,
    end: utcToZoned(v.endsAt, timeZone).time,
  })
}

export const deputyNames = (v: Pick<VisitView, 'deputies'>) => v.deputies.map((d) => d.name).join('、')
