import { eraseBookingPersonalData, liveBookingsOf, markNoShows } from '../../db/queries/bookings.ts'
import { followUpSettings } from '../../db/queries/followup.ts'
import { enqueue } from '../../db/queries/outbox.ts'
import { listSessions, takenSeats } from '../../db/queries/reception.ts'
import { listStations } from '../../db/queries/stations.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import { addDays, utcToZoned } from '../domain/zoned-time.ts'
import { deputyRecipient, syncAllSessions } from '../events/reception-commands.ts'
import { smsBookingReminder } from '../events/resident-sms.ts'
import { defineJob } from './runner.ts'

/** From this local hour on, the day before a reception, its reminder goes out. */
export const RECEPTION_REMINDER_HOUR = '09:00'

/**
 * Keeps every station's sessions generated for the rolling horizon: new dates come in, closures
 * and absences recorded since the last run cancel theirs. Plan edits sync at once; this catches
 * everything else (and is the catch-up at start-up).
 */
export const receptionSessionsJob = defineJob({
  name: 'reception-sessions',
  cron: '20 * * * *',
  catchUp: 'latest',
  title: (t) => t('booking.job.sessions'),
  run: (deps, now) => {
    const r = syncAllSessions(deps, now)
    return `${r.created} created, ${r.updated} changed, ${r.restored} restored, ${r.cancelled} cancelled`
  },
})

/** Bookings not checked in by the end of their slot become no-shows (on the booking only). */
export const receptionNoShowsJob = defineJob({
  name: 'reception-no-shows',
  cron: '*/5 * * * *',
  catchUp: 'latest',
  quiet: true,
  title: (t) => t('booking.job.noShows'),
  run: (deps, now) => `${markNoShows(deps.db, now)} no-shows`,
})

/**
 * The day before a reception (from RECEPTION_REMINDER_HOUR in the station's zone), reminds the
 * deputy and the station's clerks of it and of how many residents booked, and by SMS each
 * resident who booked with a mobile number and agreed to SMS (issue 16). The dedupe key carries the session's sequence, so a moved
 * session is reminded again; a reminder not sent before the session starts expires.
 */
export function runReceptionReminders(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  const { t, name } = makeI18n(config.defaultLocale)
  let queued = 0
  for (const station of listStations(db)) {
    const local = utcToZoned(now, station.timeZone)
    if (local.time < RECEPTION_REMINDER_HOUR) continue
    const tomorrow = addDays(local.date, 1)
    const sessions = listSessions(db, {
      stationId: station.id,
      from: tomorrow,
      to: tomorrow,
      scheduledOnly: true,
    })
    const taken = takenSeats(
      db,
      sessions.map((s) => s.id),
    )
    for (const s of sessions) {
      if (s.startsAt.getTime() <= now.getTime()) continue
      let booked = 0
      for (const [k, n] of taken) if (k.startsWith(`${s.id}:`)) booked += n
      const vars = {
        station: name(station),
        deputy: s.deputyName,
        date: s.date,
        start: s.startTime,
        end: s.endTime,
        place: s.place || name(station),
        n: booked,
      }
      const recipients = [deputyRecipient(db, s.deputyId), `station:${station.id}`]
      for (const recipient of recipients) {
        const { created } = enqueue(
          db,
          {
            dedupeKey: `reception-reminder:${s.id}:${s.sequence}:${recipient}`,
            recipient,
            kind: 'reception.reminder',
            subject: t('booking.mail.reminderSubject', vars),
            body: t('booking.mail.reminderBody', vars),
            dueAt: now,
            expiresAt: s.startsAt,
          },
          now,
        )
        if (created) queued++
      }
      for (const b of liveBookingsOf(db, s.id))
        if (smsBookingReminder(db, b, station.timeZone, now)?.created) queued++
    }
  }
  return queued
}

export const receptionRemindersJob = defineJob({
  name: 'reception-reminders',
  cron: '10 * * * *',
  catchUp: 'latest',
  title: (t) => t('booking.job.reminders'),
  run: (deps, now) => `${runReceptionReminders(deps, now)} reminders queued`,
})

/**
 * Clears residents' names and phones from bookings once their slot is over by the retention the
 * concern follow-up uses (eraseAfterDays): one setting for all personal data (DESIGN §4.8).
 */
export function runBookingErasure(deps: Pick<AppDeps, 'db'>, now: Date): number {
  const { eraseAfterDays } = followUpSettings(deps.db)
  return eraseBookingPersonalData(deps.db, new Date(now.getTime() - eraseAfterDays * 86_400_000), now)
}

export const bookingErasureJob = defineJob({
  name: 'reception-erasure',
  cron: '45 3 * * *',
  catchUp: 'latest',
  title: (t) => t('booking.job.erasure'),
  run: (deps, now) => `${runBookingErasure(deps, now)} bookings cleared of personal data`,
})
