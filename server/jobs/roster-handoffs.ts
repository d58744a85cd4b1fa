import { enqueue } from '../../db/queries/outbox.ts'
import {
  listSlotDefs,
  peopleNames,
  recipientOf,
  stationRoster,
  stationsWithRoster,
} from '../../db/queries/roster.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import type { PersonKey } from '../domain/roster/types.ts'
import { addDays, utcToZoned } from '../domain/zoned-time.ts'
import { defineJob } from './runner.ts'

/** Hand-offs are queued this long ahead, due at the start, so the sender delivers them on time. */
export const HANDOFF_LEAD_MS = 10 * 60_000
/** A hand-off notice later than this after the start is no use and expires. */
export const HANDOFF_USEFUL_MS = 30 * 60_000

/**
 * When a duty starts, tells the person taking over and the station (who takes over from whom,
 * or that nobody is there). Queues notices for slots starting within HANDOFF_LEAD_MS, and for
 * slots that started while the server was down if they are still useful; each is due at the
 * slot's start and expires HANDOFF_USEFUL_MS after it (or at its end). Returns how many it queued.
 */
export function runRosterHandoffs(deps: AppDeps, now: Date): number {
  const { db, config } = deps
  const { t, name } = makeI18n(config.defaultLocale)
  const at = now.getTime()
  let queued = 0
  for (const station of stationsWithRoster(db)) {
    const today = utcToZoned(now, station.timeZone).date
    const slots = stationRoster(db, station, addDays(today, -1), addDays(today, 1))
    const defs = listSlotDefs(db, station.id)
    const slotName = (code: string) => {
      const d = defs.findLast((x) => x.code === code)
      return d ? name(d) : code
    }
    const names = peopleNames(
      db,
      slots.flatMap((s) => (s.person ? [s.person] : [])),
    )
    const who = (p: PersonKey) => names.get(p)?.name ?? p
    slots.forEach((slot, i) => {
      const start = slot.startsAt.getTime()
      const expires = Math.min(start + HANDOFF_USEFUL_MS, slot.endsAt.getTime())
      if (start > at + HANDOFF_LEAD_MS || expires <= at) return
      const previous = slots[i - 1]?.date === slot.date ? slots[i - 1]!.person : null
      const station_ = name(station)
      const vars = { station: station_, slot: slotName(slot.code), start: slot.start, end: slot.end }
      const body =
        slot.gap || !slot.person
          ? t('roster.mail.handoffGap', vars)
          : previous && previous !== slot.person
            ? t('roster.mail.handoffFrom', { ...vars, name: who(slot.person), previous: who(previous) })
            : t('roster.mail.handoffBody', { ...vars, name: who(slot.person) })
      const recipients = [`station:${station.id}`]
      if (slot.person && !slot.gap) recipients.push(recipientOf(db, slot.person))
      for (const recipient of recipients) {
        const { created } = enqueue(
          db,
          {
            dedupeKey: `roster-handoff:${station.id}:${slot.key}:${slot.person ?? 'nobody'}:${recipient}`,
            recipient,
            kind: 'roster.handoff',
            subject: t('roster.mail.handoffSubject', vars),
            body,
            dueAt: slot.startsAt,
            expiresAt: new Date(expires),
          },
          now,
        )
        if (created) queued++
      }
    })
  }
  return queued
}

export const rosterHandoffsJob = defineJob({
  name: 'roster-handoffs',
  cron: '*/5 * * * *',
  catchUp: 'latest',
  title: (t) => t('roster.job.handoffs'),
  run: (deps, now) => `${runRosterHandoffs(deps, now)} hand-off notices queued`,
})
