import { spawnSync } from 'node:child_process'
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { type Db, openDb } from '../../db/client.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { COMMANDS } from '../../server/cli.ts'
import { loadConfig } from '../../server/config.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import {
  backupFileName,
  integrityProblems,
  listBackups,
  makeBackup,
  pruneBackups,
  restoreDatabase,
  runBackup,
} from '../../server/jobs/backup.ts'
import { markerDir, markServerRunning, runningServers } from '../../server/jobs/server-marker.ts'
import { jobDeps, useTempDir } from '../helpers/jobs.ts'

const NOW = new Date('2026-11-25T19:30:00Z')
const PADDING = 'x'.repeat(800)

function addRows(db: Db, n: number, tag: string) {
  db.transaction((tx) => {
    for (let i = 0; i < n; i++)
      recordAudit(tx, NOW, { actorAccountId: null, action: tag, entity: 'test', detail: { i, pad: PADDING } })
  })
}

const modeOf = (path: string) => statSync(path).mode & 0o777

const maxId = (db: Database.Database) =>
  (db.prepare('select coalesce(max(id), 0) as m from audit_log').get() as { m: number }).m
const count = (db: Database.Database, where = '1') =>
  (db.prepare(`select count(*) as n from audit_log where ${where}`).get() as { n: number }).n

describe('backups', () => {
  it('backs up while writes go on and restores every row committed before the backup began', async () => {
    const dir = useTempDir()
    const deps = jobDeps(join(dir, 'live.db'))
    addRows(deps.db, 6000, 'before') // several megabytes, so the copy takes many steps
    const before = maxId(deps.db.$client)
    const other = openDb(join(dir, 'live.db')) // a second process writing, e.g. another server

    let done = false
    let writes = 0
    const writer = (async () => {
      while (!done) {
        addRows(writes % 2 ? deps.db : other, 5, 'during')
        writes++
        await new Promise<void>((r) => setImmediate(r))
      }
    })()
    const file = await makeBackup(deps.db, join(dir, 'backups'), NOW, { pagesPerStep: 16 })
    done = true
    await writer
    other.$client.close()
    expect(writes).toBeGreaterThan(2) // the writes really overlapped the copy

    expect(file.name).toBe('liaison-20261125T193000Z.db')
    expect(integrityProblems(file.path)).toEqual([])
    const target = join(dir, 'restored.db')
    const result = await restoreDatabase({
      source: file.path,
      target,
      backupDir: join(dir, 'backups'),
      force: false,
      now: NOW,
    })
    expect(result).toEqual({ ok: true, safetyCopy: null })
    expect(integrityProblems(target)).toEqual([])
    const restored = new Database(target, { readonly: true })
    try {
      expect(count(restored, `id <= ${before}`)).toBe(before)
      expect(count(restored, `action = 'before'`)).toBe(6000)
    } finally {
      restored.close()
    }
  })

  it('writes no half-made file and keeps only the newest BACKUP_KEEP backups', async () => {
    const dir = useTempDir()
    const backups = join(dir, 'backups')
    const clock = fixedClock(NOW)
    const deps = jobDeps(join(dir, 'live.db'), { clock, env: { BACKUP_DIR: backups, BACKUP_KEEP: '3' } })
    writeFileSync(join(dir, 'notes.txt'), 'not a backup')
    for (let day = 0; day < 5; day++) {
      await runBackup(deps, clock.now())
      clock.advance(86_400_000)
    }
    writeFileSync(join(backups, 'keep-me.txt'), 'someone else’s file')
    pruneBackups(backups, 3, clock.now())
    expect(listBackups(backups).map((f) => f.name)).toEqual([
      'liaison-20261127T193000Z.db',
      'liaison-20261128T193000Z.db',
      'liaison-20261129T193000Z.db',
    ])
    expect(readdirSync(backups).some((n) => n.endsWith('.partial'))).toBe(false)
    expect(existsSync(join(backups, 'keep-me.txt'))).toBe(true)
    // Backups hold personal data: only the server's user reads them.
    expect(modeOf(backups)).toBe(0o700)
    for (const f of listBackups(backups)) expect(modeOf(f.path), f.name).toBe(0o600)
    // Two backups in the same second get distinct names.
    const a = await makeBackup(deps.db, backups, NOW)
    const b = await makeBackup(deps.db, backups, NOW)
    expect(a.name).not.toBe(b.name)
    expect(backupFileName(NOW)).toBe('liaison-20261125T193000Z.db')
  })

  it('skips the nightly backup of an in-memory database', async () => {
    const deps = jobDeps(':memory:')
    expect(await runBackup(deps, NOW)).toMatch(/^skipped/)
  })
})

