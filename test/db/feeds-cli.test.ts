import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDb } from '../../db/client.ts'
import { feedByToken } from '../../db/queries/feeds.ts'
import { seedDemo } from '../../db/seed-demo.ts'
import { COMMANDS } from '../../server/cli.ts'
import { loadConfig } from '../../server/config.ts'

let dir: string
let out: string[]
let err: string[]

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-feed-cli-'))
  const db = openDb(join(dir, 'cli.db'))
  await seedDemo(db, new Date('2026-11-25T02:00:00Z'))
  db.$client.close()
  out = []
  err = []
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
})
afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

const run = (args: string[], flags: Record<string, string | true> = {}, env: Record<string, string> = {}) =>
  COMMANDS['feed-url']!.run(
    args,
    flags,
    loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'cli.db'), ...env }),
  )

const tokenOf = (url: string) => /\/feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1]

describe('npm run cli -- feed-url', () => {
  it('prints a working https and webcal URL, making a link when there is none', async () => {
    expect(await run(['deputy', '1'], {}, { PUBLIC_URL: 'https://liaison.example.org' })).toBe(0)
    expect(out[0]).toMatch(/^https:\/\/liaison\.example\.org\/feeds\/[A-Za-z0-9_-]{43}\.ics$/)
    expect(out[1]).toBe(out[0]!.replace(/^https:/, 'webcal:'))
    const db = openDb(join(dir, 'cli.db'))
    try {
      expect(feedByToken(db, tokenOf(out[0]!)!)?.kind).toBe('deputy')
    } finally {
      db.$client.close()
    }
  })

  it('will not pretend to show an existing link; --rotate replaces it', async () => {
    expect(await run(['station', '1'])).toBe(0)
    const first = tokenOf(out[0]!)!
    expect(err.join('\n')).toContain('PUBLIC_URL is not set')
    expect(await run(['station', '1'])).toBe(1)
    expect(err.join('\n')).toContain('--rotate')
    expect(await run(['station', '1'], { rotate: true })).toBe(0)
    const second = tokenOf(out[2]!)!
    expect(second).not.toBe(first)
    const db = openDb(join(dir, 'cli.db'))
    try {
      expect(feedByToken(db, first)).toBeUndefined()
      expect(feedByToken(db, second)?.kind).toBe('station')
    } finally {
      db.$client.close()
    }
  })

  it('refuses unknown kinds, ids, subjects and languages', async () => {
    expect(await run(['robot', '1'])).toBe(2)
    expect(await run(['deputy', 'x'])).toBe(2)
    expect(await run(['deputy', '999'])).toBe(1)
    expect(await run(['staff', '1'])).toBe(1) // account 1 is the administrator, not staff
    expect(await run(['deputy', '1'], { lang: 'fr' })).toBe(2)
    expect(out).toEqual([])
  })
})
