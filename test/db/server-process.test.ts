import { type ChildProcess, spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../server/build.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import { startServerProcess } from '../helpers/server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'liaison-proc-'))
/** Every server started here, so one a failed test left running is stopped. */
const children = new Set<ChildProcess>()
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

// What `npm start` runs: the server compiled into dist/server.mjs (decision 0018), so a file it
// reads from disk that is only found from the source tree fails here.
let bundle: string
beforeAll(async () => {
  bundle = await buildServer()
}, 60_000)

/** Starts `npm start`'s command as a real process and waits for its banner. */
function startProcess(env: Record<string, string>, as?: { uid: number; gid: number }) {
  const p = startServerProcess(bundle, env, as)
  children.add(p.child)
  return p
}

const stop = (child: ChildProcess) => child.kill('SIGTERM')

describe('the server process', () => {
  it('starts on an empty database with demo data, prints working URLs and log-ins, and stops cleanly', async () => {
    const path = join(dir, 'demo-data', 'demo.db')
    const p = startProcess({ DATABASE_PATH: path, SEED_DEMO: 'true' })
    const banner = await p.ready
    const base = banner.match(/running on (http:\/\/\S+)/)![1]!
    expect(banner).toMatch(/admin \/ liaison-admin/)
    const kioskUrl = banner.match(/(http:\/\/\S+\/kiosk\/pair\?code=\S+)/)![1]!

    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    const paired = await fetch(kioskUrl, { redirect: 'manual' })
    expect(paired.status).toBe(303)
    const cookie = paired.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const start = await fetch(`${base}/kiosk`, { headers: { cookie } })
    expect(start.status).toBe(200)
    const startHtml = await start.text()
    expect(startHtml).toContain('欢迎来到东湖街道人大代表联络站')
    // The demo's reception plans became sessions at start-up, so booking is offered on day one.
    expect(startHtml).toContain('href="/kiosk/booking"')
    for (const file of ['app.css', 'kiosk.css', 'htmx.min.js', 'idle.js']) {
      expect((await fetch(`${base}/static/${file}`)).status, file).toBe(200)
    }
    // Personal data: the folder it made and the database, WAL and SHM are the server user's alone.
    expect(modeOf(join(dir, 'demo-data'))).toBe(0o700)
    for (const f of [path, `${path}-wal`, `${path}-shm`]) expect(modeOf(f), f).toBe(0o600)
    // On loopback, with no public URL, the demo is not exposed and nothing warns.
    expect(p.stderr()).not.toMatch(/WARNING/)

    stop(p.child)
    expect(await p.exited).toBe(0)
  }, 60_000)

  it('refuses to start with a bad setting and says which', async () => {
    const p = startProcess({ DATABASE_PATH: join(dir, 'x.db'), PORT: 'eighty' })
    await expect(p.ready).rejects.toThrow(/PORT="eighty"/)
    expect(await p.exited).toBe(2)
  }, 30_000)

  it('keeps the demo data across a restart without the switch and does not seed twice', async () => {
    const path = join(dir, 'restart.db')
    for (const env of [{ SEED_DEMO: 'true' }, {}, { SEED_DEMO: 'true' }] as Record<string, string>[]) {
      const p = startProcess({ DATABASE_PATH: path, ...env })
      expect(await p.ready).toMatch(/admin \/ liaison-admin/)
      stop(p.child)
      expect(await p.exited).toBe(0)
    }
    expect(countRows(path, 'deputies')).toBe(11)
    expect(countRows(path, 'accounts')).toBe(3)
  }, 60_000)
})

describe('a real deployment', () => {
  it('gets no demo by default, whatever HOST is; the first administrator comes from the CLI the banner names', async () => {
    const path = join(dir, 'real.db')
    // Loopback HOST behind a reverse proxy with an https PUBLIC_URL: the set-up that used to get the demo.
    const env = { DATABASE_PATH: path, PUBLIC_URL: 'https://liaison.example.org' }
    const first = startProcess(env)
    const banner = await first.ready
    expect(banner).not.toMatch(/liaison-admin|Demo log-in/)
    expect(banner).toContain('npm run cli -- create-admin <username>')
    stop(first.child)
    expect(await first.exited).toBe(0)
    expect(countRows(path, 'accounts')).toBe(0)
    expect(countRows(path, 'streets')).toBe(0)

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'create-admin', 'alice'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_PATH: path },
      encoding: 'utf8',
    })
    expect(cli.status, cli.stderr).toBe(0)
    expect(cli.stdout).toMatch(/Password \(shown once\): \S{12,}/)

    const second = startProcess(env)
    const again = await second.ready
    expect(again).not.toContain('create-admin')
    stop(second.child)
    expect(await second.exited).toBe(0)

    // The demo switch on a database that holds real data: refused, in one line, nothing written.
    const demo = startProcess({ ...env, SEED_DEMO: 'true' })
    await expect(demo.ready).rejects.toThrow(
      /SEED_DEMO=true, but .*real\.db holds data the demo seed did not make/,
    )
    expect(await demo.exited).toBe(1)
    expect(demo.stderr().trim().split('\n')).toHaveLength(1)
    expect(countRows(path, 'accounts')).toBe(1)
    expect(countRows(path, 'streets')).toBe(0)
  }, 60_000)

  it('warns loudly when a demo database is served beyond this machine', async () => {
    const path = join(dir, 'exposed.db')
    const p = startProcess({
      DATABASE_PATH: path,
      SEED_DEMO: 'true',
      PUBLIC_URL: 'https://liaison.example.org',
      HOST: '0.0.0.0',
    })
    await p.ready
    const err = p.stderr()
    expect(err).toContain(`WARNING: ${path} is a DEMO database`)
    expect(err).toContain('HOST=0.0.0.0 is not a loopback address')
    expect(err).toContain('PUBLIC_URL=https://liaison.example.org is not on this machine')
    expect(err.split('\n').length).toBeGreaterThan(5)
    // …and in the log, as a warning (LOG_LEVEL=warn keeps only warnings and worse).
    const warning = p
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => /demo database/.test(l.msg))
    expect(warning).toMatchObject({
      level: 40,
      reasons: [expect.stringMatching(/^HOST/), expect.stringMatching(/^PUBLIC_URL/)],
    })
    stop(p.child)
    expect(await p.exited).toBe(0)
  }, 60_000)

  it('says in one line, naming the path, when the database folder cannot be made or written', async () => {
    // Real failures even for root: a folder whose parent is a regular file, and a database path
    // that is a folder.
    const file = join(dir, 'a-file')
    writeFileSync(file, 'not a folder')
    const folder = join(dir, 'a-folder.db')
    mkdirSync(folder)
    for (const [path, reason] of [
      [join(file, 'data', 'liaison.db'), /ENOTDIR/],
      [folder, /EISDIR/],
    ] as const) {
      const p = startProcess({ DATABASE_PATH: path })
      await expect(p.ready).rejects.toThrow(reason)
      expect(await p.exited).toBe(1)
      const lines = p.stderr().trim().split('\n')
      expect(lines, p.stderr()).toHaveLength(1)
      expect(lines[0]).toContain(`Cannot open the database ${path}: `)
    }
  }, 60_000)

  // Root writes anywhere, so as root the server runs as nobody (when nobody can read the project;
  // a checkout in /root cannot be); anyone else is refused anyway.
  const asRoot = process.getuid?.() === 0
  const nobody = { uid: 65534, gid: 65534 }
  const nobodyCanRun =
    !asRoot ||
    spawnSync(
      process.execPath,
      [
        '-e',
        `require('fs').accessSync(process.argv[1]); require.resolve('better-sqlite3', { paths: [process.argv[2]] })`,
        join(PROJECT_ROOT, 'server', 'main.ts'),
        PROJECT_ROOT,
      ],
      nobody,
    ).status === 0
  it.skipIf(!nobodyCanRun)(
    'says so in one line when the folder is read-only, to a new file or to the WAL of an existing one',
    async () => {
      const as = asRoot ? nobody : undefined
      const base = join(dir, 'read-only')
      mkdirSync(join(base, 'existing'), { recursive: true })
      writeFileSync(join(base, 'existing', 'liaison.db'), '')
      chmodSync(join(base, 'existing', 'liaison.db'), 0o666)
      for (const f of [dir, base]) chmodSync(f, 0o755)
      for (const f of [join(base, 'existing'), base]) chmodSync(f, 0o555)
      try {
        for (const [path, reason] of [
          [join(base, 'new.db'), /permission denied \(EACCES/],
          [join(base, 'sub', 'new.db'), /permission denied \(EACCES/],
          [join(base, 'existing', 'liaison.db'), /the database is read-only \(SQLITE_READONLY/],
        ] as const) {
          const p = startProcess({ DATABASE_PATH: path }, as)
          await expect(p.ready).rejects.toThrow(reason)
          expect(await p.exited).toBe(1)
          expect(p.stderr().trim().split('\n'), p.stderr()).toEqual([
            expect.stringContaining(`Cannot open the database ${path}: `),
          ])
        }
      } finally {
        for (const f of [base, join(base, 'existing'), dir]) chmodSync(f, 0o700)
      }
    },
    60_000,
  )
})

describe('several processes starting together', () => {
  const healthy = async (p: ReturnType<typeof startProcess>) => {
    const base = (await p.ready).match(/running on (http:\/\/\S+)/)![1]!
    return (await fetch(`${base}/healthz`)).status
  }

  /**
   * Starts two servers on `path` while this test holds the write lock, and lets go once both have
   * opened the file: they then reach the migrations at the same moment, which made one of them
   * die when it read what was applied before it held the lock.
   */
  async function startPairTogether(path: string, env: Record<string, string> = {}) {
    const lock = new Database(path)
    lock.pragma('journal_mode = WAL')
    lock.exec('BEGIN IMMEDIATE')
    const pair = [0, 1].map(() => startProcess({ DATABASE_PATH: path, ...env }))
    const file = realpathSync(path)
    const opened = (pid: number) =>
      readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === file
        } catch {
          return false
        }
      })
    while (!pair.every((p) => p.child.exitCode === null && opened(p.child.pid!)))
      await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 300))
    lock.exec('COMMIT')
    lock.close()
    return pair
  }

  const stopPair = async (pair: ReturnType<typeof startProcess>[]) => {
    for (const p of pair) stop(p.child)
    expect(await Promise.all(pair.map((p) => p.exited))).toEqual([0, 0])
  }

  it('both come up on a new database, migrating it once', async () => {
    for (let run = 0; run < 2; run++) {
      const path = join(dir, `new-${run}.db`)
      const pair = await startPairTogether(path)
      expect(await Promise.all(pair.map(healthy)), `run ${run}`).toEqual([200, 200])
      await stopPair(pair)
      expect(countRows(path, '__drizzle_migrations')).toBe(MIGRATIONS.length)
    }
  }, 120_000)

  it('both come up on a database that an older version left a few migrations behind', async () => {
    for (let run = 0; run < 2; run++) {
      const path = join(dir, `older-${run}.db`)
      const old = new Database(path)
      old.exec(
        'CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
      )
      for (const m of MIGRATIONS.slice(0, 3)) {
        for (const statement of m.sql) old.exec(statement)
        old
          .prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)')
          .run(m.hash, m.folderMillis)
      }
      old.close()
      const pair = await startPairTogether(path)
      expect(await Promise.all(pair.map(healthy)), `run ${run}`).toEqual([200, 200])
      await stopPair(pair)
      expect(countRows(path, '__drizzle_migrations')).toBe(MIGRATIONS.length)
    }
  }, 120_000)

  it('both come up with the demo switch on a new database, which is seeded once', async () => {
    for (let run = 0; run < 3; run++) {
      const path = join(dir, `demo-pair-${run}.db`)
      const pair = [0, 1].map(() => startProcess({ DATABASE_PATH: path, SEED_DEMO: 'true' }))
      expect(await Promise.all(pair.map(healthy)), `run ${run}`).toEqual([200, 200])
      await stopPair(pair)
      expect(countRows(path, 'deputies')).toBe(11)
      expect(countRows(path, 'accounts')).toBe(3)
      expect(countRows(path, 'reception_plans')).toBe(3)
    }
  }, 120_000)
})

const MIGRATIONS = readMigrationFiles({ migrationsFolder: join(PROJECT_ROOT, 'db', 'migrations') })

function countRows(path: string, table: string): number {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

const modeOf = (path: string) => (existsSync(path) ? statSync(path).mode & 0o777 : -1)
