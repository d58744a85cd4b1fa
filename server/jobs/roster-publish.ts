import {
  expireSwapsBefore,
  publishedThrough,
  publishRoster,
  publishTarget,
  publishWeeks,
  stationsWithRoster,
} from '../../db/queries/roster.ts'
import type { AppDeps } from '../deps.ts'
import { addDays, utcToZoned } from '../domain/zoned-time.ts'
import { defineJob } from './runner.ts'

/**
 * Keeps every published roster published `roster.publishWeeks` ahead as the days go by, and
 * marks swap requests whose day has passed as expired. A station that was never published is
 * left alone, so a clerk setting up a rotation is not overtaken by an empty publication.
 * Returns how many slots it fixed.
 */
export function runRosterPublish(deps: AppDeps, now: Date): number {
  const { db } = deps
  const weeks = publishWeeks(db)
  let fixed = 0
  for (const station of stationsWithRoster(db)) {
    if (publishedThrough(db, station.id) === null) continue
    const today = utcToZoned(now, station.timeZone).date
    fixed += publishRoster(db, station, publishTarget(today, weeks), null, now) ?? 0
    expireSwapsBefore(db, station.id, addDays(today, -1), now)
  }
  return fixed
}

export const rosterPublishJob = defineJob({
  name: 'roster-publish',
  // 00:20 in China (UTC+8), each day.
  cron: '20 16 * * *',
  catchUp: 'latest',
  title: (t) => t('roster.job.publish'),
  run: (deps, now) => `${runRosterPublish(deps, now)} slots published`,
})
