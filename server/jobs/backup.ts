import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { type Db, openDb, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../db/client.ts'
import { PgFacade } from '../../db/pg/sqlite-facade.ts'
import type { AppDeps } from '../deps.ts'
import { defineJob } from './runner.ts'
import { runningServers } from './server-marker.ts'

/** SQLite copies end in .db, PostgreSQL dumps (postgres-backup.ts) in .dump; pruned together. */
const NAME = /^liaison-(\d{8}T\d{6}Z)(?:-(\d+))?\.(?:db|dump)$/
export const DUMP_EXT = 'dump'
const PRE_RESTORE_SUFFIX = '-pre-restore'
const PRE_RESTORE_NAME = /^liaison-(\d{8})T(\d{2})(\d{2})(\d{2})Z-pre-restore(?:-\d+)?\.db$/
const DAY_MS = 86_400_000

/** A new file only its owner can read, for SQLite to fill (an empty file is an empty database). */
function createPrivateFile(path: string) {
  closeSync(openSync(path, 'w', PRIVATE_FILE_MODE))
}

/** `liaison-20261125T193000Z.db`: UTC, sortable by name. */
export function backupFileName(at: Date, suffix = '', ext = 'db'): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
  return `liaison-${stamp}${suffix}.${ext}`
}

export type BackupFile = { name: string; path: string; bytes: number }

/** The dated backups in `dir`, oldest first; other files there are never listed or touched. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort((a, b) => {
      const [, sa = '', na = '0'] = NAME.exec(a) ?? []
      const [, sb = '', nb = '0'] = NAME.exec(b) ?? []
      return sa === sb ? Number(na) - Number(nb) : sa < sb ? -1 : 1
    })
    .map((name) => ({ name, path: join(dir, name), bytes: statSync(join(dir, name)).size }))
}

/** Problems `PRAGMA integrity_check` finds in a database file; empty when it is sound. */
export function integrityProblems(path: string): string[] {
  let db: Database.Database | undefined
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
    return problems.length === 0 && rows.length > 0 ? [] : problems.length ? problems : ['no answer']
  } catch (e) {
    return [(e as Error).message]
  } finally {
    db?.close()
  }
}

export type BackupOptions = {
  /** Pages copied per step; the event loop runs between steps. */
  pagesPerStep?: number
  suffix?: string
}

/**
 * Copies the live database into a new dated file in `dir` with SQLite's online backup API, so
 * writers carry on meanwhile. The copy is written under a temporary name, switched to a
 * self-contained rollback journal, checked with integrity_check and only then given its dated
 * name, so a file with a backup's name is always a complete, sound copy.
 */
export async function makeBackup(
  db: Db,
  dir: string,
  now: Date,
  opts: BackupOptions = {},
): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  let name = backupFileName(now, opts.suffix)
  for (let n = 1; existsSync(join(dir, name)); n++) name = backupFileName(now, `${opts.suffix ?? ''}-${n}`)
  const path = join(dir, name)
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  createPrivateFile(partial)
  const perStep = opts.pagesPerStep ?? 256
  let steps = 0
  try {
    await db.$client.backup(partial, {
      // Another connection's write makes SQLite restart the copy; after too many restarts take
      // the rest in one step rather than chase a busy writer for ever.
      progress: ({ totalPages }) =>
        ++steps > 3 * Math.ceil(totalPages / perStep) + 10 ? totalPages + 1 : perStep,
    })
    const copy = new Database(partial)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const problems = integrityProblems(partial)
    if (problems.length)
      throw new Error(`backup failed its integrity check: ${problems.slice(0, 3).join('; ')}`)
    renameSync(partial, path)
  } catch (e) {
    rmSync(partial, { force: true })
    throw e
  }
  return { name, path, bytes: statSync(path).size }
}

/**
 * Deletes all but the newest `keep` dated backups, and the safety copies `restore` made more than
 * `keep` days ago: the nightly backups reach that far back, and a copy kept longer would keep
 * personal data that the live database has erased since. Returns the names deleted.
 */
