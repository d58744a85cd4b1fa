import { relativeDay } from './relative-day.ts'

/** How far ahead the kiosk start screen and the room board look for visits, and how many they show. */
export const VISIT_NOTICE_DAYS = 14
export const VISIT_NOTICE_MAX = 3

type NoticeVisit = { startsAt: Date; endsAt: Date; status: 'planned' | 'held' | 'cancelled' }

/**
 * The visits a kiosk or board shows now: planned ones not yet over, and cancelled ones that were
 * due today or tomorrow (whoever meant to go should learn it there), the soonest first, at most
 * `max`. Held visits are past news.
 */
export function visitsToShow<V extends NoticeVisit>(
  visits: readonly V[],
  now: Date,
  timeZone: string,
  max = VISIT_NOTICE_MAX,
): V[] {
  return visits
    .filter((v) => v.endsAt.getTime() > now.getTime())
    .filter((v) => {
      if (v.status === 'planned') return true
      if (v.status !== 'cancelled') return false
      const day = relativeDay(v.startsAt, now, timeZone).kind
      return day === 'today' || day === 'tomorrow'
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, max)
}
