import { describe, expect, it } from 'vitest'
import { enqueue, findMessage } from '../../db/queries/outbox.ts'
import { auditLog, outbox } from '../../db/schema.ts'
import { backupJob } from '../../server/jobs/backup.ts'
import { runJob } from '../../server/jobs/runner.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

function seedOutbox(t: TestApp) {
  const now = t.clock.now()
  const msg = (key: string, subject: string) =>
    enqueue(
      t.db,
      { dedupeKey: key, recipient: 'station:1', kind: 'duty-reminder', subject, body: '', dueAt: now },
      now,
    ).message
  const failed = msg('k-failed', '值班提醒-失败')
  t.db.$client
    .prepare("update outbox set status = 'failed', attempts = 8, last_error = 'HTTP 503' where id = ?")
    .run(failed.id)
  const waiting = msg('k-waiting', '值班提醒-待发')
  const sent = msg('k-sent', '值班提醒-已发')
  t.db.$client.prepare("update outbox set status = 'sent', sent_at = created_at where id = ?").run(sent.id)
  return { failed, waiting, sent }
}

const snapshot = (t: TestApp) => ({
  outbox: t.db.select().from(outbox).all(),
  audit: t.db.select().from(auditLog).all().length,
})

describe('/staff/jobs', () => {
  it('shows jobs and the outbox to admins only', async () => {
    const t = await makeTestApp()
    seedOutbox(t)
    await runJob(t.deps, backupJob)
    for (const who of [DEMO.admin]) {
      const c = await t.client().login(who[0], who[1])
      const res = await c.get('/staff/jobs')
      expect(res.status, who[0]).toBe(200)
      const html = await res.text()
      expect(html).toContain('计划任务与通知')
      expect(html).toContain('id="job-outbox-sender"')
      expect(html).toContain('数据库备份')
      // The same test runs on PostgreSQL, where backups are the database's own.
      expect(html).toMatch(/skipped: (in-memory database|PostgreSQL backups are the database’s own)/)
      expect(html).toContain('尚未运行')
      expect(html).toContain('值班提醒-失败')
      expect(html).toContain('值班提醒-待发')
      expect(html).not.toContain('值班提醒-已发')
      expect(html).toContain('待发送 1 · 已发送 1 · 失败 1 · 已过期 0')
      expect(html).toMatch(/<form method="post" action="\/staff\/jobs\/outbox\/\d+\/retry"/)
      expect(html).toContain('name="_csrf"')
      expect(html).not.toMatch(/hx-disabled-elt|hx-vars|hx-on=/)
    }
    const deputy = await t.client().login(...DEMO.deputy)
    expect((await deputy.get('/staff/jobs')).status).toBe(403)
    // Station staff are scoped to their stations; the outbox spans all of them.
    const staff = await t.client().login(...DEMO.staff)
    expect((await staff.get('/staff/jobs')).status).toBe(403)
    const anonymous = await t.client().get('/staff/jobs')
    expect(anonymous.status).toBe(302)
  })

  it('queues a failed message again from the retry button', async () => {
    const t = await makeTestApp()
    const { failed } = seedOutbox(t)
    const c = await t.client().login(...DEMO.admin)
    const res = await c.post(`/staff/jobs/outbox/${failed.id}/retry`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/staff/jobs?retried=${failed.id}`)
    expect(findMessage(t.db, failed.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: t.clock.now(),
    })
    const audit = t.db.select().from(auditLog).all().at(-1)
    expect(audit).toMatchObject({ action: 'outbox.retry', entity: 'outbox', entityId: String(failed.id) })
    const page = await (await c.get(res.headers.get('location')!)).text()
    expect(page).toContain(`通知 #${failed.id} 已重新排队`)
  })

  it('answers an htmx retry with the outbox panel alone', async () => {
    const t = await makeTestApp()
    const { failed } = seedOutbox(t)
    const c = await t.client().login(...DEMO.admin)
    const res = await c.post(`/staff/jobs/outbox/${failed.id}/retry`, {}, { htmx: true })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toContain('id="outbox-panel"')
    expect(html).toContain('role="status"')
  })

  it('refuses a bad, unknown or finished message with a localised 4xx and writes nothing', async () => {
    const t = await makeTestApp()
    const { sent } = seedOutbox(t)
    const c = await t.client().login(...DEMO.admin)
    const before = snapshot(t)
    const cases: [string, number, string][] = [
      ['abc', 400, '通知编号无效。'],
      ['-1', 400, '通知编号无效。'],
      ['99999', 404, '找不到该通知。'],
      [String(sent.id), 409, '该通知已发送或已过期，不能重试。'],
    ]
    for (const [id, status, text] of cases) {
      const res = await c.post(`/staff/jobs/outbox/${id}/retry`)
      expect(res.status, id).toBe(status)
      expect(await res.text()).toContain(text)
    }
    await c.get('/lang/en?next=/')
    const en = await c.post('/staff/jobs/outbox/abc/retry', {}, { htmx: true })
    expect(en.status).toBe(400)
    const frag = await en.text()
    expect(frag).toContain('That is not a valid notification number.')
    expect(frag).not.toContain('<html')
    expect(snapshot(t)).toEqual(before)
  })

  it('will not resend a message whose expiry has passed', async () => {
    const t = await makeTestApp()
    const now = t.clock.now()
    const { message } = enqueue(
      t.db,
      {
        dedupeKey: 'late',
        recipient: 'station:1',
        kind: 'duty-reminder',
        subject: 'x',
        body: '',
        dueAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
      },
      now,
    )
    t.db.$client.prepare("update outbox set status = 'failed' where id = ?").run(message.id)
    t.clock.advance(120_000)
    const c = await t.client().login(...DEMO.admin)
    const before = snapshot(t)
    const res = await c.post(`/staff/jobs/outbox/${message.id}/retry`)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('该通知已过了有效时间')
    expect(snapshot(t)).toEqual(before)
  })

  it('keeps deputies and forged requests from retrying', async () => {
    const t = await makeTestApp()
    const { failed } = seedOutbox(t)
    const deputy = await t.client().login(...DEMO.deputy)
    const staff = await t.client().login(...DEMO.admin)
    const before = snapshot(t)
    expect((await deputy.post(`/staff/jobs/outbox/${failed.id}/retry`)).status).toBe(403)
    expect((await staff.post(`/staff/jobs/outbox/${failed.id}/retry`, { _csrf: 'forged' })).status).toBe(403)
    expect(snapshot(t)).toEqual(before)
  })
})
