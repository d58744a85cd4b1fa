import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { LIAISON_TABLE_NAMES } from '../../db/table-names.ts'
import { accessFor } from '../../server/access-policy.ts'
import { BODY_LIMITS } from '../../server/middleware/body-limit.ts'
import { MAX_FORM_FIELDS } from '../../server/middleware/form-body.ts'
import { TEST_POSTGRES_URL } from '../helpers/postgres.ts'
import { kioskClient } from '../helpers/queue.ts'
import { concretePath } from '../helpers/routes.ts'
import { addAccount, makeTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts'

/**
 * Every state-changing route × about thirty malformed requests, each sent as the caller the route
 * is for (an administrator, a paired kiosk, or nobody for public routes): no answer may be a 5xx,
 * and no refusal (4xx) may leave any row changed.
 */

/**
 * Tables a refused request may still write: a sign-in session (the fuzzing administrator's own, and
 * its last-seen time). Every other table must be exactly as it was after any 4xx, except the audit
 * entry a failed log-in writes on purpose (ROWS_A_REFUSAL_MAY_ADD).
 */
const MAY_CHANGE_ON_REFUSAL = new Set(['auth_sessions'])
const ROWS_A_REFUSAL_MAY_ADD: Record<string, string> = { audit_log: "action <> 'auth.login_failed'" }

type Form = Record<string, string>
type Body = { body: BodyInit; type?: string; headerToken?: boolean }
type Variant = { name: string; make: (base: Form) => Body }

const urlencoded = (form: Form | [string, string][]) => ({
  body: new URLSearchParams(form).toString(),
  type: 'application/x-www-form-urlencoded',
})
const every = (base: Form, value: string): Form =>
  Object.fromEntries(Object.entries(base).map(([k]) => [k, value]))
const each = (base: Form, change: (v: string) => string): Form =>
  Object.fromEntries(Object.entries(base).map(([k, v]) => [k, change(v)]))
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))

/** Values any field may be given, each sent in every field of the form at once. */
const VALUES: [string, string][] = [
  ['empty', ''],
  ['spaces', '   '],
  ['huge', 'x'.repeat(4000)],
  ['huge CJK', '名'.repeat(1500)],
  ['control characters', 'a\u0000b\u001b[31mc\u007f\u0085\u202Ed\u2066e\uFEFF'],
  ['only control characters', '\u0000\u001b\u202E'],
  ['hex number', '0x1f'],
  ['exponent', '1e1'],
  ['padded number', ' 12'],
  ['leading zero', '012'],
  ['signed', '+3'],
  ['negative', '-1'],
  ['huge number', '99999999999999999999999'],
  ['not a number', 'NaN'],
  ['far past date', '0001-01-01'],
  ['far future date', '9999-12-31'],
  ['five-digit year', '99999-01-01'],
  ['impossible date', '2026-02-30'],
  ['five-digit month', '99999-01'],
  ['bad time', '25:61'],
  ['person key', 'account:99999999'],
]

const VARIANTS: Variant[] = [
  { name: 'no fields', make: () => urlencoded({}) },
  { name: 'the page’s own form', make: (base) => urlencoded(base) },
  ...VALUES.map(([name, value]): Variant => ({ name, make: (base) => urlencoded(every(base, value)) })),
  { name: 'controls around real values', make: (base) => urlencoded(each(base, (v) => `\u202E${v}\u0000`)) },
  {
    name: 'each field twice',
    make: (base) =>
      urlencoded(Object.entries(base).flatMap(([k, v]) => [[k, v] as [string, string], [k, 'x']])),
  },
  {
    name: 'arrays where scalars are expected',
    make: (base) => urlencoded(Object.entries(base).map(([k, v]) => [`${k}[]`, v] as [string, string])),
  },
  {
    name: 'invalid UTF-8 bytes',
    make: (base) => ({
      body: bytes(new URLSearchParams(base).toString(), '&x=', [0xff, 0xfe, 0xc3]),
      type: 'application/x-www-form-urlencoded',
    }),
  },
  { name: 'one value of 1.5 MB', make: (base) => urlencoded({ ...base, name: 'x'.repeat(1_500_000) }) },
  {
    name: 'invalid percent-encoded UTF-8 (raw)',
    make: (base) => ({
      body: `${new URLSearchParams(base).toString()}&name=%FF&description=%ED%A0%80`,
      type: 'application/x-www-form-urlencoded',
    }),
  },
  {
    name: 'broken multipart with the header token',
    make: () => ({ body: 'garbage', type: 'multipart/form-data; boundary=x', headerToken: true }),
  },
  {
    name: 'multipart without a boundary',
    make: (base) => ({
      body: new URLSearchParams(base).toString(),
      type: 'multipart/form-data',
      headerToken: true,
    }),
  },
  {
    name: 'the form as multipart',
    make: (base) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(base)) form.append(k, v)
      return { body: form, headerToken: true }
    },
  },
  {
    name: 'JSON with the header token',
    make: (base) => ({ body: JSON.stringify(base), type: 'application/json', headerToken: true }),
  },
  {
    name: 'text with the header token',
    make: (base) => ({ body: new URLSearchParams(base).toString(), type: 'text/plain', headerToken: true }),
  },
  {
    name: 'too many fields',
    make: () =>
      urlencoded(Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => [`f${i}`, '1'] as [string, string])),
  },
  {
    name: 'larger than an anonymous caller may send',
    make: (base) => urlencoded({ ...base, pad: 'x'.repeat(BODY_LIMITS.anonymous) }),
  },
]

