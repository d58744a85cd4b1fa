import { pruneJobRuns } from '../../db/queries/jobs.ts'
import { pruneOutbox } from '../../db/queries/outbox.ts'
import type { AppDeps } from '../deps.ts'
import { defineJob } from './runner.ts'

const DAY_MS = 86_400_000
/** Run history kept for the staff view; a job's newest run is always kept. */
export const KEEP_RUNS_DAYS = 30
/** Delivered and expired notices; failed ones are kept longer for someone to look into. */
export const KEEP_SENT_DAYS = 30
export const KEEP_FAILED_DAYS = 90

/** Deletes old job runs and finished notices so the tables stay small. */
export function runHousekeeping(deps: AppDeps, now: Date): string {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const runs = pruneJobRuns(deps.db, ago(KEEP_RUNS_DAYS))
  const messages = pruneOutbox(deps.db, ago(KEEP_SENT_DAYS), ago(KEEP_FAILED_DAYS))
  return `removed ${runs} job runs, ${messages} notifications`
}

export const housekeepingJob = defineJob({
  name: 'housekeeping',
  // 04:10 in China (UTC+8), after the backup.
  cron: '10 20 * * *',
  catchUp: 'latest',
  title: (t) => t('jobs.job.housekeeping'),
  run: (deps, now) => runHousekeeping(deps, now),
})
