// The PostgreSQL side of the synchronous facade (decision 0043): a worker thread that owns one
// query connection and one LISTEN connection. The main thread posts a request and waits on the
// shared flag; this thread answers on the reply port, then raises the flag. Plain JavaScript so it
// loads the same under tsx, vitest and the bundled server.
import { parentPort, workerData } from 'node:worker_threads'
import pg from 'pg'

const { url, shared, replyPort } = workerData
const flag = new Int32Array(shared)
// flag[0]: 0 while a request runs, 1 when its answer is on the reply port.
// flag[1]: bumped on every data-change notification from another connection.

pg.types.setTypeParser(20, (v) => Number(v)) // bigint: ids, epoch ms (all below 2^53)
pg.types.setTypeParser(1700, (v) => Number(v)) // numeric: sum() and avg() of integers
pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0)) // boolean: SQLite answers comparisons with 0/1

const client = new pg.Client({ connectionString: url, application_name: 'liaison' })
let listener
let searchPath = null
const prepared = new Map()
let names = 0
let broken = null

// The LISTEN connection. While it is down every cache re-reads (flag[2]); it is reopened on its
// own, without waiting for the process's next statement, and then the main thread is told that
// notifications may have been missed.
const RELISTEN_MS = 1000
let channels = []
let relistenTimer
let closing = false

async function openListener() {
  const l = new pg.Client({ connectionString: url, application_name: 'liaison-listen' })
  l.on('error', () => listenerLost(l))
  try {
    await l.connect()
    l.on('notification', (n) => {
      // This connection's own data changes are counted as it makes them (totalChanges).
      if (n.channel === 'liaison_data') {
        if (n.processId !== client.processID) Atomics.add(flag, 1, 1)
      } else parentPort.postMessage({ channel: n.channel, payload: n.payload })
    })
    for (const channel of channels) await l.query(`listen "${channel}"`)
  } catch (e) {
    l.end().catch(() => {})
    throw e
  }
  listener = l
}

function listenerLost(l) {
  Atomics.store(flag, 2, 1)
  if (listener === l) listener = undefined
  l.end().catch(() => {})
  relistenLater()
}

function relistenLater() {
  if (closing || relistenTimer) return
  relistenTimer = setTimeout(async () => {
    relistenTimer = undefined
    try {
      await openListener()
    } catch {
      relistenLater()
      return
    }
    Atomics.store(flag, 2, 0)
    Atomics.add(flag, 1, 1)
    parentPort.postMessage({ channel: 'reconnected' })
  }, RELISTEN_MS)
}

