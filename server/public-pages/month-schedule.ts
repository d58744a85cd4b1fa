import type { Db } from '../../db/client.ts'
import { dutyStationsOf, loadStationDutyRows } from '../../db/queries/feeds.ts'
import { listSessions } from '../../db/queries/reception.ts'
import { findStation } from '../../db/queries/stations.ts'
import { listVisits } from '../../db/queries/visits.ts'
import type { I18n } from '../../views/i18n/index.ts'
import { visitKindLabel } from '../../views/pages/places/place-labels.ts'
import type { ScheduleItem } from '../../views/pages/public/schedule-print-page.tsx'
import type { PersonKey } from '../domain/roster/types.ts'
import { addDays, monthRange, zonedTimeToUtc } from '../domain/zoned-time.ts'
import { dutyFacts } from '../feeds/duty-facts.ts'

const hm = (i18n: I18n, at: Date, tz: string) =>
  i18n.dateTime(at, tz, { hour: '2-digit', minute: '2-digit', hour12: false })

/**
 * One person's month on paper (issue 16 item 8): a deputy's reception sessions and visits, and
 * the published duty of the deputy and/or staff account, by start. The same rows the calendar
 * feeds read, for those whose phone cannot subscribe.
 */
export function monthSchedule(
  db: Db,
  i18n: I18n,
  who: { deputyId: number | null; accountId: number | null },
  month: string,
  timeZone: string,
): ScheduleItem[] {
  const { first, last } = monthRange(month)
  const items: (ScheduleItem & { at: number })[] = []
  const stationName = (id: number) => {
    const s = findStation(db, id)
    return s ? i18n.name(s) : ''
  }
  const dateOf = (at: Date, tz: string) =>
    i18n.dateTime(at, tz, { month: 'numeric', day: 'numeric', weekday: 'short' })
  if (who.deputyId !== null) {
    for (const s of listSessions(db, {
      deputyIds: [who.deputyId],
      from: first,
      to: last,
      scheduledOnly: true,
    })) {
      const tz = findStation(db, s.stationId)?.timeZone ?? timeZone
      items.push({
        at: s.startsAt.getTime(),
        id: `reception-${s.id}`,
        date: dateOf(s.startsAt, tz),
        time: `${s.startTime}–${s.endTime}`,
        what: i18n.t('schedule.kind.reception'),
        where: [stationName(s.stationId), s.place].filter(Boolean).join(' · '),
      })
    }
    const visits = listVisits(db, {
      deputyId: who.deputyId,
      from: zonedTimeToUtc(first, '00:00', timeZone),
      to: zonedTimeToUtc(addDays(last, 1), '00:00', timeZone),
      statuses: ['planned', 'held'],
    })
    for (const v of visits)
      items.push({
        at: v.startsAt.getTime(),
        id: `visit-${v.id}`,
        date: dateOf(v.startsAt, timeZone),
        time: `${hm(i18n, v.startsAt, timeZone)}–${hm(i18n, v.endsAt, timeZone)}`,
        what: i18n.t('schedule.kind.visit', { kind: visitKindLabel(i18n.t, v.kind) }),
        where: i18n.name(v.place),
      })
  }
  const people: PersonKey[] = []
  if (who.deputyId !== null) people.push(`deputy:${who.deputyId}`)
  if (who.accountId !== null) people.push(`account:${who.accountId}`)
  for (const person of people)
    for (const s of dutyStationsOf(db, person))
      for (const f of dutyFacts(loadStationDutyRows(db, s, first, last), first, last)) {
        if (!f.open || f.holder !== person) continue
        items.push({
          at: f.startsAt.getTime(),
          id: `duty-${s.id}-${f.date}-${f.code}`,
          date: dateOf(f.startsAt, s.timeZone),
          time: `${hm(i18n, f.startsAt, s.timeZone)}–${hm(i18n, f.endsAt, s.timeZone)}`,
          what: i18n.t('schedule.kind.duty', { slot: i18n.name(f.slotName) }),
          where: stationName(s.id),
        })
      }
  return items.sort((a, b) => a.at - b.at).map(({ at: _, ...rest }) => rest)
}
