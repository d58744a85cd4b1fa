import { loadFeedSessions } from '../../db/queries/feeds.ts'
import { enqueueSms } from '../../db/queries/outbox.ts'
import { stationRoster, stationsWithRoster } from '../../db/queries/roster.ts'
import { smsDeputies } from '../../db/queries/sms-recipients.ts'
import { listVisits } from '../../db/queries/visits.ts'
import { type MessageKey, makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import { comingWeek, type WeekItem, weekItemsText } from '../domain/weekly-schedule-sms.ts'
import { addDays, utcToZoned, zonedTimeToUtc } from '../domain/zoned-time.ts'
import { defineJob } from './runner.ts'

/** The street's zone: the week and its days are read here (every station of a street shares it). */
const WEEK_ZONE = 'Asia/Shanghai'

const DAY_KEYS: readonly MessageKey[] = [
  'smsWeek.day.1',
  'smsWeek.day.2',
  'smsWeek.day.3',
  'smsWeek.day.4',
  'smsWeek.day.5',
  'smsWeek.day.6',
  'smsWeek.day.7',
]

/**
 * Texts each deputy who chose SMS their coming week (issue 16): reception sessions, planned
 * visits and duty, one line in the `schedule.weekly` template. Nothing goes to a deputy with an
 * empty week. The dedupe key names the week, so a second run, or a catch-up run on Monday after
 * the Sunday one was missed, sends once. Returns how many it queued.
 */
export function runWeeklyScheduleSms(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  const { t, name } = makeI18n(config.defaultLocale)
  const deputies = smsDeputies(db)
  if (deputies.length === 0) return 0
  const week = comingWeek(utcToZoned(now, WEEK_ZONE).date)
  const inWeek = (date: string) => week.from <= date && date <= week.to
  const local = (d: Date) => utcToZoned(d, WEEK_ZONE)
  const rosters = stationsWithRoster(db).map((s) => ({
    station: s,
    slots: stationRoster(db, s, week.from, week.to),
  }))
  let queued = 0
  for (const d of deputies) {
    const items: WeekItem[] = []
    for (const s of loadFeedSessions(db, { deputyId: d.deputyId }, () => week))
      if (s.status !== 'cancelled') items.push({ ...local(s.startsAt), label: t('smsWeek.reception') })
    for (const v of listVisits(db, {
      deputyId: d.deputyId,
      statuses: ['planned'],
      from: zonedTimeToUtc(week.from, '00:00', WEEK_ZONE),
      to: zonedTimeToUtc(addDays(week.to, 1), '00:00', WEEK_ZONE),
    }))
      items.push({ ...local(v.startsAt), label: name(v.place) })
    for (const { slots } of rosters)
      for (const slot of slots)
        if (slot.person === `deputy:${d.deputyId}` && !slot.absent && inWeek(slot.date))
          items.push({ date: slot.date, time: slot.start, label: t('smsWeek.duty') })
    if (items.length === 0) continue
    const sms = enqueueSms(
      db,
      {
        kind: 'schedule.weekly',
        phone: d.phone,
        params: {
          week: t('smsWeek.week', { from: week.from.slice(5), to: week.to.slice(5) }),
          items: weekItemsText(
            items,
            (n) => t(DAY_KEYS[n - 1]!),
            (n) => t('smsWeek.more', { n }),
          ),
        },
        dedupeKey: `schedule-weekly:${week.from}:account:${d.accountId}`,
        recipient: `account:${d.accountId}`,
        dueAt: now,
        // Of no use once the week has begun.
        expiresAt: zonedTimeToUtc(week.from, '12:00', WEEK_ZONE),
      },
      now,
    )
    if (sms?.created) queued++
  }
  return queued
}

export const weeklyScheduleSmsJob = defineJob({
  name: 'weekly-schedule-sms',
  // Sunday 18:00 in China (UTC+8).
  cron: '0 10 * * 0',
  catchUp: 'latest',
  title: (t) => t('smsWeek.job'),
  run: (deps, now) => `${runWeeklyScheduleSms(deps, now)} weekly schedules queued`,
})
