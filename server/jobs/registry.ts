import { backupJob } from './backup.ts'
import { housekeepingJob } from './housekeeping.ts'
import { outboxSenderJob } from './outbox-sender.ts'
import type { Job } from './runner.ts'

/**
 * Every scheduled job of the app. To add one, declare it next to its feature with
 * `defineJob({ name, cron, catchUp, run })` and list it here; main.ts starts them all and the
 * staff view at /staff/jobs shows them.
 */
export const JOBS: readonly Job[] = [outboxSenderJob, backupJob, housekeepingJob]
