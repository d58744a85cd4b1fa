import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.ts'
import { insertAccount } from '../../db/queries/accounts.ts'
import { buildServer } from '../../server/build.ts'
import { hashPassword } from '../../server/domain/secrets.ts'
import { BODY_LIMITS } from '../../server/middleware/body-limit.ts'
import { startServerProcess } from '../helpers/server-process.ts'

/**
 * Item 4 of issue 19 on the real server: large posts cost nobody's time. How long /healthz takes
 * under six of them is measured by the benchmark (`npm run bench`); here, what the server does.
 */
const dir = mkdtempSync(join(tmpdir(), 'liaison-limits-'))
const PASSWORD = 'a long enough test password'
let server: ReturnType<typeof startServerProcess>
let origin: string

beforeAll(async () => {
  const path = join(dir, 'limits.db')
  const db = openDb(path)
  insertAccount(
    db,
    { username: 'boss', displayName: 'Boss', role: 'admin', passwordHash: await hashPassword(PASSWORD) },
    new Date(),
  )
  db.$client.close()
  server = startServerProcess(await buildServer(), {
    DATABASE_PATH: path,
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
  })
  origin = await server.origin()
}, 90_000)

afterAll(async () => {
  server?.child.kill('SIGTERM')
  await server?.exited
  rmSync(dir, { recursive: true, force: true })
})

/** 150,000 fields in 1.5 MB, as the review sent them. */
const MANY_FIELDS = Array.from({ length: 150_000 }, (_, i) => `f${i}=xx`).join('&')

/**
 * Sends a request's head with a declared body of `length` bytes but only its first KB, and gives
 * the status line of the server's answer: an answer here was given without the body.
 */
function answerBeforeBody(path: string, length: number, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(origin)
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const head = Object.entries({
        host: `${hostname}:${port}`,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(length),
        ...headers,
      })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')
      socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n${'a'.repeat(1024)}`)
    })
    let got = ''
    socket.on('data', (d) => {
      got += d
    })
    // The server closes the connection after its answer (the Node adapter waits at most 500 ms for
    // the rest of a body nobody read).
    socket.on('end', () => {
      socket.destroy()
      resolve(got.split('\r\n')[0]!)
    })
    socket.on('error', reject)
    socket.setTimeout(20_000, () => {
      socket.destroy()
      reject(new Error(`no answer and close before the body to POST ${path}: ${got}`))
    })
  })
}

async function signIn() {
  const page = await fetch(`${origin}/login`)
  const csrf = /csrf=([^;]+)/.exec(page.headers.getSetCookie().join('; '))![1]!
  const res = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `csrf=${csrf}` },
    body: new URLSearchParams({ username: 'boss', password: PASSWORD, _csrf: csrf }),
  })
  expect(res.status).toBe(303)
  const sid = /sid=([^;]+)/.exec(res.headers.getSetCookie().join('; '))![1]!
  return { csrf, cookie: `csrf=${csrf}; sid=${sid}` }
}

describe('large posts against the running server', () => {
  it('refuses six parallel anonymous 1.5 MB posts with 413 before reading them, and stays up', async () => {
    expect(MANY_FIELDS.length).toBeGreaterThan(1_400_000)
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => answerBeforeBody('/login', MANY_FIELDS.length)),
    )
    expect(answers).toEqual(Array(6).fill('HTTP/1.1 413 Payload Too Large'))
    // Just over the anonymous limit is refused the same way; a log-in-sized form is not.
    expect(await answerBeforeBody('/kiosk/pair', BODY_LIMITS.anonymous + 1)).toMatch(/ 413 /)
    expect((await fetch(`${origin}/healthz`)).status).toBe(200)
  }, 60_000)

  it('refuses a signed-in account’s 150,000-field post for its field count, and a body over 2 MB before reading it', async () => {
    const { csrf, cookie } = await signIn()
    const posts = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${origin}/admin/stations`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: `${MANY_FIELDS}&_csrf=${csrf}`,
        }),
      ),
    )
    for (const res of posts) {
      expect(res.status).toBe(413)
      expect(await res.text()).toContain('提交的栏目太多')
    }
    expect(await answerBeforeBody('/admin/stations', BODY_LIMITS.signedIn + 1, { cookie })).toMatch(/ 413 /)
    expect((await fetch(`${origin}/healthz`)).status).toBe(200)
  }, 60_000)
})
