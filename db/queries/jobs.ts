import { and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { jobRuns } from '../schema.ts'

export type JobRun = typeof jobRuns.$inferSelect

/** Slots are stored as `Date.toISOString()`, so text order is time order. */
export const slotKey = (slot: Date) => slot.toISOString()

/** The newest slot this job has claimed (in any state), or null if it never ran here. */
export function latestClaimedSlot(db: Db, job: string): Date | null {
  const row = db
    .select({ slot: sql<string | null>`max(${jobRuns.slot})` })
    .from(jobRuns)
    .where(eq(jobRuns.job, job))
    .get()
  return row?.slot ? new Date(row.slot) : null
}

/**
 * Claims a slot by inserting its row; the unique (job, slot) index makes exactly one inserter
 * win across every connection. Returns the new row's id, or null when the slot was taken.
 */
export function claimSlot(db: Db, job: string, slot: Date, now: Date, leaseUntil: Date): number | null {
  const rows = db
    .insert(jobRuns)
    .values({ job, slot: slotKey(slot), status: 'running', attempts: 1, leaseUntil, startedAt: now })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id })
    .all()
  return rows[0]?.id ?? null
}

/**
 * Rows that may need another attempt: failed ones with attempts left, and running ones whose
 * lease has run out (their process died or hung).
 */
export function retryCandidates(db: Db, job: string, now: Date, maxAttempts: number): JobRun[] {
  return db
    .select()
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.job, job),
        or(
          and(eq(jobRuns.status, 'failed'), lt(jobRuns.attempts, maxAttempts)),
          and(eq(jobRuns.status, 'running'), lte(jobRuns.leaseUntil, now)),
        ),
      ),
    )
    .orderBy(jobRuns.slot)
    .limit(100)
    .all()
}

/**
 * Takes over a failed or abandoned run for one more attempt. The update only matches the row as
 * it was read (status, attempts, lease), so of two processes trying at once exactly one wins.
 */
export function takeOverRun(db: Db, seen: JobRun, now: Date, leaseUntil: Date): boolean {
  const res = db
    .update(jobRuns)
    .set({
      status: 'running',
      attempts: seen.attempts + 1,
      leaseUntil,
      startedAt: now,
      finishedAt: null,
    })
    .where(
      and(
        eq(jobRuns.id, seen.id),
        eq(jobRuns.status, seen.status),
        eq(jobRuns.attempts, seen.attempts),
        eq(jobRuns.leaseUntil, seen.leaseUntil),
      ),
    )
    .run()
  return res.changes === 1
}

/** Gives up on an abandoned run that has used all its attempts; same guard as takeOverRun. */
export function abandonRun(db: Db, seen: JobRun, now: Date, error: string): boolean {
  const res = db
    .update(jobRuns)
    .set({ status: 'failed', finishedAt: now, error })
    .where(
      and(
        eq(jobRuns.id, seen.id),
        eq(jobRuns.status, 'running'),
        eq(jobRuns.attempts, seen.attempts),
        eq(jobRuns.leaseUntil, seen.leaseUntil),
      ),
    )
    .run()
  return res.changes === 1
}

/** Extends the lease of a run this process still holds (same attempt number). */
export function renewLease(db: Db, id: number, attempt: number, leaseUntil: Date): boolean {
  const res = db
    .update(jobRuns)
    .set({ leaseUntil })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.attempts, attempt), eq(jobRuns.status, 'running')))
    .run()
  return res.changes === 1
}

/** Records the end of an attempt; false when another process took the run over meanwhile. */
export function finishRun(
  db: Db,
  id: number,
  attempt: number,
  now: Date,
  outcome: { status: 'done'; result: string | null } | { status: 'failed'; error: string },
): boolean {
  const res = db
    .update(jobRuns)
    .set(
      outcome.status === 'done'
        ? { status: 'done', finishedAt: now, result: outcome.result, error: null }
        : { status: 'failed', finishedAt: now, error: outcome.error },
    )
    .where(and(eq(jobRuns.id, id), eq(jobRuns.attempts, attempt), eq(jobRuns.status, 'running')))
    .run()
  return res.changes === 1
}

export function listRuns(db: Db, job: string, limit = 20): JobRun[] {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.slot)).limit(limit).all()
}

export type JobSummary = {
  last: JobRun | null
  lastFailure: JobRun | null
  /** Runs that ended failed and started since `since`. */
  failures: number
}

/** Last run, last failure and recent failure count of each named job, for the staff view. */
export function summarizeJobs(db: Db, jobs: readonly string[], since: Date): Map<string, JobSummary> {
  const out = new Map<string, JobSummary>()
  if (jobs.length === 0) return out
  const failures = db
    .select({ job: jobRuns.job, n: sql<number>`count(*)` })
    .from(jobRuns)
    .where(and(inArray(jobRuns.job, [...jobs]), eq(jobRuns.status, 'failed'), gte(jobRuns.startedAt, since)))
    .groupBy(jobRuns.job)
    .all()
  const failureCount = new Map(failures.map((f) => [f.job, Number(f.n)]))
  for (const job of jobs) {
    const last = db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.slot)).get()
    const lastFailure = db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), eq(jobRuns.status, 'failed')))
      .orderBy(desc(jobRuns.slot))
      .get()
    out.set(job, {
      last: last ?? null,
      lastFailure: lastFailure ?? null,
      failures: failureCount.get(job) ?? 0,
    })
  }
  return out
}

/**
 * Deletes finished runs that started before `before`, but never a job's newest row: that row is
 * how the runner knows which slots it has already handled.
 */
export function pruneJobRuns(db: Db, before: Date): number {
  const res = db
    .delete(jobRuns)
    .where(
      and(
        inArray(jobRuns.status, ['done', 'failed']),
        lt(jobRuns.startedAt, before),
        sql`job_runs.slot < (select max(r.slot) from job_runs r where r.job = job_runs.job)`,
      ),
    )
    .run()
  return res.changes
}
