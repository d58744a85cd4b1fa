import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * `npm start` as the README gives it: compiles the server (decision 0018) and runs it on a new
 * database file, which must get the migrations, the demo data and the static files, all found
 * from the compiled file's place.
 */
describe('npm start (compiled server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-start-'))
  let child: ChildProcess
  let output = ''
  let base = ''

  beforeAll(async () => {
    child = spawn('npm', ['start'], {
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_PATH: join(dir, 'liaison.db'),
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    base = await new Promise<string>((resolve, reject) => {
      const seen = (d: Buffer) => {
        output += d
        const m = output.match(/Liaison is running on (http:\/\/\S+)/)
        if (m && output.includes('Press Ctrl+C')) resolve(m[1]!)
      }
      child.stdout!.on('data', seen)
      child.stderr!.on('data', seen)
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)))
    })
  }, 60_000)

  afterAll(() => {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints the kiosk and staff URLs and the demo log-ins', () => {
    expect(output).toMatch(/Staff and admin log-in: http:\/\/\S+\/login/)
    expect(output).toMatch(
      /Kiosk \(pairs this browser as the demo kiosk of .+\): http:\/\/\S+\/kiosk\/pair\?code=/,
    )
    expect(output).toMatch(/Demo log-in \(admin\): \S+ \/ \S+/)
  })

  it('serves pages and the static files', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    const login = await fetch(`${base}/login`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('<!DOCTYPE html>')
    for (const file of ['app.css', 'kiosk.css', 'htmx.min.js', 'idle.js']) {
      expect((await fetch(`${base}/static/${file}`)).status, file).toBe(200)
    }
  })

  it('pairs the demo kiosk from the printed link and shows its start screen', async () => {
    const pair = output.match(/(\/kiosk\/pair\?code=\S+)/)![1]!
    const paired = await fetch(base + pair, { redirect: 'manual' })
    expect(paired.status).toBe(303)
    const cookie = paired.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const start = await fetch(`${base}/kiosk`, { headers: { cookie } })
    expect(start.status).toBe(200)
    expect(await start.text()).toContain('id="kiosk-actions"')
  })
})
