import { openDb } from '../../db/client.ts'
import { insertAccount } from '../../db/queries/accounts.ts'
import type { Role } from '../../db/schema.ts'
import { seedDemo } from '../../db/seed-demo.ts'
import { createApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import type { AppDeps } from '../../server/deps.ts'
import { fixedClock } from '../../server/domain/clock.ts'
import { hashPassword } from '../../server/domain/secrets.ts'
import { createLogger } from '../../server/logger.ts'

/** Wednesday 2026-11-25 10:00 in Shanghai. */
export const TEST_NOW = '2026-11-25T02:00:00.000Z'

export type TestAppOptions = {
  now?: string
  demo?: boolean
  env?: Record<string, string>
  /** Sees every SQL statement the database runs (better-sqlite3's verbose hook). */
  onSql?: (sql: string) => void
}

/** The real app on a private in-memory database with a clock that moves only when told. */
export async function makeTestApp(opts: TestAppOptions = {}) {
  const clock = fixedClock(opts.now ?? TEST_NOW)
  const db = openDb(':memory:', opts.onSql ? { onSql: opts.onSql } : {})
  const config = loadConfig({ LOG_LEVEL: 'silent', ...opts.env })
  const deps: AppDeps = { db, clock, config, logger: createLogger('silent') }
  if (opts.demo !== false) await seedDemo(db, clock.now())
  const app = createApp(deps)
  return { app, deps, db, clock, client: (opts?: ClientOptions) => new TestClient(app, opts) }
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>

const hashCache = new Map<string, Promise<string>>()
/** Hashing is slow on purpose; tests reuse hashes of the same password. */
export const cachedHash = (pw: string) => {
  const h = hashCache.get(pw) ?? hashPassword(pw)
  hashCache.set(pw, h)
  return h
}

export async function addAccount(
  t: TestApp,
  a: {
    username: string
    role: Role
    password?: string
    stationIds?: number[]
    deputyId?: number | null
    streetOffice?: boolean
  },
) {
  const password = a.password ?? 'correct horse battery'
  const id = insertAccount(
    t.db,
    { ...a, displayName: a.username, passwordHash: await cachedHash(password) },
    t.clock.now(),
  )
  return { id, username: a.username, password }
}

type Fetchable = {
  request: (input: string, init?: RequestInit, env?: unknown) => Response | Promise<Response>
}

/**
 * `peer`: the socket address the request seems to come from (as the Node adapter reports it);
 * `origin`: the scheme and host the client asks for (default http://localhost); `headers`: sent
 * with every request (a reverse proxy's X-Forwarded-*).
 */
export type ClientOptions = { peer?: string; origin?: string; headers?: Record<string, string> }

/**
 * A browser-like client over app.request(): keeps cookies, sends the CSRF token the way our
 * pages do, and can log in.
 */
export class TestClient {
  readonly cookies = new Map<string, string>()
  readonly #origin: string
  readonly #env: unknown
  readonly #headers: Record<string, string>
  constructor(
    private readonly app: Fetchable,
    opts: ClientOptions = {},
  ) {
    this.#origin = opts.origin ?? 'http://localhost'
    this.#headers = opts.headers ?? {}
    this.#env = opts.peer ? { incoming: { socket: { remoteAddress: opts.peer } } } : undefined
  }

  /** The CSRF token cookie, under its plain or its `__Host-` name. */
  get csrf(): string | undefined {
    return this.cookies.get('csrf') ?? this.cookies.get('__Host-csrf')
  }

  async request(path: string, init: RequestInit & { htmx?: boolean } = {}) {
    const headers = new Headers(init.headers)
    for (const [k, v] of Object.entries(this.#headers)) if (!headers.has(k)) headers.set(k, v)
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    if (init.htmx) headers.set('hx-request', 'true')
    const res = await this.app.request(
      `${this.#origin}${path}`,
      { ...init, headers, redirect: 'manual' },
      this.#env,
    )
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => /max-age=0\b/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return res
  }

  get(path: string, init: RequestInit & { htmx?: boolean } = {}) {
    return this.request(path, { ...init, method: 'GET' })
  }

  /**
   * Fetches a page first when needed so a CSRF cookie exists, then posts a form with its token.
   * A field given as undefined is left out, as a browser leaves out an unticked checkbox.
   */
  async post(
    path: string,
    form: Record<string, string | string[] | undefined> = {},
    opts: { htmx?: boolean; csrf?: boolean } = {},
  ) {
    if (!this.csrf) await this.get('/login')
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form))
      for (const item of v === undefined ? [] : Array.isArray(v) ? v : [v]) body.append(k, item)
    if (opts.csrf !== false && !('_csrf' in form)) body.set('_csrf', this.csrf ?? '')
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      htmx: opts.htmx,
    })
  }

  async postMultipart(path: string, form: FormData) {
    if (!this.csrf) await this.get('/login')
    form.set('_csrf', this.csrf ?? '')
    return this.request(path, { method: 'POST', body: form })
  }

  async login(username: string, password: string) {
    const res = await this.post('/login', { username, password, next: '/' })
    if (res.status !== 303) throw new Error(`login as ${username} failed with ${res.status}`)
    return this
  }
}

/** Log-ins that the demo seed creates. */
export const DEMO = {
  admin: ['admin', 'liaison-admin'],
  staff: ['clerk', 'liaison-clerk'],
  deputy: ['deputy', 'liaison-deputy'],
} as const
