import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { accountStations, accounts, authSessions, deputies, stations } from '../../db/schema.ts'
import { verifyPassword } from '../../server/domain/secrets.ts'
import { adminSession, expectRefused, expectSaved } from '../helpers/admin.ts'
import { DEMO } from '../helpers/test-app.ts'

const staff = {
  username: 'li.na',
  displayName: '李娜',
  role: 'staff',
  password: 'a-long-enough-pw',
}

describe('admin: accounts', () => {
  it('lists accounts without any password hash', async () => {
    const { admin } = await adminSession()
    const html = await (await admin.get('/admin/accounts')).text()
    expect(html).toContain('id="accounts-table"')
    expect(html).toContain('clerk')
    expect(html).not.toContain('scrypt$')
  })

  it('creates a staff account scoped to stations, who can then log in', async () => {
    const { t, admin } = await adminSession()
    const [a, b] = t.db.select().from(stations).all()
    await expectSaved(t, admin, '/admin/accounts', { ...staff, stationIds: [String(a!.id), String(b!.id)] })
    const row = t.db.select().from(accounts).where(eq(accounts.username, 'li.na')).get()!
    expect(row).toMatchObject({ role: 'staff', active: true, deputyId: null })
    expect(row.passwordHash).toMatch(/^scrypt\$/)
    expect(await verifyPassword(staff.password, row.passwordHash)).toBe(true)
    const scope = t.db.select().from(accountStations).where(eq(accountStations.accountId, row.id)).all()
    expect(scope.map((s) => s.stationId).sort()).toEqual([a!.id, b!.id].sort())
    await t.client().login(staff.username, staff.password)
    const audit = JSON.stringify(
      t.db.$client.prepare("select detail from audit_log where action = 'account.created'").all(),
    )
    expect(audit).not.toContain('scrypt')
    expect(audit).not.toContain(staff.password)
  })

  it('links a deputy account to its deputy and drops fields that do not fit the role', async () => {
    const { t, admin } = await adminSession()
    const free = t.db.select().from(deputies).where(eq(deputies.name, '李秀英')).get()!
    const [a] = t.db.select().from(stations).all()
    await expectSaved(t, admin, '/admin/accounts', {
      ...staff,
      username: 'lixiuying',
      role: 'deputy',
      deputyId: String(free.id),
      stationIds: String(a!.id),
    })
    const row = t.db.select().from(accounts).where(eq(accounts.username, 'lixiuying')).get()!
    expect(row).toMatchObject({ role: 'deputy', deputyId: free.id })
    expect(t.db.select().from(accountStations).where(eq(accountStations.accountId, row.id)).all()).toEqual([])
  })

  it('marks staff of the street office (issue 18), audited and shown in the list; never a deputy', async () => {
    const { t, admin } = await adminSession()
    const [a] = t.db.select().from(stations).all()
    await expectSaved(t, admin, '/admin/accounts', {
      ...staff,
      stationIds: String(a!.id),
      streetOffice: 'on',
    })
    const row = t.db.select().from(accounts).where(eq(accounts.username, 'li.na')).get()!
    expect(row.streetOffice).toBe(true)
    const audit = (action: string) =>
      t.db.$client.prepare('select detail from audit_log where action = ? order by id desc').get(action) as {
        detail: string
      }
    expect(JSON.parse(audit('account.created').detail)).toMatchObject({ streetOffice: true })
    const list = await (await admin.get('/admin/accounts')).text()
    expect(list).toContain('街道人大工委')
    const form = await (await admin.get(`/admin/accounts/${row.id}`)).text()
    expect(form).toMatch(/name="streetOffice"[^>]*checked/)

    // Unticked on the edit form: cleared and audited.
    await expectSaved(t, admin, `/admin/accounts/${row.id}`, {
      ...staff,
      password: '',
      stationIds: String(a!.id),
      active: 'on',
    })
    expect(t.db.select().from(accounts).where(eq(accounts.id, row.id)).get()!.streetOffice).toBe(false)
    expect(JSON.parse(audit('account.updated').detail)).toMatchObject({ streetOffice: false })

    const free = t.db.select().from(deputies).where(eq(deputies.name, '李秀英')).get()!
    await expectSaved(t, admin, '/admin/accounts', {
      ...staff,
      username: 'lixiuying',
      role: 'deputy',
      deputyId: String(free.id),
      streetOffice: 'on',
    })
    expect(t.db.select().from(accounts).where(eq(accounts.username, 'lixiuying')).get()!.streetOffice).toBe(
      false,
    )
  })

  it('refuses bad input with 422 and writes nothing', async () => {
    const { t, admin } = await adminSession()
    const taken = t.db.select().from(deputies).where(eq(deputies.name, '陈建国')).get()!
    await expectRefused(t, admin, '/admin/accounts', { ...staff, username: '' }, '请填写此项。')
    await expectRefused(t, admin, '/admin/accounts', { ...staff, username: 'a b' }, '用户名须为 3 至 64 个')
    await expectRefused(
      t,
      admin,
      '/admin/accounts',
      { ...staff, displayName: '名'.repeat(41) },
      '最多 40 个字。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/accounts',
      { ...staff, password: 'short' },
      '密码至少需要 12 个字符。',
    )
    await expectRefused(t, admin, '/admin/accounts', { ...staff, role: 'root' }, '请从列表中选择。')
    await expectRefused(t, admin, '/admin/accounts', { ...staff, stationIds: '999' }, '请从列表中选择。')
    await expectRefused(
      t,
      admin,
      '/admin/accounts',
      { ...staff, role: 'deputy' },
      '代表账号须选择对应的代表。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/accounts',
      { ...staff, role: 'deputy', deputyId: '999' },
      '请从列表中选择。',
    )
    await expectRefused(
      t,
      admin,
      '/admin/accounts',
      { ...staff, role: 'deputy', deputyId: String(taken.id) },
      '这位代表已有账号。',
    )
  })

  it('refuses a duplicate username, whatever its case', async () => {
    const { t, admin } = await adminSession()
    const html = await expectRefused(
      t,
      admin,
      '/admin/accounts',
      { ...staff, username: 'clerk' },
      '该用户名已被使用。',
    )
    expect(html).not.toContain(staff.password)
    await expectRefused(t, admin, '/admin/accounts', { ...staff, username: 'Clerk' }, '该用户名已被使用。')
    const clerk = t.db.select().from(accounts).where(eq(accounts.username, 'clerk')).get()!
    await expectRefused(
      t,
      admin,
      `/admin/accounts/${clerk.id}`,
      { ...staff, username: 'admin', password: '', active: 'on' },
      '该用户名已被使用。',
    )
  })

  it('resets a password and ends that account’s sessions', async () => {
    const { t, admin } = await adminSession()
    const clerkClient = await t.client().login(...DEMO.staff)
    const clerk = t.db.select().from(accounts).where(eq(accounts.username, 'clerk')).get()!
    const scope = t.db.select().from(accountStations).where(eq(accountStations.accountId, clerk.id)).all()
    await expectSaved(t, admin, `/admin/accounts/${clerk.id}`, {
      username: 'clerk',
      displayName: '王晓梅',
      role: 'staff',
      stationIds: scope.map((s) => String(s.stationId)),
      password: 'brand-new-password',
      active: 'on',
    })
    expect(t.db.select().from(authSessions).where(eq(authSessions.accountId, clerk.id)).all()).toEqual([])
    expect((await clerkClient.get('/')).status).toBe(302)
    await t.client().login('clerk', 'brand-new-password')
    const after = t.db.select().from(accountStations).where(eq(accountStations.accountId, clerk.id)).all()
    expect(after).toEqual(scope)
  })

  it('deactivates an account (never deletes it); the person can no longer log in', async () => {
    const { t, admin } = await adminSession()
    const clerk = t.db.select().from(accounts).where(eq(accounts.username, 'clerk')).get()!
    await expectSaved(t, admin, `/admin/accounts/${clerk.id}`, {
      username: 'clerk',
      displayName: '王晓梅',
      role: 'staff',
      password: '',
    })
    expect(t.db.select().from(accounts).where(eq(accounts.id, clerk.id)).get()!.active).toBe(false)
    const res = await t.client().post('/login', { username: 'clerk', password: DEMO.staff[1], next: '/' })
    expect(res.status).toBe(401)
  })

  it('keeps an admin from deactivating themself or removing the last active admin', async () => {
    const { t, admin } = await adminSession()
    const me = t.db.select().from(accounts).where(eq(accounts.username, 'admin')).get()!
    const self = { username: 'admin', displayName: '系统管理员', role: 'admin', password: '' }
    await expectRefused(t, admin, `/admin/accounts/${me.id}`, self, '不能停用自己正在使用的账号。')
    await expectRefused(
      t,
      admin,
      `/admin/accounts/${me.id}`,
      { ...self, role: 'staff', active: 'on' },
      '这是最后一个启用的管理员账号',
    )
    expect(t.db.select().from(accounts).where(eq(accounts.id, me.id)).get()).toMatchObject({
      role: 'admin',
      active: true,
    })
    // With a second administrator the first may step down, and lands outside /admin.
    await expectSaved(t, admin, '/admin/accounts', { ...staff, username: 'second', role: 'admin' })
    const location = await expectSaved(t, admin, `/admin/accounts/${me.id}`, {
      ...self,
      role: 'staff',
      active: 'on',
    })
    expect(location).toBe('/')
    expect((await admin.get('/admin')).status).toBe(403)
  })

  it('changing one’s own password keeps one’s own session', async () => {
    const { t, admin } = await adminSession()
    const me = t.db.select().from(accounts).where(eq(accounts.username, 'admin')).get()!
    await expectSaved(t, admin, `/admin/accounts/${me.id}`, {
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      password: 'another-long-password',
      active: 'on',
    })
    expect((await admin.get('/admin/accounts')).status).toBe(200)
  })
})
