import {
  abandonRun,
  claimSlot,
  finishRun,
  type JobRun,
  latestClaimedSlot,
  renewLease,
  retryCandidates,
  slotKey,
  takeOverRun,
} from '../../db/queries/jobs.ts'
import type { T } from '../../views/i18n/index.ts'
import type { AppDeps } from '../deps.ts'
import { type CronPlan, latestSlotAtOrBefore, parseCron, slotsBetween } from './cron.ts'

/**
 * What to do with slots that passed while nobody was running: 'latest' runs only the newest
 * missed slot (a sender, a backup), 'each' runs every missed slot, oldest first, up to
 * `maxCatchUp` of the most recent ones (a job whose work belongs to a particular day).
 */
export type CatchUpPolicy = 'latest' | 'each'

export type JobSpec = {
  /** Stable identifier, stored in job_runs.job; renaming it forgets the job's history. */
  name: string
  /** When the job is planned, read in UTC (see cron.ts for the supported subset). */
  cron: string
  catchUp: CatchUpPolicy
  /** For 'each': at most this many missed slots are run; older ones are skipped and logged. */
  maxCatchUp?: number
  /** Attempts per slot, the first included. */
  maxAttempts?: number
  /** Wait before the second attempt; doubles for every further one. */
  retryDelayMs?: number
  /** How long a run may go without renewing its lease before another process takes it over. */
  leaseMs?: number
  /** Log successful runs at debug level only (a job that runs every minute). */
  quiet?: boolean
  /** Label for the staff view, e.g. `(t) => t('jobs.job.backup')`. */
  title?: (t: T) => string
  /**
   * The work. `now` is the clock's time when the attempt starts; `slot` is the planned instant
   * this run stands for (use it when the work belongs to a day, e.g. "end of 2026-11-24").
   * A returned (or resolved) string is kept as the run's result. Throwing marks the attempt failed.
   */
  run: (deps: AppDeps, now: Date, slot: Date) => unknown
}

export type Job = Required<Omit<JobSpec, 'title'>> & Pick<JobSpec, 'title'> & { plan: CronPlan }

const DEFAULTS = { maxCatchUp: 24, maxAttempts: 3, retryDelayMs: 60_000, leaseMs: 10 * 60_000, quiet: false }

/** Declares a job; a bad cron expression throws here, at start-up, not at 3 a.m. */
export function defineJob(spec: JobSpec): Job {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(spec.name)) throw new Error(`job name "${spec.name}" must be kebab-case`)
  return { ...DEFAULTS, ...spec, plan: parseCron(spec.cron) }
}

export type RunOutcome = {
  job: string
  slot: Date
  attempt: number
  status: 'done' | 'failed' | 'lost'
  result?: string | null
  error?: string
}

/** Delay before retrying a run that has failed `attempts` times. */
export const retryDelay = (job: Job, attempts: number) => job.retryDelayMs * 2 ** Math.max(0, attempts - 1)

/**
 * Which new slots a job should claim now, given the newest slot it has claimed before. A job
 * that never ran here starts with its latest planned slot only, never its whole history.
 */
export function dueSlots(job: Job, lastClaimed: Date | null, now: Date): { slots: Date[]; dropped: number } {
  const latest = latestSlotAtOrBefore(job.plan, now)
  if (!latest) return { slots: [], dropped: 0 }
  if (!lastClaimed) return { slots: [latest], dropped: 0 }
  if (latest.getTime() <= lastClaimed.getTime()) return { slots: [], dropped: 0 }
  if (job.catchUp === 'latest') return { slots: [latest], dropped: 0 }
  return slotsBetween(job.plan, lastClaimed, now, job.maxCatchUp)
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 1000)

/**
 * One pass of a job: retries what is due for a retry, then claims and runs every slot that is
 * due by the clock. Catch-up after downtime is simply this pass at start-up. Safe to call from
 * several processes on one database: a slot runs only for whoever claimed it.
 */
