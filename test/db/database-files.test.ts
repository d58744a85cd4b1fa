import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDb } from '../../db/client.ts'
import { useTempDir } from '../helpers/jobs.ts'

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('the database files', () => {
  it('are created readable by their owner only, and an older, wider file is narrowed when opened', () => {
    const dir = useTempDir()
    const fresh = join(dir, 'data', 'liaison.db')
    const db = openDb(fresh)
    try {
      expect(modeOf(join(dir, 'data'))).toBe(0o700)
      for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) expect(modeOf(f), f).toBe(0o600)
    } finally {
      db.$client.close()
    }

    const older = join(dir, 'older.db')
    openDb(older).$client.close()
    chmodSync(older, 0o644)
    const again = openDb(older)
    try {
      for (const f of [older, `${older}-wal`, `${older}-shm`]) expect(modeOf(f), f).toBe(0o600)
    } finally {
      again.$client.close()
    }
  })

  it('that cannot be opened give one line naming the path, not a stack trace', () => {
    const dir = useTempDir()
    writeFileSync(join(dir, 'a-file'), '')
    mkdirSync(join(dir, 'a-folder.db'))
    writeFileSync(join(dir, 'text.db'), 'these are not the pages of a database, just some text'.repeat(100))
    for (const [path, code] of [
      [join(dir, 'a-file', 'liaison.db'), 'EEXIST'],
      [join(dir, 'a-file', 'data', 'liaison.db'), 'ENOTDIR'],
      [join(dir, 'a-folder.db'), 'EISDIR'],
      [join(dir, 'text.db'), 'SQLITE_NOTADB'],
    ] as const) {
      let error: unknown
      try {
        openDb(path).$client.close()
      } catch (e) {
        error = e
      }
      expect(error, path).toBeInstanceOf(DatabaseOpenError)
      const message = (error as Error).message
      expect(message.split('\n')).toHaveLength(1)
      expect(message).toMatch(new RegExp(`^Cannot open the database ${path}: .*\\(${code}`))
    }
  })
})
