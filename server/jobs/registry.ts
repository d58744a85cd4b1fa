import { backupJob } from './backup.ts'
import { concernDeadlinesJob, concernErasureJob } from './concern-follow-up.ts'
import { coverageNudgesJob } from './coverage-nudges.ts'
import { housekeepingJob } from './housekeeping.ts'
import { outboxSenderJob } from './outbox-sender.ts'
import { queueEndOfDayJob } from './queue-end-of-day.ts'
import {
  bookingErasureJob,
  receptionNoShowsJob,
  receptionRemindersJob,
  receptionSessionsJob,
} from './reception.ts'
import { rosterGapReportJob } from './roster-gap-report.ts'
import { rosterHandoffsJob } from './roster-handoffs.ts'
import { rosterPublishJob } from './roster-publish.ts'
import { rosterRemindersJob } from './roster-reminders.ts'
import type { Job } from './runner.ts'
import { suggestionDeadlinesJob } from './suggestion-deadlines.ts'
import { visitRemindersJob } from './visit-reminders.ts'
import { weeklyScheduleSmsJob } from './weekly-schedule-sms.ts'

/**
 * Every scheduled job of the app. To add one, declare it next to its feature with
 * `defineJob({ name, cron, catchUp, run })` and list it here; main.ts starts them all and the
 * staff view at /staff/jobs shows them.
 */
export const JOBS: readonly Job[] = [
  outboxSenderJob,
  backupJob,
  housekeepingJob,
  queueEndOfDayJob,
  rosterPublishJob,
  rosterRemindersJob,
  rosterHandoffsJob,
  rosterGapReportJob,
  receptionSessionsJob,
  receptionNoShowsJob,
  receptionRemindersJob,
  visitRemindersJob,
  bookingErasureJob,
  concernDeadlinesJob,
  concernErasureJob,
  suggestionDeadlinesJob,
  coverageNudgesJob,
  weeklyScheduleSmsJob,
]
