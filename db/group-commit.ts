import type { Db } from './client.ts'

type Job = { work: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }

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
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject })
      if (this.queue.length === 1) setImmediate(() => this.flush())
    })
  }

  private flush() {
    const batch = this.queue
    this.queue = []
    const sqlite = this.db.$client
    const inSavepoint = sqlite.transaction((work: () => unknown) => work())
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
    try {
      sqlite
        .transaction(() => {
          for (const job of batch) {
            try {
              outcomes.push({ ok: true, value: inSavepoint(job.work) })
            } catch (error) {
              outcomes.push({ ok: false, error })
            }
          }
        })
        .immediate()
    } catch (error) {
      for (const job of batch) job.reject(error)
      return
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!
      if (o.ok) job.resolve(o.value)
      else job.reject(o.error)
    })
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
