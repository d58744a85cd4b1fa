import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { accounts, auditLog, authSessions } from '../../db/schema.ts'
import { verifyPassword } from '../../server/domain/secrets.ts'
import { addAccount, DEMO, makeTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts'

const OLD = 'correct horse battery'
const NEW = 'a river runs through it'

async function withStaff() {
  const t = await makeTestApp()
  const wang = await addAccount(t, { username: 'wang', role: 'staff', stationIds: [1] })
  return { t, wang }
}

const rowOf = (t: TestApp, id: number) => t.db.select().from(accounts).where(eq(accounts.id, id)).get()!
const change = (c: TestClient, form: Record<string, string>) => c.post('/me/password', form)

describe('changing one’s own password', () => {
  it('shows the page in all three languages with the rules', async () => {
    const { t, wang } = await withStaff()
    const c = await t.client().login(wang.username, wang.password)
    const expected = {
      'zh-Hans': '至少 12 个字符',
      'zh-Hant': '至少 12 個字元',
      en: 'At least 12 characters',
    }
    for (const [lang, text] of Object.entries(expected)) {
      c.cookies.set('lang', lang)
      const html = await (await c.get('/me/password')).text()
      expect(html).toContain('id="password-form"')
      expect(html).toContain(text)
    }
  })

  it('refuses a wrong current password, a weak or mismatched new one with a re-rendered form, and writes nothing', async () => {
    const { t, wang } = await withStaff()
    const c = await t.client().login(wang.username, wang.password)
    const before = rowOf(t, wang.id).passwordHash
    const cases: [Record<string, string>, string][] = [
      [{ current: 'not my password', password: NEW, confirm: NEW }, '当前密码不正确。'],
      [{ current: OLD, password: 'short one', confirm: 'short one' }, '密码至少需要 12 个字符。'],
      [{ current: OLD, password: '123456789012', confirm: '123456789012' }, '密码不能是简单序列'],
      [{ current: OLD, password: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' }, '同一个字符或同一段字符的重复'],
      [{ current: OLD, password: 'WoAiNi1314520', confirm: 'WoAiNi1314520' }, '这是常见密码'],
      [{ current: OLD, password: NEW, confirm: `${NEW}!` }, '两次输入的新密码不一致。'],
      [{ current: OLD, password: OLD, confirm: OLD }, '新密码不能与当前密码相同。'],
      [{ password: NEW, confirm: NEW }, '请填写此项。'],
    ]
    for (const [form, message] of cases) {
      const res = await change(c, form)
      expect(res.status, message).toBe(422)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toContain('id="password-form"')
      expect(html).not.toContain(NEW)
    }
    c.cookies.set('lang', 'en')
    const en = await change(c, { current: OLD, password: 'qwertyuiop12', confirm: 'qwertyuiop12' })
    expect(en.status).toBe(422)
    expect(await en.text()).toContain('This is a common password that is easy to guess.')
    expect(rowOf(t, wang.id).passwordHash).toBe(before)
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'account.password_changed')).all()).toEqual(
      [],
    )
  })

  it('stops checking the current password after ten wrong tries, so a stolen session cannot guess it', async () => {
    const { t, wang } = await withStaff()
    const c = await t.client().login(wang.username, wang.password)
    const wrong = { current: 'not the password at all', password: NEW, confirm: NEW }
    for (let i = 0; i < 10; i++) expect((await change(c, wrong)).status).toBe(422)
    const refused = await change(c, { current: OLD, password: NEW, confirm: NEW })
    expect(refused.status).toBe(429)
    expect(await refused.text()).toContain('15')
    expect(await verifyPassword(OLD, rowOf(t, wang.id).passwordHash)).toBe(true)
  })

  it('changes it with the current one, keeps this session and ends the account’s other sessions', async () => {
    const { t, wang } = await withStaff()
    const here = await t.client().login(wang.username, wang.password)
    const elsewhere = await t.client().login(wang.username, wang.password)
    const other = await t.client().login(...DEMO.staff)
    const res = await change(here, { current: OLD, password: NEW, confirm: NEW })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/me/password?done=1')
    expect(await (await here.get('/me/password?done=1')).text()).toContain('密码已修改。')
    expect((await here.get('/')).status).toBe(200)
    expect((await elsewhere.get('/')).status).toBe(302)
    expect((await other.get('/')).status).toBe(200)
    expect(t.db.select().from(authSessions).where(eq(authSessions.accountId, wang.id)).all()).toHaveLength(1)
    expect(await verifyPassword(NEW, rowOf(t, wang.id).passwordHash)).toBe(true)
    expect((await t.client().post('/login', { username: 'wang', password: OLD })).status).toBe(401)
    await t.client().login('wang', NEW)
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'account.password_changed')).all()
    expect(audit).toMatchObject([{ actorAccountId: wang.id, entityId: String(wang.id) }])
    expect(JSON.stringify(audit)).not.toContain(NEW)
  })
})

