import type { Db } from '../../db/client.ts'
import { allClosures, type ConcernListRow, calendarsByStation } from '../../db/queries/followup.ts'
import { listStations } from '../../db/queries/stations.ts'
import type { ConcernStatus, FollowUpSnapshot } from '../../db/schema.ts'
import type { I18n } from '../../views/i18n/index.ts'
import type { ConcernListItem, DueView } from '../../views/pages/followup/parts.tsx'
import { currentDue, isOverdue, workingDaysOverdue } from '../domain/concern-follow-up.ts'
import { localDate } from '../domain/time.ts'
import type { WorkingCalendar } from '../domain/working-days.ts'

/** Today in each station's zone and its working calendar, for deadline views. */
export function stationClock(db: Db, now: Date) {
  const zones = new Map(listStations(db).map((s) => [s.id, s.timeZone]))
  const calendar = calendarsByStation(allClosures(db))
  return {
    today: (stationId: number) => localDate(now, zones.get(stationId) ?? 'Asia/Shanghai'),
    calendar,
  }
}
export type StationClock = ReturnType<typeof stationClock>

/** Where a concern's deadline stands today. */
export function dueView(
  c: { stationId: number; status: ConcernStatus; firstResponseDueOn: string },
  followUp: Pick<FollowUpSnapshot, 'dueKind' | 'dueOn' | 'escalationLevel'> | null,
  today: string,
  cal: WorkingCalendar,
): DueView {
  const due = currentDue(c, followUp)
  if (!due) return null
  const overdue = isOverdue(due, today)
  return {
    ...due,
    overdue,
    daysOver: overdue ? workingDaysOverdue(due, today, cal) : 0,
    escalationLevel: followUp?.escalationLevel ?? 0,
  }
}

/** List rows with their deadlines, overdue first (most overdue first), then by deadline. */
export function listItems(
  rows: ConcernListRow[],
  clock: StationClock,
  i18n: I18n,
  stationNames?: Map<number, string>,
): ConcernListItem[] {
  const items = rows.map((r) => ({
    id: r.id,
    trackingCode: r.trackingCode,
    status: r.status,
    receivedOn: r.receivedOn,
    topic: i18n.name(r.topic),
    deputyName: r.deputyName,
    stationName: stationNames?.get(r.stationId),
    due: dueView(r, r.followUp, clock.today(r.stationId), clock.calendar(r.stationId)),
    duplicates: r.duplicates,
  }))
  const rank = (i: ConcernListItem) => (i.due?.overdue ? 0 : i.due ? 1 : 2)
  return items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due && b.due ? (a.due.on < b.due.on ? -1 : a.due.on > b.due.on ? 1 : 0) : 0) ||
      a.id - b.id,
  )
}