function answer(message) {
  replyPort.postMessage(message)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

function failure(e) {
  return {
    ok: false,
    error: {
      message: e?.message ?? String(e),
      code: e?.code,
      detail: e?.detail,
      constraint: e?.constraint,
      table: e?.table,
    },
  }
}

async function useSchema(schema) {
  if (schema === searchPath) return
  await client.query(`set search_path to "${schema.replaceAll('"', '""')}"`)
  searchPath = schema
}

async function handle(req) {
  // Lost before this request went out: the caller may safely send it again on a new connection.
  if (broken) return { ...failure(broken), unsent: true }
  let own = req
  let last
  if (req.before) {
    const groups = simpleQueries(req)
    // The request's own statement went along with the last of them.
    if (groups.joinsRequest) own = { op: 'done' }
    try {
      for (const g of groups) {
        await useSchema(g.schema)
        last = await client.query({ text: g.sql, rowMode: 'array' })
      }
    } catch (e) {
      // A commit or rollback behind a failed statement still ends the transaction.
      if (endsTransaction(req)) await rollBack()
      if (req.sql === 'rollback') return { ok: true }
      throw e
    }
  }
  switch (own.op) {
    case 'done':
      if (req.sql === 'rollback') searchPath = null
      return withRead(req, last)
    case 'connect':
      await client.connect()
      client.on('error', (e) => {
        broken = e
      })
      return { ok: true }
    case 'listen':
      channels = req.channels
      await openListener()
      return { ok: true }
    case 'exec': {
      await useSchema(req.schema)
      try {
        const result = await client.query({ text: execText(req), rowMode: 'array' })
        if (req.sql === 'rollback') searchPath = null
        return withRead(req, result)
      } catch (e) {
        if (endsTransaction(req)) await rollBack()
        throw e
      }
    }
    case 'query': {
      await useSchema(req.schema)
      const key = `${req.schema}\u0000${req.sql}`
      let name = prepared.get(key)
      if (!name) {
        name = `l${names++}`
        prepared.set(key, name)
      }
      const r = await client.query({ name, text: req.sql, values: req.params, rowMode: 'array' })
      return { ok: true, rows: r.rows, fields: r.fields.map((f) => f.name), rowCount: r.rowCount ?? 0 }
    }
    case 'fresh':
      return { ok: true, schema: await takeFreshSchema(req) }
    case 'close':
      closing = true
      clearTimeout(relistenTimer)
      await client.end().catch(() => {})
      await listener?.end().catch(() => {})
      return { ok: true }
    default:
      return failure(new Error(`unknown request ${req.op}`))
  }
}

/**
 * The deferred statements ahead of a request (begin, the write lock, savepoints, a notification)
 * as few simple queries as they can be: consecutive ones on the same schema are joined, their
 * parameters written in as literals, so they cost one round trip to PostgreSQL instead of one
 * each. A commit or rollback (an exec) joins the last of them: `joinsRequest`.
 */
function simpleQueries(req) {
  const groups = []
  const add = (schema, sql) => {
    const last = groups.at(-1)
    if (last && last.schema === schema) last.sql += `; ${sql}`
    else groups.push({ schema, sql })
  }
  for (const b of req.before) add(b.schema, b.params ? withLiterals(b.sql, b.params) : b.sql)
  if (req.op === 'exec' && groups.at(-1).schema === req.schema) {
    add(req.schema, execText(req))
    groups.joinsRequest = true
  }
  return groups
}

const endsTransaction = (req) => req.op === 'exec' && (req.sql === 'commit' || req.sql === 'rollback')

/**
 * Ends a transaction that failed. A SET inside it is undone too, so the schema is set again
 * before the next statement.
 */
async function rollBack() {
  searchPath = null
  // A lost connection has rolled it back already; its error reaches the caller on its own.
  await client.query('rollback').catch(() => {})
}

/**
 * An exec's statement, after its `andRead`: a query whose rows come back with the exec's answer
 * (the data versions with a commit). Read before the commit, under the write lock, so a failing
 * read fails the commit instead of reporting a commit that happened as failed.
 */
const execText = (req) => (req.andRead ? `${req.andRead}; ${req.sql}` : req.sql)

function withRead(req, result) {
  if (!req.andRead) return { ok: true }
  return { ok: true, rows: result.at(-2).rows }
}

/** A deferred statement's parameters written in (the notification's channel and payload: text). */
function withLiterals(sql, params) {
  return sql.replace(/\$(\d+)/g, (_, n) => {
    const v = params[Number(n) - 1]
    if (v === null || v === undefined) return 'null'
    if (typeof v !== 'string') throw new Error(`a deferred statement takes text parameters only: ${sql}`)
    return client.escapeLiteral(v)
  })
}

// Test databases: one schema built ahead, and the schemas of ended test processes dropped.
let builder
let spare
async function buildSchema(req) {
  if (!builder) {
    builder = new pg.Client({ connectionString: url, application_name: 'liaison-test-schemas' })
    await builder.connect()
    void dropEndedProcessesSchemas(req.prefix)
  }
  const name = `${req.prefix}${Math.random().toString(16).slice(2, 12)}`
  await builder.query(req.batch.replaceAll('__SCHEMA__', name))
  return name
}

async function takeFreshSchema(req) {
  const name = await (spare ?? buildSchema(req))
  spare = buildSchema(req)
  spare.catch(() => {
    spare = undefined
  })
  return name
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return e.code === 'EPERM'
  }
}

async function dropEndedProcessesSchemas(prefix) {
  const own = Number(prefix.split('_')[1])
  const sweeper = new pg.Client({ connectionString: url, application_name: 'liaison-test-sweeper' })
  sweeper.on('error', () => {})
  try {
    await sweeper.connect()
    const { rows } = await sweeper.query(
      "select nspname from pg_namespace where nspname ~ '^t_[0-9]+_[0-9a-f]+$'",
    )
    for (const { nspname } of rows) {
      const pid = Number(nspname.split('_')[1])
      if (pid !== own && !alive(pid)) await sweeper.query(`drop schema if exists "${nspname}" cascade`)
    }
  } catch {
    // Leftover schemas only cost catalogue space; the next test process tries again.
  } finally {
    await sweeper.end().catch(() => {})
  }
}

parentPort.on('message', (req) => {
  // Each answer carries its request's id: the main thread takes no other for it.
  handle(req).then(
    (message) => answer({ ...message, id: req.id }),
    (e) => {
      // A failed prepared statement is forgotten by the server: forget its name too.
      if (req.op === 'query') prepared.delete(`${req.schema}\u0000${req.sql}`)
      answer({ ...failure(e), id: req.id })
    },
  )
})
