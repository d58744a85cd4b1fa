import { describe, expect, it } from 'vitest'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

/** The demo street: deputies 1–7 live at station A (陈建国 first), 8–11 at station B (周桂兰 first). */
const OF_A = ['陈建国', '赵明']
const OF_B = ['周桂兰', '孙立新']
const STREET = '/records/streets/1?from=2026-11-01&to=2026-11-30'
const CSV = '/records/export.csv?scope=street&id=1&from=2026-11-01&to=2026-11-30'

describe('street-level records', () => {
  it('show a station’s clerk only the deputies of their own stations, page and export', async () => {
    const t = await makeTestApp()
    const clerkA = await t.client().login(...DEMO.staff)
    const b = await addAccount(t, { username: 'clerk-b', role: 'staff', stationIds: [2] })
    const clerkB = await t.client().login(b.username, b.password)
    for (const [client, mine, theirs] of [
      [clerkA, OF_A, OF_B],
      [clerkB, OF_B, OF_A],
    ] as const) {
      const page = await client.get(STREET)
      expect(page.status).toBe(200)
      const html = await page.text()
      const csv = await (await client.get(CSV)).text()
      for (const name of mine) {
        expect(html).toContain(name)
        expect(csv).toContain(name)
      }
      for (const name of theirs) {
        expect(html).not.toContain(name)
        expect(csv).not.toContain(name)
      }
      // The street's own total row is still there.
      expect(csv).toMatch(/^street,1,/m)
    }
  })

  it('show an administrator every deputy, and keep deputies to their own record', async () => {
    const t = await makeTestApp()
    const admin = await t.client().login(...DEMO.admin)
    const csv = await (await admin.get(CSV)).text()
    for (const name of [...OF_A, ...OF_B]) expect(csv).toContain(name)
    expect(csv.split('\r\n').filter((l) => l.startsWith('deputy,'))).toHaveLength(11)
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get(STREET)).status).toBe(403)
    expect((await deputy.get(CSV)).status).toBe(403)
    expect((await deputy.get('/records/deputies/1')).status).toBe(200)
    expect((await deputy.get('/records/deputies/8')).status).toBe(403)
  })

  it('refuse a clerk a street where none of their stations is', async () => {
    const t = await makeTestApp()
    const nowhere = await addAccount(t, { username: 'clerk-none', role: 'staff', stationIds: [] })
    const client = await t.client().login(nowhere.username, nowhere.password)
    expect((await client.get(STREET)).status).toBe(403)
  })
})