describe('restore', () => {
  async function setUp() {
    const dir = useTempDir()
    const backups = join(dir, 'backups')
    const source = jobDeps(join(dir, 'old.db'))
    addRows(source.db, 10, 'from-backup')
    const file = await makeBackup(source.db, backups, NOW)
    const target = join(dir, 'live.db')
    const live = openDb(target)
    addRows(live, 3, 'current')
    live.$client.close()
    return { dir, backups, file: file.path, target }
  }

  it('keeps a safety copy of the database it replaces', async () => {
    const { backups, file, target } = await setUp()
    const result = await restoreDatabase({ source: file, target, backupDir: backups, force: false, now: NOW })
    expect(result.ok).toBe(true)
    const safety = result.ok ? result.safetyCopy : null
    expect(safety).toMatch(/-pre-restore\.db$/)
    const restored = new Database(target, { readonly: true })
    const saved = new Database(safety!, { readonly: true })
    try {
      expect(count(restored, `action = 'from-backup'`)).toBe(10)
      expect(count(restored, `action = 'current'`)).toBe(0)
      expect(count(saved, `action = 'current'`)).toBe(3)
    } finally {
      restored.close()
      saved.close()
    }
    expect(modeOf(safety!)).toBe(0o600)
    // Kept as long as the nightly backups reach back (BACKUP_KEEP days), then deleted with them,
    // so what the live database erased since does not outlive them there.
    const day = 86_400_000
    expect(pruneBackups(backups, 3, new Date(NOW.getTime() + 3 * day))).toEqual([])
    expect(existsSync(safety!)).toBe(true)
    expect(pruneBackups(backups, 3, new Date(NOW.getTime() + 3 * day + 1000))).toEqual([
      'liaison-20261125T193000Z-pre-restore.db',
    ])
    expect(existsSync(safety!)).toBe(false)
    // The dated backup restored from is one of the newest three, so it stays.
    expect(existsSync(file)).toBe(true)
  })

  it('restores into a new database file that only its owner can read', async () => {
    const { dir, backups, file } = await setUp()
    const target = join(dir, 'fresh.db')
    const result = await restoreDatabase({ source: file, target, backupDir: backups, force: false, now: NOW })
    expect(result).toEqual({ ok: true, safetyCopy: null })
    expect(modeOf(target)).toBe(0o600)
  })

  it('refuses a damaged file, a foreign database and a missing one, changing nothing', async () => {
    const { dir, backups, file, target } = await setUp()
    const damaged = join(dir, 'damaged.db')
    copyFileSync(file, damaged)
    const fd = openSync(damaged, 'r+')
    writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 2)
    closeSync(fd)
    const foreign = join(dir, 'foreign.db')
    const f = new Database(foreign)
    f.exec('create table t (x)')
    f.close()

    const attempt = (source: string) =>
      restoreDatabase({ source, target, backupDir: backups, force: true, now: NOW })
    expect(await attempt(damaged)).toMatchObject({ ok: false, reason: 'unsound' })
    expect(await attempt(foreign)).toMatchObject({ ok: false, reason: 'not-liaison' })
    expect(await attempt(join(dir, 'nope.db'))).toMatchObject({ ok: false, reason: 'missing' })
    expect(await attempt(target)).toMatchObject({ ok: false, reason: 'same-file' })
    const live = new Database(target, { readonly: true })
    try {
      expect(count(live, `action = 'current'`)).toBe(3)
    } finally {
      live.close()
    }
    expect(existsSync(backups) ? readdirSync(backups).filter((n) => n.includes('pre-restore')) : []).toEqual(
      [],
    )
  })

  it('refuses to restore under a running server without --force, and with it goes through SQLite', async () => {
    const { backups, file, target } = await setUp()
    const server = openDb(target) // the running server's connection
    const unmark = markServerRunning(target, NOW)
    try {
      expect(runningServers(target)).toEqual([
        expect.objectContaining({ pid: process.pid, alive: true, startedAt: NOW.toISOString() }),
      ])
      const refused = await restoreDatabase({
        source: file,
        target,
        backupDir: backups,
        force: false,
        now: NOW,
      })
      expect(refused).toMatchObject({ ok: false, reason: 'server-running' })
      expect(
        server.get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'current'`)?.n,
      ).toBe(3)

      const forced = await restoreDatabase({
        source: file,
        target,
        backupDir: backups,
        force: true,
        now: NOW,
      })
      expect(forced.ok).toBe(true)
      // The server's own connection sees the restored data; the file was not swapped under it.
      expect(
        server.get<{ n: number }>(sql`select count(*) as n from audit_log where action = 'from-backup'`)?.n,
      ).toBe(10)
      expect(integrityProblems(target)).toEqual([])
    } finally {
      unmark()
      server.$client.close()
    }
    expect(runningServers(target)).toEqual([])
  })

  it('ignores the marker a crashed server left behind', async () => {
    const { backups, file, target } = await setUp()
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    const unmark = markServerRunning(target, NOW)
    unmark()
    writeFileSync(
      join(markerDir(target), `ghost-${gone}.json`),
      JSON.stringify({ pid: gone, host: (await import('node:os')).hostname(), startedAt: NOW.toISOString() }),
    )
    expect(runningServers(target)).toEqual([expect.objectContaining({ pid: gone, alive: false })])
    const result = await restoreDatabase({ source: file, target, backupDir: backups, force: false, now: NOW })
    expect(result.ok).toBe(true)
  })

  it('has CLI commands for backup and restore with clear exit codes', async () => {
    const { dir, file, target } = await setUp()
    const config = loadConfig({
      DATABASE_PATH: target,
      BACKUP_DIR: join(dir, 'cli-backups'),
      LOG_LEVEL: 'silent',
    })
    const out = vi.spyOn(console, 'log').mockImplementation(() => {})
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await COMMANDS.backup!.run([], {}, config)).toBe(0)
      expect(listBackups(join(dir, 'cli-backups'))).toHaveLength(1)
      expect(await COMMANDS.restore!.run([], {}, config)).toBe(2)
      const unmark = markServerRunning(target, NOW)
      try {
        expect(await COMMANDS.restore!.run([file], {}, config)).toBe(3)
        expect(err.mock.calls.flat().join('\n')).toContain('--force')
        expect(await COMMANDS.restore!.run([file], { force: true }, config)).toBe(0)
      } finally {
        unmark()
      }
    } finally {
      out.mockRestore()
      err.mockRestore()
    }
  })
})
