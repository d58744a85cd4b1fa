import cron, { type ScheduledTask } from 'node-cron'
import type { AppDeps } from '../deps.ts'
import type { Logger } from '../logger.ts'
import { type Job, type RunOutcome, runJob } from './runner.ts'

export type Scheduler = {
  /** Settles when the start-up catch-up pass of every job has finished. */
  caughtUp: Promise<RunOutcome[]>
  /** Stops the doorbells and waits for passes in progress; call before closing the database. */
  stop: () => Promise<void>
}

/** Every minute all jobs are looked at again, so retries and lease take-overs need no tick of their own. */
const SWEEP_CRON = '* * * * *'

const cronLogger = (log: Logger) => ({
  info: (m: string) => log.debug({ source: 'node-cron' }, m),
  warn: (m: string) => log.warn({ source: 'node-cron' }, m),
  error: (m: string | Error, err?: Error) =>
    log.error(
      { source: 'node-cron', err: err?.message ?? (m instanceof Error ? m.message : undefined) },
      String(m),
    ),
  debug: (m: string | Error) => log.debug({ source: 'node-cron' }, String(m)),
})

/**
 * Starts the jobs: a catch-up pass now (slots missed while the server was down), then node-cron
 * as a doorbell in UTC for each job's own cron and a one-minute sweep. The doorbell carries no
 * state: every pass asks the database what is due by the clock, so a missed tick costs nothing.
 */
export function startScheduler(deps: AppDeps, jobs: readonly Job[]): Scheduler {
  const log = deps.logger.child({ component: 'scheduler' })
  const names = new Set<string>()
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`two jobs are named "${job.name}"`)
    names.add(job.name)
  }

  let stopped = false
  const inFlight = new Map<string, Promise<RunOutcome[]>>()
  const again = new Set<string>()

  /** One pass at a time per job in this process; a bell during a pass asks for one more pass. */
  const ring = (job: Job): Promise<RunOutcome[]> => {
    if (stopped) return Promise.resolve([])
    const current = inFlight.get(job.name)
    if (current) {
      again.add(job.name)
      return current
    }
    const loop = (async () => {
      const outcomes: RunOutcome[] = []
      do {
        again.delete(job.name)
        try {
          outcomes.push(...(await runJob(deps, job)))
        } catch (e) {
          log.error({ job: job.name, err: e instanceof Error ? e.message : String(e) }, 'job pass failed')
        }
      } while (again.has(job.name) && !stopped)
      return outcomes
    })().finally(() => inFlight.delete(job.name))
    inFlight.set(job.name, loop)
    return loop
  }

  const options = (name: string) => ({
    name: `liaison:${name}`,
    timezone: 'UTC',
    noOverlap: true,
    logger: cronLogger(log),
  })
  const watch = (task: ScheduledTask, name: string, onMissed: () => void) => {
    task.on('execution:failed', (ctx) => {
      log.error(
        { job: name, at: ctx.date.toISOString(), err: ctx.execution?.error?.message },
        'cron execution failed',
      )
    })
    task.on('execution:missed', (ctx) => {
      log.warn({ job: name, at: ctx.date.toISOString() }, 'cron tick missed; catching up')
      onMissed()
    })
  }

  const caughtUp = Promise.all(jobs.map(ring)).then((all) => all.flat())
  const tasks: ScheduledTask[] = []
  for (const job of jobs) {
    const task = cron.schedule(job.cron, () => ring(job), options(job.name))
    watch(task, job.name, () => void ring(job))
    tasks.push(task)
  }
  const sweepAll = () => Promise.all(jobs.map(ring))
  const sweep = cron.schedule(SWEEP_CRON, sweepAll, options('sweep'))
  watch(sweep, 'sweep', () => void sweepAll())
  tasks.push(sweep)
  log.info({ jobs: jobs.map((j) => `${j.name} (${j.cron} UTC)`) }, 'scheduler started')

  return {
    caughtUp,
    stop: async () => {
      if (stopped) return
      stopped = true
      await Promise.all(tasks.map((t) => t.destroy()))
      await Promise.allSettled([...inFlight.values()])
      log.info('scheduler stopped')
    },
  }
}
