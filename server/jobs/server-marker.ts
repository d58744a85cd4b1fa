import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * Each running server leaves a small file in `<database>.servers/` naming its process, so
 * `restore` can tell that a database is in use (see docs/decisions/0005-restore-detects-running-server.md).
 * A file per process, because several servers may share one database.
 */
export const markerDir = (databasePath: string) => `${databasePath}.servers`

export type ServerMarker = {
  pid: number
  host: string
  startedAt: string
  /** false: the process is gone (a crash left the file); 'unknown': on another host. */
  alive: boolean | 'unknown'
}

/** Writes this process's marker; returns a function that removes it (call at shutdown). */
export function markServerRunning(databasePath: string, now: Date): () => void {
  if (databasePath === ':memory:') return () => {}
  const dir = markerDir(databasePath)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${hostname()}-${process.pid}.json`)
  writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now.toISOString() }))
  return () => rmSync(file, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Servers that have marked this database, with whether each one still runs. */
export function runningServers(databasePath: string): ServerMarker[] {
  let names: string[]
  try {
    names = readdirSync(markerDir(databasePath)).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  const here = hostname()
  const out: ServerMarker[] = []
  for (const name of names) {
    try {
      const m = JSON.parse(readFileSync(join(markerDir(databasePath), name), 'utf8'))
      const pid = Number(m.pid)
      const host = String(m.host)
      out.push({
        pid,
        host,
        startedAt: String(m.startedAt),
        alive: host !== here ? 'unknown' : pid === process.pid ? true : isAlive(pid),
      })
    } catch {
      // A half-written or foreign file says nothing about a server.
    }
  }
  return out
}