/** Rows in an order both engines give alike (neither promises one without ORDER BY). */
const sortedRows = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort()

/** Each table's rows, hashed; rows are read whole, so an update in place shows too. */
function fingerprint(t: TestApp): Map<string, string> {
  const db = t.db.$client
  const tables = LIAISON_TABLE_NAMES.filter((table) => !MAY_CHANGE_ON_REFUSAL.has(table))
  const where = (table: string) =>
    ROWS_A_REFUSAL_MAY_ADD[table] ? `WHERE ${ROWS_A_REFUSAL_MAY_ADD[table]}` : ''
  const out = new Map<string, string>()
  if (TEST_POSTGRES_URL) {
    // One round trip, hashed by PostgreSQL: thousands of fingerprints stay within the timeout.
    const sql = tables
      .map(
        (table) =>
          `select '${table}', (select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from "${table}" r ${where(table)})`,
      )
      .join(' union all ')
    for (const [table, hash] of db.prepare(sql).raw().all() as [string, string][]) out.set(table, hash)
    return out
  }
  for (const table of tables) {
    const rows = db
      .prepare(`SELECT * FROM "${table}" ${where(table)}`)
      .raw()
      .all()
    out.set(
      table,
      createHash('sha1')
        .update(JSON.stringify(sortedRows(rows)))
        .digest('hex'),
    )
  }
  return out
}

const changedTables = (a: Map<string, string>, b: Map<string, string>) =>
  [...b].filter(([table, hash]) => a.get(table) !== hash).map(([table]) => table)

const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The POST forms of an HTML page by action path, with the values the page fills in. */
function formsOf(html: string): Map<string, Form> {
  const out = new Map<string, Form>()
  for (const [, attrs = '', inner = ''] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = /\baction="([^"]*)"/.exec(attrs)?.[1]
    if (!action || !/\bmethod="post"/i.test(attrs)) continue
    const form: Form = {}
    for (const [tag = ''] of inner.matchAll(/<input\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(tag)?.[1]
      if (!name || name === '_csrf') continue
      const type = /\btype="([^"]*)"/.exec(tag)?.[1]
      if ((type === 'checkbox' || type === 'radio') && form[name] !== undefined) continue
      form[name] = decodeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? '')
    }
    for (const [, name = '', text = ''] of inner.matchAll(
      /<textarea\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g,
    ))
      form[name] = decodeHtml(text)
    for (const [, name = '', options = ''] of inner.matchAll(
      /<select\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g,
    ))
      form[name] = decodeHtml(/<option\b[^>]*\bvalue="([^"]*)"/.exec(options)?.[1] ?? '')
    out.set(decodeHtml(action).split('?')[0]!, form)
  }
  return out
}

type Caller = { client: TestClient; name: string }

describe('every POST route under malformed input', () => {
  it('never answers 5xx, and a refusal changes no row', {
    timeout: TEST_POSTGRES_URL ? 600_000 : 240_000,
  }, async () => {
    const t = await makeTestApp({ env: { RATE_LIMIT_MULTIPLIER: '1000000' } })
    // An administrator of its own, so that fuzzing the demo accounts (id 1) cannot lock it out.
    const fuzzer = await addAccount(t, { username: 'fuzzer', role: 'admin' })
    const admin = await t.client().login(fuzzer.username, fuzzer.password)
    const kiosk = await kioskClient(t)
    const callers = {
      public: { client: t.client(), name: 'anonymous' },
      kiosk: { client: kiosk, name: 'kiosk' },
      staff: { client: admin, name: 'admin' },
    } satisfies Record<string, Caller>
    await callers.public.client.get('/login')

    // The forms the app's own pages offer give each route realistic field names and values.
    const forms = new Map<string, Form>()
    const gets = t.app.routes.filter((r) => r.method === 'GET')
    for (const r of gets) {
      const path = concretePath(r.path)
      const access = accessFor(path)
      const caller = access === 'public' ? callers.public : access === 'kiosk' ? callers.kiosk : callers.staff
      const res = await caller.client.get(path)
      if (!res.headers.get('content-type')?.includes('text/html')) continue
      for (const [action, form] of formsOf(await res.text())) if (!forms.has(action)) forms.set(action, form)
    }
    const everyField: Form = Object.assign({}, ...forms.values())

    const posts = t.app.routes.filter((r) => r.method === 'POST' && r.path !== '/logout')
    expect(posts.length).toBeGreaterThan(50)
    const failures: string[] = []
    let sent = 0
    let before = fingerprint(t)
    for (const r of posts) {
      const path = concretePath(r.path)
      const access = accessFor(path)
      const caller = access === 'public' ? callers.public : access === 'kiosk' ? callers.kiosk : callers.staff
      const base = forms.get(path) ?? everyField
      for (const variant of VARIANTS) {
        const { body, type, headerToken } = variant.make(base)
        const token = caller.client.cookies.get('csrf') ?? ''
        const headers: Record<string, string> = {}
        if (type) headers['content-type'] = type
        if (headerToken) headers['x-csrf-token'] = token
        const withToken =
          headerToken || typeof body !== 'string'
            ? body
            : body === ''
              ? `_csrf=${token}`
              : `${body}&_csrf=${token}`
        const finalBody =
          body instanceof Buffer ? Buffer.concat([body, Buffer.from(`&_csrf=${token}`)]) : withToken
        const res = await caller.client.request(path, { method: 'POST', body: finalBody, headers })
        sent++
        const after = fingerprint(t)
        const label = `${caller.name} POST ${r.path} [${variant.name}] → ${res.status}`
        if (res.status >= 500) failures.push(label)
        else if (res.status >= 400) {
          const changed = changedTables(before, after)
          if (changed.length > 0) failures.push(`${label} changed ${changed.join(', ')}`)
        }
        before = after
      }
    }
    expect(sent).toBeGreaterThan(posts.length * 25)
    expect(failures).toEqual([])
  })
})

