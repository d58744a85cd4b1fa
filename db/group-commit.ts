import type { Db } from './client.ts'

type Job = {
  work: () => unknown
  batch?: Batch<unknown, unknown>
  item?: unknown
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
}

/**
 * Work of one kind that is cheaper done for many items at once (one multi-row statement instead
 * of one per item): `all` returns one result per item, in their order.
 */
export type Batch<I, T> = { all: (items: I[]) => T[] }

/**
 * Commits the writes of requests that arrive together in one durable transaction. Each commit
 * waits for the disk (synchronous=FULL), and walk-ins from a city's kiosks arrive together, so
 * sharing that wait is most of what a walk-in costs under load.
 *
 * Work queued in the same turn of the event loop runs in one immediate transaction, each piece in
 * its own savepoint: one that throws is undone alone and its caller gets the error. Every caller
 * hears of its outcome only after the shared commit; if the commit itself fails, all do.
 * Transactions opened inside the work (drizzle's `db.transaction`) become savepoints.
 */
export class GroupCommit {
  private queue: Job[] = []

  constructor(private readonly db: Db) {}

  run<T>(work: () => T): Promise<T> {
    return this.enqueue({ work })
  }

  /**
   * Queues `item` for `batch`: the items of one batch queued together run in one call of
   * `batch.all`, in its own savepoint. Should that throw, each item runs alone in a savepoint of
   * its own, so only the one at fault fails.
   */
  runBatched<I, T>(batch: Batch<I, T>, item: I): Promise<T> {
    return this.enqueue({
      work: () => batch.all([item])[0],
      batch: batch as Batch<unknown, unknown>,
      item,
    })
  }

  private enqueue<T>(job: Pick<Job, 'work' | 'batch' | 'item'>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...job, resolve: resolve as (v: unknown) => void, reject })
      if (this.queue.length === 1) setImmediate(() => this.flush())
    })
  }

  private flush() {
    const batch = this.queue
    this.queue = []
    const sqlite = this.db.$client
    const inSavepoint = sqlite.transaction((work: () => unknown) => work())
    const outcomes = new Map<Job, { ok: true; value: unknown } | { ok: false; error: unknown }>()
    const alone = (job: Job) => {
      try {
        outcomes.set(job, { ok: true, value: inSavepoint(job.work) })
      } catch (error) {
        outcomes.set(job, { ok: false, error })
      }
    }
    try {
      sqlite
        .transaction(() => {
          for (const job of batch) {
            if (outcomes.has(job)) continue
            if (!job.batch) {
              alone(job)
              continue
            }
            const together = batch.filter((j) => j.batch === job.batch)
            try {
              const values = inSavepoint(() => job.batch!.all(together.map((j) => j.item))) as unknown[]
              for (const [i, j] of together.entries()) outcomes.set(j, { ok: true, value: values[i] })
            } catch {
              for (const j of together) alone(j)
            }
          }
        })
        .immediate()
    } catch (error) {
      for (const job of batch) job.reject(error)
      return
    }
    for (const job of batch) {
      const o = outcomes.get(job)!
      if (o.ok) job.resolve(o.value)
      else job.reject(o.error)
    }
  }
}

const byDb = new WeakMap<Db, GroupCommit>()

/** The database's one group committer. */
export function groupCommit(db: Db): GroupCommit {
  let g = byDb.get(db)
  if (!g) {
    g = new GroupCommit(db)
    byDb.set(db, g)
  }
  return g
}
