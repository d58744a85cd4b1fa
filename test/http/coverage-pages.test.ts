import { describe, expect, it } from 'vitest'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

describe('coverage pages', () => {
  it('shows an administrator every district, the chart with its table and the definitions', async () => {
    const t = await makeTestApp()
    const admin = await t.client().login(...DEMO.admin)
    const res = await admin.get('/coverage')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="coverage-places"')
    expect(html).toContain('id="coverage-chart"')
    expect(html).toContain('id="coverage-chart-table"')
    expect(html).toContain('“联系”是记录在案的事件')
    const grid = await admin.get('/coverage/grid?street=1&from=2026-09-01&to=2026-11-30')
    expect(grid.status).toBe(200)
    const g = await grid.text()
    expect(g).toContain('2026-09')
    expect(g).toContain('2026-11')
    expect((await admin.get('/coverage/deputy/1?lang=en')).status).toBe(200)
  })

  it('keeps a deputy to their own figures', async () => {
    const t = await makeTestApp()
    const deputy = await t.client().login(...DEMO.deputy)
    const home = await deputy.get('/coverage')
    expect(home.status).toBe(200)
    const other = await addAccount(t, { username: 'other-dep', role: 'deputy', deputyId: 2 })
    const c = await t.client().login(other.username, other.password)
    expect((await c.get('/coverage/deputy/1')).status).toBe(403)
    expect((await c.get('/coverage/deputy/2')).status).toBe(200)
  })

  it('refuses a nonsense period with a localised 422', async () => {
    const t = await makeTestApp()
    const admin = await t.client().login(...DEMO.admin)
    const res = await admin.get('/coverage?from=2026-12-31&to=2026-01-01')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('时间段无效')
  })
})
