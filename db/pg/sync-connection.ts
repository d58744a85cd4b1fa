import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { PROJECT_ROOT } from '../../server/project-root.ts'

/** How long one statement may take before the process gives up on the connection. */
const ANSWER_WAIT_MS = 60_000

export type PgError = { message: string; code?: string; detail?: string; constraint?: string; table?: string }
type Answer =
  | { ok: true; rows?: unknown[][]; fields?: string[]; rowCount?: number }
  | { ok: false; error: PgError; unsent?: boolean }

/** A PostgreSQL error as the facade raises it: the message, with PostgreSQL's SQLSTATE as `code`. */
export class PgStatementError extends Error {
  readonly code: string | undefined
  readonly constraint: string | undefined
  readonly table: string | undefined
  readonly detail: string | undefined
  constructor(error: PgError, sql?: string) {
    super(sql ? `${error.message} (in: ${sql.slice(0, 300)})` : error.message)
    this.code = error.code
    this.constraint = error.constraint
    this.table = error.table
    this.detail = error.detail
  }
}

export type DeferredStatement = { schema: string; sql: string; params?: unknown[] }

/** `liaison_data`: a versioned table changed (the data-version triggers); `liaison_queue`: a queue change to pass to boards and consoles of every process. */
export const PG_CHANNELS = ['liaison_data', 'liaison_queue'] as const

/** Emitted on `notifications` when the LISTEN connection is back after a loss (pg-worker.mjs). */
export const PG_RECONNECTED = 'reconnected'

/** SQLSTATE classes that mean the connection, not the statement, failed. */
const LOST = /^(08|57P)/
const lostMessage = /Connection terminated|ECONNRESET|ECONNREFUSED|not queryable|timeout expired/i

/**
 * One PostgreSQL connection driven synchronously: the request goes to a worker thread, and this
 * thread waits on a shared flag until the answer is there (decision 0043). Each process has one
 * per database URL; every facade on that URL shares it, as statements never interleave (the main
 * thread waits for each).
 */
export class PgSyncConnection {
  readonly notifications = new EventEmitter()
  /** Open facades on this connection. */
  users = 0
  /**
   * Rows written through this connection (SQLite's total_changes() for data-versions.ts). Its own
   * commits do not move changeCount: this already has.
   */
  totalChanges = 0
  private readonly shared = new SharedArrayBuffer(16)
  private readonly flag = new Int32Array(this.shared)
  private worker: Worker | undefined
  private port: MessagePort | undefined
  private startedBefore = false
  private requests = 0
  /** A transaction has begun on the current connection and not yet ended. */
  private transactionOpen = false
  /** The connection went away inside a transaction that the caller has not yet ended. */
  private transactionLost = false

  constructor(readonly url: string) {
    this.notifications.setMaxListeners(0)
  }

  /** Bumped by every data change another connection commits (NOTIFY liaison_data). */
  changeCount(): number {
    // A lost LISTEN connection: treat every read as after a change.
    if (Atomics.load(this.flag, 2) === 1) return Math.random()
    return Atomics.load(this.flag, 1)
  }

  private start() {
    const { port1, port2 } = new MessageChannel()
    const worker = new Worker(join(PROJECT_ROOT, 'db', 'pg', 'pg-worker.mjs'), {
      workerData: { url: this.url, shared: this.shared, replyPort: port2 },
      transferList: [port2],
      execArgv: [],
    })
    worker.unref()
    worker.on('message', (m: { channel: string; payload: string }) =>
      this.notifications.emit(m.channel, m.payload),
    )
    worker.on('error', () => this.reset())
    this.worker = worker
    this.port = port1
    this.send({ op: 'connect' })
    this.send({ op: 'listen', channels: PG_CHANNELS })
    // A new connection after a lost one: notifications of the gap are gone.
    if (this.startedBefore) setImmediate(() => this.notifications.emit(PG_RECONNECTED))
    this.startedBefore = true
  }

  private reset() {
    this.deferred = []
    const w = this.worker
    this.worker = undefined
    this.port?.close()
    this.port = undefined
    void w?.terminate()
    if (this.transactionOpen) this.transactionLost = true
    this.transactionOpen = false
    Atomics.store(this.flag, 2, 0)
    // Whatever was cached may be stale after a gap in notifications.
    Atomics.add(this.flag, 1, 1)
  }

  /** Statements without an answer worth waiting for, sent ahead of the next request. */
  private deferred: DeferredStatement[] = []

