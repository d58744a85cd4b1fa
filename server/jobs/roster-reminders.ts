import { listSlotDefs, recipientOf, stationRoster, stationsWithRoster } from '../../db/queries/roster.ts'
import { enqueueByChoice } from '../../db/queries/sms-recipients.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import { addDays, utcToZoned } from '../domain/zoned-time.ts'
import { defineJob } from './runner.ts'

/** From this local hour on, the day before a duty, its reminder goes out. */
export const REMINDER_HOUR = '09:00'

/**
 * Reminds everyone on duty tomorrow (in each station's own zone), once the station's clock has
 * reached REMINDER_HOUR today. Safe to run as often as wanted: the dedupe key names the slot and
 * the person, so a reminder goes once, and someone newly put on the slot gets their own. A
 * reminder not sent by the time the duty starts expires. Returns how many it queued.
 */
export function runRosterReminders(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  const { t, name } = makeI18n(config.defaultLocale)
  let queued = 0
  for (const station of stationsWithRoster(db)) {
    const local = utcToZoned(now, station.timeZone)
    if (local.time < REMINDER_HOUR) continue
    const tomorrow = addDays(local.date, 1)
    const defs = listSlotDefs(db, station.id)
    const slotName = (code: string) => {
      const d = defs.findLast((x) => x.code === code)
      return d ? name(d) : code
    }
    for (const slot of stationRoster(db, station, tomorrow, tomorrow)) {
      if (!slot.person || slot.absent || slot.startsAt.getTime() <= now.getTime()) continue
      const dedupeKey = `roster-reminder:${station.id}:${slot.key}:${slot.person}`
      const recipient = recipientOf(db, slot.person)
      // Someone who chose SMS gets it there instead of on the webhook (issue 16).
      const created = enqueueByChoice(
        db,
        {
          dedupeKey,
          recipient,
          kind: 'roster.reminder',
          subject: t('roster.mail.reminderSubject', { station: name(station) }),
          body: t('roster.mail.reminderBody', {
            date: slot.date,
            slot: slotName(slot.code),
            start: slot.start,
            end: slot.end,
            station: name(station),
          }),
          dueAt: now,
          expiresAt: slot.startsAt,
        },
        {
          kind: 'roster.reminder',
          params: { date: slot.date, time: `${slot.start}–${slot.end}`, station: name(station) },
        },
        now,
      )
      if (created) queued++
    }
  }
  return queued
}

export const rosterRemindersJob = defineJob({
  name: 'roster-reminders',
  cron: '5 * * * *',
  catchUp: 'latest',
  title: (t) => t('roster.job.reminders'),
  run: (deps, now) => `${runRosterReminders(deps, now)} reminders queued`,
})
