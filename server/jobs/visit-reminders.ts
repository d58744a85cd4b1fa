import { liveFeed } from '../../db/queries/feeds.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { listStations } from '../../db/queries/stations.ts'
import { listVisits } from '../../db/queries/visits.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { isLocale } from '../../views/i18n/locales.ts'
import { visitKindLabel } from '../../views/pages/places/place-labels.ts'
import type { AppDeps } from '../deps.ts'
import { addDays, utcToZoned, zonedTimeToUtc } from '../domain/zoned-time.ts'
import { deputyRecipient } from '../events/reception-commands.ts'
import { RECEPTION_REMINDER_HOUR } from './reception.ts'
import { defineJob } from './runner.ts'

/**
 * The day before a planned visit (from the reception reminders' hour in the organising station's
 * zone), reminds each deputy going, once per visit per deputy (the dedupe key), in the language of
 * the deputy's calendar feed when they have one (the only language Liaison knows of a deputy),
 * else the installation's. A reminder not sent before the visit starts expires.
 */
export function runVisitReminders(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  let queued = 0
  for (const station of listStations(db)) {
    const local = utcToZoned(now, station.timeZone)
    if (local.time < RECEPTION_REMINDER_HOUR) continue
    const tomorrow = addDays(local.date, 1)
    const from = zonedTimeToUtc(tomorrow, '00:00', station.timeZone)
    const to = zonedTimeToUtc(addDays(tomorrow, 1), '00:00', station.timeZone)
    for (const v of listVisits(db, { stationId: station.id, from, to, statuses: ['planned'] })) {
      if (v.startsAt.getTime() <= now.getTime()) continue
      for (const deputy of v.deputies) {
        const locale = liveFeed(db, 'deputy', deputy.id)?.locale
        const { t, name } = makeI18n(locale && isLocale(locale) ? locale : config.defaultLocale)
        const vars = {
          deputy: deputy.name,
          place: name(v.place),
          kind: visitKindLabel(t, v.kind),
          date: tomorrow,
          start: utcToZoned(v.startsAt, station.timeZone).time,
          end: utcToZoned(v.endsAt, station.timeZone).time,
          note: v.note,
        }
        const { created } = enqueue(
          db,
          {
            dedupeKey: `visit-reminder:${v.id}:deputy-${deputy.id}`,
            recipient: deputyRecipient(db, deputy.id),
            kind: 'visit.reminder',
            subject: t('visit.mail.reminderSubject', vars),
            body: t('visit.mail.reminderBody', vars).trim(),
            dueAt: now,
            expiresAt: v.startsAt,
          },
          now,
        )
        if (created) queued++
      }
    }
  }
  return queued
}

export const visitRemindersJob = defineJob({
  name: 'visit-reminders',
  cron: '15 * * * *',
  catchUp: 'latest',
  title: (t) => t('visit.job.reminders'),
  run: (deps, now) => `${runVisitReminders(deps, now)} visit reminders queued`,
})