export function pruneBackups(dir: string, keep: number, now: Date): string[] {
  const all = listBackups(dir)
  const old = all.slice(0, Math.max(0, all.length - keep)).map((f) => f.name)
  const oldestKept = now.getTime() - keep * DAY_MS
  const safetyCopies = existsSync(dir) ? readdirSync(dir) : []
  for (const name of safetyCopies) {
    const m = PRE_RESTORE_NAME.exec(name)
    if (!m) continue
    const [, ymd = '', hh, mm, ss] = m
    const at = Date.parse(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}T${hh}:${mm}:${ss}Z`)
    if (at < oldestKept) old.push(name)
  }
  for (const name of old) rmSync(join(dir, name), { force: true })
  return old
}

/** What to tell an operator on PostgreSQL without pg_dump / pg_restore, and what the nightly job logs there. */
export const OWN_BACKUPS =
  "On PostgreSQL, backups are the database's own: a managed database's point-in-time recovery and snapshots, or `npm run cli -- backup` where pg_dump is installed (Debian: apt install postgresql-client)."

let toldOwnBackups = false

/** The nightly job's work, also behind `npm run cli -- backup`. */
export async function runBackup(deps: AppDeps, now: Date): Promise<string> {
  const { config, db, logger } = deps
  if (config.databaseUrl || (db.$client as unknown) instanceof PgFacade) {
    // Nothing to copy: the job stays in the registry so that SQLite and PostgreSQL list the same jobs.
    if (!toldOwnBackups) logger.info(OWN_BACKUPS)
    toldOwnBackups = true
    return 'skipped: PostgreSQL backups are the database’s own'
  }
  if (db.$client.memory) return 'skipped: in-memory database'
  const file = await makeBackup(db, config.backupDir, now)
  const pruned = pruneBackups(config.backupDir, config.backupKeep, now)
  logger.info({ backup: file.path, bytes: file.bytes, pruned }, 'backup written')
  return `${file.name} (${file.bytes} bytes), ${pruned.length} old removed`
}

export const backupJob = defineJob({
  name: 'backup',
  // 03:30 in China (UTC+8), when stations are closed.
  cron: '30 19 * * *',
  catchUp: 'latest',
  maxAttempts: 3,
  retryDelayMs: 5 * 60_000,
  leaseMs: 30 * 60_000,
  title: (t) => t('jobs.job.backup'),
  run: (deps, now) => runBackup(deps, now),
})

export type RestoreOptions = {
  source: string
  target: string
  backupDir: string
  force: boolean
  now: Date
}

export type RestoreResult =
  | { ok: true; safetyCopy: string | null }
  | {
      ok: false
      reason: 'missing' | 'same-file' | 'unsound' | 'not-liaison' | 'server-running'
      detail: string
    }

/**
 * Replaces the database at `target` with the backup at `source`. Checks the backup first
 * (integrity_check, and that it is a Liaison database), refuses while a server is running on
 * the target unless forced, keeps a safety copy of the current database, then copies with the
 * backup API into the target (through SQLite's locks, never by overwriting the file) and runs
 * pending migrations on the result.
 */
export async function restoreDatabase(opts: RestoreOptions): Promise<RestoreResult> {
  const { source, target } = opts
  if (!existsSync(source)) return { ok: false, reason: 'missing', detail: source }
  if (resolve(source) === resolve(target)) return { ok: false, reason: 'same-file', detail: source }
  const problems = integrityProblems(source)
  if (problems.length) return { ok: false, reason: 'unsound', detail: problems.slice(0, 5).join('; ') }
  let safetyCopy: string | null = null
  const src = new Database(source, { readonly: true, fileMustExist: true })
  try {
    const hasJobs = src
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'job_runs'")
      .get()
    if (!hasJobs) return { ok: false, reason: 'not-liaison', detail: source }

    const running = runningServers(target).filter((s) => s.alive !== false)
    if (running.length && !opts.force) {
      const who = running.map((s) => `pid ${s.pid} on ${s.host} since ${s.startedAt}`).join(', ')
      return { ok: false, reason: 'server-running', detail: who }
    }

    if (existsSync(target)) {
      const current = openDb(target)
      try {
        safetyCopy = (await makeBackup(current, opts.backupDir, opts.now, { suffix: PRE_RESTORE_SUFFIX }))
          .path
      } finally {
        current.$client.close()
      }
    }
    if (!existsSync(target)) createPrivateFile(target)
    await src.backup(target)
  } finally {
    src.close()
  }
  // Opening runs the migrations a backup from an older version lacks.
  openDb(target).$client.close()
  return { ok: true, safetyCopy }
}