describe('a forced change at the next log-in', () => {
  const editWang = (admin: TestClient, id: number, extra: Record<string, string>) =>
    admin.post(`/admin/accounts/${id}`, {
      username: 'wang',
      displayName: 'wang',
      role: 'staff',
      stationIds: '1',
      password: '',
      active: 'on',
      ...extra,
    })

  it('sends every page to the change page until the password is changed, then lets go', async () => {
    const { t, wang } = await withStaff()
    const admin = await t.client().login(...DEMO.admin)
    expect((await editWang(admin, wang.id, { mustChangePassword: 'on' })).status).toBe(303)
    expect(rowOf(t, wang.id).mustChangePassword).toBe(true)
    const form = await (await admin.get(`/admin/accounts/${wang.id}`)).text()
    expect(form).toMatch(/name="mustChangePassword"[^>]*checked/)

    const c = await t.client().login(wang.username, wang.password)
    for (const path of ['/', '/concerns', '/me/duty', '/staff/stations/1/roster', '/me/calendar']) {
      const res = await c.get(path)
      expect(res.status, path).toBe(302)
      expect(res.headers.get('location')).toBe('/me/password')
    }
    const refused = await c.post('/me/duty/absences', {
      person: `account:${wang.id}`,
      from: '2026-12-01',
      to: '2026-12-01',
    })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('管理员要求您先修改密码')
    const page = await (await c.get('/me/password')).text()
    expect(page).toContain('id="must-change-password"')

    expect((await change(c, { current: OLD, password: NEW, confirm: NEW })).status).toBe(303)
    expect(rowOf(t, wang.id).mustChangePassword).toBe(false)
    expect((await c.get('/')).status).toBe(200)
    expect((await c.get('/me/duty')).status).toBe(200)
  })

  it('can be asked for when an administrator creates an account, which still logs out normally', async () => {
    const t = await makeTestApp()
    const admin = await t.client().login(...DEMO.admin)
    const created = await admin.post('/admin/accounts', {
      username: 'zhou',
      displayName: '周',
      role: 'staff',
      stationIds: '1',
      password: 'a temporary phrase to change',
      mustChangePassword: 'on',
    })
    expect(created.status).toBe(303)
    const c = await t.client().login('zhou', 'a temporary phrase to change')
    expect((await c.get('/')).headers.get('location')).toBe('/me/password')
    expect((await c.post('/logout')).status).toBe(303)
    expect((await c.get('/')).headers.get('location')).toBe('/login?next=%2F')
  })

  it('refuses weak passwords on the administrator’s forms too', async () => {
    const t = await makeTestApp()
    const admin = await t.client().login(...DEMO.admin)
    const before = t.db.select().from(accounts).all().length
    for (const [password, message] of [
      ['abcdefghijkl', '密码不能是简单序列'],
      ['Administrator', '这是常见密码'],
      ['zzzzzzzzzzzzzz', '重复'],
    ]) {
      const res = await admin.post('/admin/accounts', {
        username: 'zhou',
        displayName: '周',
        role: 'staff',
        stationIds: '1',
        password: password!,
      })
      expect(res.status, password).toBe(422)
      expect(await res.text()).toContain(message)
    }
    expect(t.db.select().from(accounts).all()).toHaveLength(before)
  })
})
