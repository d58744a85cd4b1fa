import { spawn } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../db/client.ts'
import { redactDatabaseUrl } from '../database-url.ts'
import { type BackupFile, backupFileName, DUMP_EXT } from './backup.ts'

type ToolRun = { code: number | null; stderr: string; stdout: string; missing: boolean }

/**
 * Runs pg_dump or pg_restore against `url`. The password travels in PGPASSWORD, not in the
 * arguments, where any user on the machine could read it from the process list.
 */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], url?: string): Promise<ToolRun> {
  const env = { ...process.env }
  if (url) {
    const u = new URL(url)
    if (u.password) env.PGPASSWORD = decodeURIComponent(u.password)
    u.password = ''
    args = [...args, `--dbname=${u.toString()}`]
  }
  return new Promise((resolve) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ code: null, stderr: e.message, stdout: '', missing: e.code === 'ENOENT' }),
    )
    child.on('close', (code) =>
      resolve({
        code,
        stderr: Buffer.concat(err).toString('utf8').trim(),
        stdout: Buffer.concat(out).toString('utf8'),
        missing: false,
      }),
    )
  })
}

export type PgBackupResult =
  | { ok: true; file: BackupFile }
  | { ok: false; reason: 'no-tool' | 'failed'; detail: string }

/**
 * `pg_dump --format=custom` of the database into a dated `liaison-<stamp>.dump` in `dir`, only its
 * owner may read; written under a temporary name and renamed once pg_dump succeeded.
 */
export async function dumpPostgres(url: string, dir: string, now: Date): Promise<PgBackupResult> {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  let name = backupFileName(now, '', DUMP_EXT)
  for (let n = 1; existsSync(join(dir, name)); n++) name = backupFileName(now, `-${n}`, DUMP_EXT)
  const path = join(dir, name)
  const partial = `${path}.partial`
  // Created private before pg_dump opens it, so the dump is never readable by others.
  closeSync(openSync(partial, 'w', PRIVATE_FILE_MODE))
  const run = await runTool('pg_dump', ['--format=custom', `--file=${partial}`], url)
  if (run.code !== 0) {
    rmSync(partial, { force: true })
    if (run.missing) return { ok: false, reason: 'no-tool', detail: 'pg_dump is not installed here.' }
    return { ok: false, reason: 'failed', detail: hidePassword(run.stderr, url) }
  }
  chmodSync(partial, PRIVATE_FILE_MODE)
  renameSync(partial, path)
  return { ok: true, file: { name, path, bytes: statSync(path).size } }
}

export type PgRestoreResult =
  | { ok: true }
  | {
      ok: false
      reason: 'missing' | 'no-tool' | 'not-dump' | 'not-liaison' | 'needs-force' | 'failed'
      detail: string
    }

/**
 * Restores a `pg_dump --format=custom` archive into the database: `pg_restore --clean --if-exists
 * --single-transaction`, so the database is either wholly the dump's or unchanged. Checks first that
 * the file is such an archive and of a Liaison database; refuses unless `force` (every app process
 * on the database should be stopped: their caches would not see the swap).
 */
export async function restorePostgres(source: string, url: string, force: boolean): Promise<PgRestoreResult> {
  if (!existsSync(source)) return { ok: false, reason: 'missing', detail: source }
  if (!hasDumpSignature(source)) return { ok: false, reason: 'not-dump', detail: source }
  const list = await runTool('pg_restore', ['--list', source])
  if (list.missing) return { ok: false, reason: 'no-tool', detail: 'pg_restore is not installed here.' }
  if (list.code !== 0) return { ok: false, reason: 'not-dump', detail: `${source}: ${list.stderr}` }
  if (!/ TABLE \S+ job_runs /.test(list.stdout)) return { ok: false, reason: 'not-liaison', detail: source }
  if (!force) return { ok: false, reason: 'needs-force', detail: redactDatabaseUrl(url) }
  const run = await runTool(
    'pg_restore',
    ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--exit-on-error', source],
    url,
  )
  if (run.code !== 0) return { ok: false, reason: 'failed', detail: hidePassword(run.stderr, url) }
  return { ok: true }
}

/** Custom-format archives begin with the five bytes `PGDMP`. */
function hasDumpSignature(path: string): boolean {
  const head = Buffer.alloc(5)
  const fd = openSync(path, 'r')
  try {
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === 'PGDMP'
  } finally {
    closeSync(fd)
  }
}

function hidePassword(text: string, url: string): string {
  const password = decodeURIComponent(new URL(url).password)
  return password ? text.split(password).join('***') : text
}