describe('dates and ids in query strings and paths', () => {
  it('refuses months, quarters and dates outside four-digit years with a message, and answers far ones', async () => {
    const t = await makeTestApp()
    const fuzzer = await addAccount(t, { username: 'fuzzer', role: 'admin' })
    const admin = await t.client().login(fuzzer.username, fuzzer.password)
    const roster = '/staff/stations/1/roster'
    for (const path of [
      `${roster}?month=0001-01`,
      `${roster}?month=99999-01`,
      `${roster}?month=9999-12`,
      `${roster}/fairness?quarter=0001-Q1`,
      `${roster}/fairness?quarter=2026-Q5`,
      `${roster}/overrides?from=0001-01-01`,
      `${roster}/overrides?from=2026-02-30`,
      '/staff/stations/1/concerns?view=month&month=0001-01',
    ]) {
      const res = await admin.get(path)
      expect(res.status, path).toBe(400)
      expect(await res.text(), path).toMatch(/有效/)
    }
    for (const path of [
      `${roster}?month=9000-03`,
      `${roster}/fairness?quarter=9000-Q1`,
      `${roster}?month=1000-01`,
    ])
      expect((await admin.get(path)).status, path).toBe(200)
    expect((await admin.get('/records/stations/1?from=0001-01-01&to=0001-02-01')).status).toBeLessThan(500)
    expect((await t.client().get('/reports/stations/1/0001-01')).status).toBe(404)
  })

  it('never answers 5xx to a GET route with bad ids in its path or bad values in its query', {
    timeout: 120_000,
  }, async () => {
    const t = await makeTestApp({ env: { RATE_LIMIT_MULTIPLIER: '1000000' } })
    const fuzzer = await addAccount(t, { username: 'fuzzer', role: 'admin' })
    const callers = {
      public: t.client(),
      kiosk: await kioskClient(t),
      staff: await t.client().login(fuzzer.username, fuzzer.password),
    }
    const names = [
      'month',
      'from',
      'to',
      'date',
      'quarter',
      'year',
      'id',
      'session',
      'slot',
      'topic',
      'who',
      'layer',
      'code',
      'scope',
    ]
    const values = [
      '0001-01-01',
      '99999-01',
      '9999-12-31',
      '2026-Q9',
      '0x1f',
      '-1',
      '%FF',
      '%00%1B',
      'x'.repeat(3000),
    ]
    const failures: string[] = []
    for (const r of t.app.routes.filter((r) => r.method === 'GET')) {
      for (const id of ['1', '01', '99999999999999999999']) {
        const path = r.path.replace(/:\w+(\{[^}]*\})?/g, id).replace(/\*/g, 'x')
        const access = accessFor(path)
        const client =
          access === 'public' ? callers.public : access === 'kiosk' ? callers.kiosk : callers.staff
        for (const value of values) {
          const query = names.map((n) => `${n}=${value}`).join('&')
          const res = await client.get(`${path}?view=month&${query}`)
          if (res.status >= 500) failures.push(`GET ${path} [${value.slice(0, 12)}] → ${res.status}`)
          await res.body?.cancel()
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('reads no id written loosely', async () => {
    const t = await makeTestApp()
    const fuzzer = await addAccount(t, { username: 'fuzzer', role: 'admin' })
    const admin = await t.client().login(fuzzer.username, fuzzer.password)
    expect((await admin.get('/admin/stations/1')).status).toBe(200)
    for (const id of ['01', '001', '1e0', '0x1', '+1', '%201'])
      expect((await admin.get(`/admin/stations/${id}`)).status, id).toBe(404)
  })
})
