import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { type Db, openDb } from '../../db/client.ts'
import { PgFacade } from '../../db/pg/sqlite-facade.ts'
import { recordAudit } from '../../db/queries/audit.ts'
import { COMMANDS } from '../../server/cli.ts'
import { loadConfig } from '../../server/config.ts'
import { listBackups, runBackup } from '../../server/jobs/backup.ts'
import { createLogger } from '../../server/logger.ts'
import { jobDeps, useTempDir } from '../helpers/jobs.ts'
import { freshPostgresDatabase, TEST_POSTGRES_URL, withClient, withDatabase } from '../helpers/postgres.ts'

const PASSWORD = 'not-shown-anywhere'
const NOW = new Date('2026-11-25T19:30:00Z')

/** A Liaison database on PostgreSQL whose audit log holds `n` rows. */
async function liaisonDatabase(n: number) {
  const plain = await freshPostgresDatabase('o_backup')
  const db = openDb(plain)
  try {
    db.transaction((tx) => {
      for (let i = 0; i < n; i++)
        recordAudit(tx, NOW, { actorAccountId: null, action: 'test', entity: 'test', detail: { i } })
    })
  } finally {
    closePostgres(db)
  }
  // Trust authentication ignores the password, so the commands get one to keep out of sight.
  const u = new URL(plain)
  return { plain, url: withDatabase(plain, u.pathname.slice(1), PASSWORD) }
}

function closePostgres(db: Db) {
  const facade = db.$client as unknown
  if (facade instanceof PgFacade) facade.connection.close()
}

const auditCount = (url: string) =>
  withClient(url, async (c) => Number((await c.query('select count(*) as n from audit_log')).rows[0].n))

function captureConsole() {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {})
  const err = vi.spyOn(console, 'error').mockImplementation(() => {})
  return {
    text: () => [...out.mock.calls, ...err.mock.calls].flat().join('\n'),
    errors: () => err.mock.calls.flat().join('\n'),
    restore: () => {
      out.mockRestore()
      err.mockRestore()
    },
  }
}

describe.skipIf(!TEST_POSTGRES_URL)('backup and restore on PostgreSQL', { timeout: 60_000 }, () => {
  it('dumps with pg_dump into private, dated .dump files, keeping the newest BACKUP_KEEP', async () => {
    const { url } = await liaisonDatabase(20)
    const dir = join(useTempDir(), 'backups')
    const config = loadConfig({ DATABASE_URL: url, BACKUP_DIR: dir, BACKUP_KEEP: '2' })
    const io = captureConsole()
    try {
      for (let i = 0; i < 3; i++) expect(await COMMANDS.backup!.run([], {}, config)).toBe(0)
      expect(io.text()).toContain('written by pg_dump')
      expect(io.text()).not.toContain(PASSWORD)
    } finally {
      io.restore()
    }
    const kept = listBackups(dir)
    expect(kept.map((f) => f.name)).toEqual([
      expect.stringMatching(/^liaison-\d{8}T\d{6}Z(-\d)?\.dump$/),
      expect.stringMatching(/^liaison-\d{8}T\d{6}Z(-\d)?\.dump$/),
    ])
    expect(readdirSync(dir).sort()).toEqual(kept.map((f) => f.name).sort())
    for (const f of kept) {
      expect(statSync(f.path).mode & 0o777).toBe(0o600)
      expect(f.bytes).toBeGreaterThan(100)
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })

  it('restores a dump only with --force, as one transaction, after checking the file', async () => {
    const { plain, url } = await liaisonDatabase(10)
    const dir = join(useTempDir(), 'backups')
    const config = loadConfig({ DATABASE_URL: url, BACKUP_DIR: dir })
    const io = captureConsole()
    try {
      expect(await COMMANDS.backup!.run([], {}, config)).toBe(0)
      const dump = listBackups(dir)[0]!.path
      await withClient(plain, (c) =>
        c.query(`insert into audit_log (at, action, entity) values (0, 'after the backup', 'test')`),
      )

      expect(await COMMANDS.restore!.run([dump], {}, config)).toBe(3)
      expect(io.errors()).toContain('--force')
      expect(await auditCount(plain)).toBe(11)

      const notDump = join(dir, 'notes.dump')
      writeFileSync(notDump, 'PGDMP but not really an archive')
      expect(await COMMANDS.restore!.run([notDump], { force: true }, config)).toBe(1)
      expect(await COMMANDS.restore!.run([join(dir, 'missing.dump')], { force: true }, config)).toBe(1)
      expect(await auditCount(plain)).toBe(11)

      const foreign = await freshPostgresDatabase('o_backup')
      await withClient(foreign, (c) => c.query('create table other (x int)'))
      const foreignDir = join(dir, 'foreign')
      mkdirSync(foreignDir)
      expect(
        await COMMANDS.backup!.run([], {}, { ...config, databaseUrl: foreign, backupDir: foreignDir }),
      ).toBe(0)
      expect(await COMMANDS.restore!.run([listBackups(foreignDir)[0]!.path], { force: true }, config)).toBe(1)
      expect(io.errors()).toContain('not a dump of a Liaison database')

      expect(await COMMANDS.restore!.run([dump], { force: true }, config)).toBe(0)
      expect(await auditCount(plain)).toBe(10)
      expect(io.text()).not.toContain(PASSWORD)
    } finally {
      io.restore()
    }
  })

  it('says where backups come from when pg_dump and pg_restore are not installed', async () => {
    const { url } = await liaisonDatabase(1)
    const dir = useTempDir()
    const config = loadConfig({ DATABASE_URL: url, BACKUP_DIR: join(dir, 'backups') })
    vi.stubEnv('PATH', join(dir, 'empty'))
    const io = captureConsole()
    try {
      expect(await COMMANDS.backup!.run([], {}, config)).toBe(1)
      expect(io.errors()).toContain('point-in-time recovery')
      const dump = join(dir, 'x.dump')
      writeFileSync(dump, 'PGDMP')
      expect(await COMMANDS.restore!.run([dump], { force: true }, config)).toBe(1)
      expect(io.errors()).toContain('pg_restore is not installed here')
    } finally {
      io.restore()
      vi.unstubAllEnvs()
    }
    expect(readdirSync(join(dir, 'backups'))).toEqual([])
  })

  it('leaves the nightly backup to the database, saying so once in the log', async () => {
    const { url } = await liaisonDatabase(1)
    const dir = useTempDir()
    const lines: string[] = []
    const deps = jobDeps(join(dir, 'unused.db'), {
      env: { DATABASE_URL: url, BACKUP_DIR: join(dir, 'backups') },
    })
    deps.logger = createLogger('info', { write: (s: string) => lines.push(s) })
    expect(await runBackup(deps, NOW)).toMatch(/^skipped: PostgreSQL/)
    expect(await runBackup(deps, NOW)).toMatch(/^skipped: PostgreSQL/)
    expect(lines.filter((l) => l.includes("backups are the database's own"))).toHaveLength(1)
    expect(listBackups(join(dir, 'backups'))).toEqual([])
  })
})