  /**
   * Queues a statement whose only possible answer is an error (begin, savepoint, release, a
   * notification inside a transaction): it travels with the next request, which fails with its
   * error, saving a round trip through the worker. Order is kept, and every request carries what
   * was queued before it.
   */
  defer(schema: string, sql: string, params?: unknown[]): DeferredStatement {
    const statement = params ? { schema, sql, params } : { schema, sql }
    this.deferred.push(statement)
    return statement
  }

  /** Whether a deferred statement is still waiting for the next request (its params may change). */
  stillDeferred(statement: DeferredStatement): boolean {
    return this.deferred.includes(statement)
  }

  /** Forgets the queued statements (a rollback makes them moot). */
  discardDeferred() {
    this.deferred = []
  }

  /**
   * Sends one request and waits for its answer. A request the lost connection never sent goes
   * once more on a new connection, unless a transaction was open on the old one: PostgreSQL
   * rolled that back, so the rest of it fails (the commit too) rather than run outside it.
   */
  send(req: Record<string, unknown>): Answer & { ok: true } {
    if (this.deferred.length && req.op !== 'connect' && req.op !== 'listen') {
      req = { ...req, before: this.deferred }
      this.deferred = []
    }
    const boundary = transactionBoundary(req)
    if (this.transactionLost) {
      if (boundary === 'end') {
        this.transactionLost = false
        if (req.sql === 'rollback') return { ok: true }
      }
      if (boundary !== 'begin') throw new PgStatementError(TRANSACTION_LOST)
      this.transactionLost = false
    }
    try {
      return this.answer(req, boundary)
    } finally {
      // A commit or rollback ends the caller's transaction, whether or not it reached PostgreSQL.
      if (boundary === 'end') {
        this.transactionOpen = false
        this.transactionLost = false
      }
    }
  }

  private answer(req: Record<string, unknown>, boundary: 'begin' | 'end' | undefined) {
    const inTransaction = this.transactionOpen
    let message = this.exchange(req)
    if (!message.ok && message.unsent && !inTransaction) {
      this.reset()
      message = this.exchange(req)
    }
    if (!message.ok) {
      if (LOST.test(message.error.code ?? '') || lostMessage.test(message.error.message)) this.reset()
      throw new PgStatementError(message.error, typeof req.sql === 'string' ? req.sql : undefined)
    }
    if (boundary === 'begin') this.transactionOpen = true
    return message
  }

  private exchange(req: Record<string, unknown>): Answer {
    if (!this.worker && req.op !== 'connect' && req.op !== 'listen') this.start()
    const id = ++this.requests
    Atomics.store(this.flag, 0, 0)
    this.worker!.postMessage({ ...req, id })
    const deadline = performance.now() + ANSWER_WAIT_MS
    // An answer without this id (one a replaced worker sent late) is dropped, and the wait goes on.
    const ours = () => {
      for (;;) {
        const m = receiveMessageOnPort(this.port!)?.message as (Answer & { id?: number }) | undefined
        if (!m || m.id === id) return m
      }
    }
    for (;;) {
      const early = ours()
      if (early) return early
      const left = deadline - performance.now()
      if (left <= 0) break
      Atomics.wait(this.flag, 0, 0, left)
      const message = ours()
      if (message) return message
      Atomics.store(this.flag, 0, 0)
    }
    this.reset()
    throw new PgStatementError({ message: 'PostgreSQL did not answer in time', code: '08006' })
  }

  close() {
    if (!this.worker) return
    try {
      this.send({ op: 'close' })
    } finally {
      this.reset()
    }
  }
}

const TRANSACTION_LOST: PgError = {
  message: 'the connection to PostgreSQL was lost inside this transaction; PostgreSQL rolled it back',
  code: '08006',
}

/**
 * Whether a request begins or ends a transaction: the facade's and the migrations' own statements,
 * a begin possibly deferred ahead of the transaction's first statement.
 */
function transactionBoundary(req: Record<string, unknown>): 'begin' | 'end' | undefined {
  const begins = (sql: unknown) => typeof sql === 'string' && /^\s*begin\b/i.test(sql)
  if (req.op === 'exec' && typeof req.sql === 'string' && /^\s*(commit|rollback|end)\s*;?\s*$/i.test(req.sql))
    return 'end'
  const before = (req.before ?? []) as { sql: string }[]
  if ((req.op === 'exec' && begins(req.sql)) || before.some((b) => begins(b.sql))) return 'begin'
  return undefined
}

const byUrl = new Map<string, PgSyncConnection>()

/** The process's connection to `url`, opened at its first statement. */
export function pgConnection(url: string): PgSyncConnection {
  let c = byUrl.get(url)
  if (!c) {
    c = new PgSyncConnection(url)
    byUrl.set(url, c)
  }
  return c
}
