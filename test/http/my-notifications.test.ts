import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { accounts } from '../../db/schema.ts'
import { adminSession, expectSaved } from '../helpers/admin.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

const rowOf = (t: TestApp, username: string) =>
  t.db.select().from(accounts).where(eq(accounts.username, username)).get()!
const audits = (t: TestApp) =>
  t.db.$client.prepare("select detail from audit_log where action = 'account.notify_changed'").all() as {
    detail: string
  }[]

describe('/me/notifications: one’s own mobile and notice channel (issue 16)', () => {
  it('shows the form in three languages and is linked from every staff page', async () => {
    const t = await makeTestApp()
    const c = await t.client().login(...DEMO.deputy)
    const expected = { 'zh-Hans': '通知发到', 'zh-Hant': '通知發到', en: 'Send my notices to' }
    for (const [lang, text] of Object.entries(expected)) {
      c.cookies.set('lang', lang)
      const html = await (await c.get('/me/notifications')).text()
      expect(html).toContain('id="notify-form"')
      expect(html).toContain(text)
    }
    expect(await (await c.get('/')).text()).toContain('href="/me/notifications"')
  })

  it('saves a mobile typed with spaces and +86 and the SMS channel, audited without the number', async () => {
    const t = await makeTestApp()
    const c = await t.client().login(...DEMO.staff)
    const res = await c.post('/me/notifications', { phone: '+86 138 1234 5678', notifyChannel: 'sms' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/me/notifications?done=1')
    expect(rowOf(t, DEMO.staff[0])).toMatchObject({ phone: '13812345678', notifyChannel: 'sms' })
    const html = await (await c.get('/me/notifications?done=1')).text()
    expect(html).toContain('通知方式已保存')
    expect(html).toContain('value="13812345678"')
    expect(audits(t)).toHaveLength(1)
    expect(audits(t)[0]!.detail).not.toContain('13812345678')
    // Back to the webhook, number cleared.
    expect((await c.post('/me/notifications', { phone: '', notifyChannel: 'webhook' })).status).toBe(303)
    expect(rowOf(t, DEMO.staff[0])).toMatchObject({ phone: '', notifyChannel: 'webhook' })
  })

  it('refuses a landline, a bad number, SMS without a phone and an unknown channel with 422, keeping what was typed', async () => {
    const t = await makeTestApp()
    const c = await t.client().login(...DEMO.staff)
    const cases: [Record<string, string>, string][] = [
      [{ phone: '010 1234 5678', notifyChannel: 'sms' }, '请填写 11 位中国大陆手机号'],
      [{ phone: '12345', notifyChannel: 'webhook' }, '请填写 11 位中国大陆手机号'],
      [{ phone: '', notifyChannel: 'sms' }, '选择短信时需要填写手机号'],
      [{ phone: '13812345678', notifyChannel: 'pigeon' }, 'id="notify-form"'],
    ]
    for (const [form, text] of cases) {
      const res = await c.post('/me/notifications', form)
      expect(res.status, JSON.stringify(form)).toBe(422)
      const html = await res.text()
      expect(html).toContain(text)
      if (form.phone) expect(html).toContain(`value="${form.phone}"`)
    }
    expect(rowOf(t, DEMO.staff[0])).toMatchObject({ phone: '', notifyChannel: 'webhook' })
    expect(audits(t)).toHaveLength(0)
  })

  it('lets an administrator set the same two fields on the account form, with the same checks', async () => {
    const { t, admin } = await adminSession()
    const clerk = rowOf(t, DEMO.staff[0])
    const form = {
      username: clerk.username,
      displayName: clerk.displayName,
      role: 'staff',
      stationIds: '1',
      active: 'on',
    }
    const page = await (await admin.get(`/admin/accounts/${clerk.id}`)).text()
    expect(page).toContain('name="notifyChannel"')
    const bad = await admin.post(`/admin/accounts/${clerk.id}`, { ...form, phone: '', notifyChannel: 'sms' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('选择短信时需要填写手机号')
    expect(rowOf(t, DEMO.staff[0]).notifyChannel).toBe('webhook')
    await expectSaved(t, admin, `/admin/accounts/${clerk.id}`, {
      ...form,
      phone: '139 1234 5678',
      notifyChannel: 'sms',
    })
    expect(rowOf(t, DEMO.staff[0])).toMatchObject({ phone: '13912345678', notifyChannel: 'sms' })
    const audit = JSON.stringify(
      t.db.$client.prepare("select detail from audit_log where action = 'account.updated'").all(),
    )
    expect(audit).not.toContain('13912345678')
  })
})
