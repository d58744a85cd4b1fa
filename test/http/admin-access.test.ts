import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { stations } from '../../db/schema.ts'
import { tryUnique } from '../../server/routes/admin/shared.ts'
import { admin as adminMessages } from '../../views/i18n/messages/admin.ts'
import { adminSession, rowCounts } from '../helpers/admin.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

const AREAS = ['stations', 'districts', 'deputies', 'accounts', 'units', 'topics', 'closures', 'kiosks']

describe('admin: index and access', () => {
  it('links every area from the admin index', async () => {
    const { admin } = await adminSession()
    const res = await admin.get('/admin')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="admin-areas"')
    for (const area of AREAS) {
      expect(html).toContain(`href="/admin/${area}"`)
      expect((await admin.get(`/admin/${area}`)).status, area).toBe(200)
      expect((await admin.get(`/admin/${area}/new`)).status, area).toBe(200)
    }
  })

  it('renders each area in Traditional Chinese and English too', async () => {
    for (const lang of ['zh-Hant', 'en'] as const) {
      const { admin } = await adminSession({ lang })
      const html = await (await admin.get('/admin')).text()
      expect(html).toContain(lang === 'en' ? 'Handling units' : '承辦單位')
    }
  })

  it('refuses staff and deputies with 403, for pages and for changes, and writes nothing', async () => {
    const t = await makeTestApp()
    for (const login of [DEMO.staff, DEMO.deputy]) {
      const c = await t.client().login(login[0], login[1])
      const before = rowCounts(t)
      for (const area of AREAS) expect((await c.get(`/admin/${area}`)).status, area).toBe(403)
      expect((await c.post('/admin/stations', { code: 'Z', nameZhHans: 'x', timeZone: 'UTC' })).status).toBe(
        403,
      )
      expect((await c.post('/admin/accounts', { username: 'evil', role: 'admin' })).status).toBe(403)
      expect((await c.post('/admin/kiosks/1/pairing-code')).status).toBe(403)
      expect((await c.post('/admin/closures/1/delete')).status).toBe(403)
      expect(rowCounts(t)).toEqual(before)
    }
  })

  it('refuses a change without the CSRF token', async () => {
    const { t, admin } = await adminSession()
    const before = rowCounts(t)
    const res = await admin.post(
      '/admin/topics',
      { nameZhHans: 'x', nameZhHant: 'x', nameEn: 'x' },
      { csrf: false },
    )
    expect(res.status).toBe(403)
    expect(rowCounts(t)).toEqual(before)
  })

  it('turns a unique-index violation into a value, and lets other errors through', async () => {
    const t = await makeTestApp()
    const a = t.db.select().from(stations).get()!
    const now = t.clock.now()
    const clash = tryUnique(() =>
      t.db
        .insert(stations)
        .values({ ...a, id: undefined, createdAt: now, updatedAt: now })
        .run(),
    )
    expect(clash).toEqual({ ok: false, columns: 'stations.code' })
    expect(() =>
      tryUnique(() => {
        throw new Error('disk on fire')
      }),
    ).toThrow('disk on fire')
  })
})

describe('admin messages', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      if (statSync(p).isDirectory()) return sources(p)
      return /\.tsx?$/.test(f) && !p.includes(join('i18n', 'messages')) ? [p] : []
    })

  it('uses every admin message key literally somewhere in the code', () => {
    const code = [...sources('server'), ...sources('views')].map((p) => readFileSync(p, 'utf8')).join('\n')
    const unused = Object.keys(adminMessages).filter(
      (k) => !code.includes(`'${k}'`) && !code.includes(`"${k}"`),
    )
    expect(unused).toEqual([])
  })

  it('has all three languages for every admin message, Chinese columns without English words', () => {
    for (const [key, [hans, hant, en]] of Object.entries(adminMessages)) {
      expect(hans && hant && en, key).toBeTruthy()
      const allowed =
        /\{\w+\}|CSV|UTF-8|BOM|GBK|IANA|KB|Asia\/Shanghai|station_code|station_closed|holiday|workday|date|kind|name/g
      const strip = (s: string) => s.replace(allowed, '')
      expect(strip(hans), key).not.toMatch(/[a-z]{3,}/i)
      expect(strip(hant), key).not.toMatch(/[a-z]{3,}/i)
    }
  })
})
