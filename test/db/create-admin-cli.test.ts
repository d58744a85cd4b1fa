import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { findAccountByUsername } from '../../db/queries/accounts.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-create-admin-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `npm run cli -- create-admin <name> --password-stdin` as an operator would, with `password` piped in. */
const createAdmin = (name: string, password: string) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', 'create-admin', name, '--password-stdin'],
    {
      input: `${password}\n`,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
    },
  )

describe('npm run cli -- create-admin --password-stdin', () => {
  it('holds the password to the same rules as the forms, and creates the account with a good one', () => {
    const weak = createAdmin('root2', 'woaini1314520')
    expect(weak.status).toBe(2)
    expect(weak.stderr).toContain('This is a common password that is easy to guess.')
    const good = createAdmin('root2', 'a long phrase nobody guesses')
    expect(good.stderr).toBe('')
    expect(good.status).toBe(0)
    const db = openDb(join(dir, 'cli.db'))
    try {
      expect(findAccountByUsername(db, 'root2')).toMatchObject({ role: 'admin', mustChangePassword: false })
    } finally {
      db.$client.close()
    }
  })
})