export async function runJob(deps: AppDeps, job: Job): Promise<RunOutcome[]> {
  const { db, clock, logger } = deps
  const now = clock.now()
  const outcomes: RunOutcome[] = []
  const newest = latestClaimedSlot(db, job.name)
  const { slots, dropped } = dueSlots(job, newest, now)
  if (dropped > 0)
    logger.warn({ job: job.name, dropped, kept: slots.length }, 'job missed more slots than it catches up')

  for (const seen of retryCandidates(db, job.name, now, job.maxAttempts)) {
    // Under 'latest', a newer slot does the work of an older one, so only the newest is retried.
    const superseded = slots.length > 0 || seen.slot !== (newest && slotKey(newest))
    if (job.catchUp === 'latest' && superseded) {
      if (seen.status === 'running') abandonRun(db, seen, now, 'lease expired; a newer run replaces this one')
      continue
    }
    const attempt = await retry(deps, job, seen)
    if (attempt) outcomes.push(attempt)
  }

  for (const slot of slots) {
    const started = clock.now()
    const id = claimSlot(db, job.name, slot, started, new Date(started.getTime() + job.leaseMs))
    if (id === null) continue
    outcomes.push(await execute(deps, job, id, slot, 1))
  }
  return outcomes
}

async function retry(deps: AppDeps, job: Job, seen: JobRun): Promise<RunOutcome | null> {
  const now = deps.clock.now()
  const slot = new Date(seen.slot)
  if (seen.status === 'failed') {
    if (seen.attempts >= job.maxAttempts) return null
    const readyAt = (seen.finishedAt ?? seen.startedAt).getTime() + retryDelay(job, seen.attempts)
    if (readyAt > now.getTime()) return null
  } else if (seen.attempts >= job.maxAttempts) {
    // A run whose lease ran out crashed or hung; that counts as its last attempt.
    if (abandonRun(deps.db, seen, now, 'lease expired without the run finishing'))
      deps.logger.error({ job: job.name, slot: seen.slot }, 'job run abandoned after its last attempt')
    return null
  }
  if (!takeOverRun(deps.db, seen, now, new Date(now.getTime() + job.leaseMs))) return null
  deps.logger.info({ job: job.name, slot: seen.slot, attempt: seen.attempts + 1 }, 'retrying job run')
  return execute(deps, job, seen.id, slot, seen.attempts + 1)
}

async function execute(
  deps: AppDeps,
  job: Job,
  id: number,
  slot: Date,
  attempt: number,
): Promise<RunOutcome> {
  const { db, clock, logger } = deps
  const log = logger.child({ job: job.name, slot: slotKey(slot), attempt })
  const renew = setInterval(
    () => {
      try {
        renewLease(db, id, attempt, new Date(clock.now().getTime() + job.leaseMs))
      } catch (e) {
        log.warn({ err: errorText(e) }, 'could not renew job lease')
      }
    },
    Math.max(1000, Math.floor(job.leaseMs / 3)),
  )
  renew.unref()
  let outcome: RunOutcome
  try {
    const result = await job.run(deps, clock.now(), slot)
    const text = typeof result === 'string' ? result.slice(0, 500) : null
    const kept = finishRun(db, id, attempt, clock.now(), { status: 'done', result: text })
    outcome = { job: job.name, slot, attempt, status: kept ? 'done' : 'lost', result: text }
    if (kept) log[job.quiet ? 'debug' : 'info']({ result: text }, 'job run done')
  } catch (e) {
    const error = errorText(e)
    const kept = finishRun(db, id, attempt, clock.now(), { status: 'failed', error })
    outcome = { job: job.name, slot, attempt, status: kept ? 'failed' : 'lost', error }
    log.error({ err: error, willRetry: attempt < job.maxAttempts }, 'job run failed')
  } finally {
    clearInterval(renew)
  }
  if (outcome.status === 'lost') log.warn('job run was taken over by another process before it finished')
  return outcome
}

/** Runs one pass of every job, one job after another; the start-up catch-up. */
export async function catchUp(deps: AppDeps, jobs: readonly Job[]): Promise<RunOutcome[]> {
  const all: RunOutcome[] = []
  for (const job of jobs) {
    try {
      all.push(...(await runJob(deps, job)))
    } catch (e) {
      deps.logger.error({ job: job.name, err: errorText(e) }, 'job pass failed')
    }
  }
  return all
}
