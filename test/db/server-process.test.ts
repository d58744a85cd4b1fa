import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../server/build.ts'

const dir = mkdtempSync(join(tmpdir(), 'liaison-proc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// What `npm start` runs: the server compiled into dist/server.mjs (decision 0018), so a file it
// reads from disk that is only found from the source tree fails here.
let bundle: string
beforeAll(async () => {
  bundle = await buildServer()
}, 60_000)

/** Starts `npm start`'s command as a real process and waits for its banner. */
function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  child.stderr.on('data', (d) => {
    err += d
  })
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Press Ctrl+C')) {
        clearInterval(timer)
        resolve(out)
      }
    }, 50)
    child.on('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`exited ${code}: ${err}`))
    })
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, ready, exited, stderr: () => err }
}

const stop = (child: ChildProcess) => child.kill('SIGTERM')

describe('the server process', () => {
  it('starts on an empty database with demo data, prints working URLs and log-ins, and stops cleanly', async () => {
    const p = startProcess({ DATABASE_PATH: join(dir, 'demo.db') })
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

    stop(p.child)
    expect(await p.exited).toBe(0)
  }, 60_000)

  it('refuses to start with a bad setting and says which', async () => {
    const p = startProcess({ DATABASE_PATH: join(dir, 'x.db'), PORT: 'eighty' })
    await expect(p.ready).rejects.toThrow(/PORT="eighty"/)
    expect(await p.exited).toBe(2)
  }, 30_000)

  it('keeps the demo data across a restart and does not seed twice', async () => {
    const path = join(dir, 'restart.db')
    for (let i = 0; i < 2; i++) {
      const p = startProcess({ DATABASE_PATH: path })
      await p.ready
      stop(p.child)
      expect(await p.exited).toBe(0)
    }
    const { default: Database } = await import('better-sqlite3')
    const db = new Database(path, { readonly: true })
    expect(db.prepare('select count(*) n from deputies').get()).toEqual({ n: 11 })
    db.close()
  }, 60_000)
})
