import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { kiosks, stations } from '../../db/schema.ts'
import { adminSession, auditCount, expectRefused, expectSaved } from '../helpers/admin.ts'
import { markPresent, STATION_A, submitDropIn } from '../helpers/queue.ts'
import type { TestApp } from '../helpers/test-app.ts'

const stationA = (t: TestApp) => t.db.select().from(stations).where(eq(stations.code, 'A')).get()!

describe('admin: kiosks', () => {
  it('creates and edits a kiosk, and lists its state', async () => {
    const { t, admin } = await adminSession()
    await expectSaved(t, admin, '/admin/kiosks', { stationId: String(stationA(t).id), label: '二楼 2 号机' })
    const row = t.db.select().from(kiosks).where(eq(kiosks.label, '二楼 2 号机')).get()!
    const list = await (await admin.get('/admin/kiosks')).text()
    expect(list).toContain(`id="kiosk-${row.id}"`)
    expect(list).toContain('未绑定')
    expect(list).toContain('从未在线')
    await expectSaved(t, admin, `/admin/kiosks/${row.id}`, {
      stationId: String(stationA(t).id),
      label: '二楼 3 号机',
    })
    expect(t.db.select().from(kiosks).where(eq(kiosks.id, row.id)).get()!.label).toBe('二楼 3 号机')
  })

  it('keeps "has a receipt printer" and "speak calls"; the paired device carries both', async () => {
    const { t, admin } = await adminSession()
    const form = await (await admin.get('/admin/kiosks/new')).text()
    expect(form).toMatch(/name="hasReceiptPrinter" value="on"(?! checked)/)
    expect(form).toMatch(/name="voiceAnnouncements" value="on" checked=""/)
    const stationId = String(stationA(t).id)
    await expectSaved(t, admin, '/admin/kiosks', { stationId, label: '打印机', hasReceiptPrinter: 'on' })
    const row = t.db.select().from(kiosks).where(eq(kiosks.label, '打印机')).get()!
    expect(row).toMatchObject({ hasReceiptPrinter: true, voiceAnnouncements: false })
    const edit = await (await admin.get(`/admin/kiosks/${row.id}`)).text()
    expect(edit).toMatch(/name="hasReceiptPrinter" value="on" checked=""/)
    expect(edit).toMatch(/name="voiceAnnouncements" value="on"(?! checked)/)

    const issued = await (await admin.post(`/admin/kiosks/${row.id}/pairing-code`)).text()
    const code = issued.match(/id="pairing-code-value">([^<]+)</)![1]!
    const device = t.client()
    expect((await device.post('/kiosk/pair', { code })).status).toBe(303)
    markPresent(t, STATION_A, [1])
    const slipPath = (await submitDropIn(device)).res.headers.get('location')!
    expect(await (await device.get(slipPath)).text()).toContain('data-print-once="1"')
    // The device is kept in memory by its token; a change of its settings reaches it at once.
    await expectSaved(t, admin, `/admin/kiosks/${row.id}`, {
      stationId,
      label: '打印机',
      voiceAnnouncements: 'on',
    })
    expect(t.db.select().from(kiosks).where(eq(kiosks.id, row.id)).get()).toMatchObject({
      hasReceiptPrinter: false,
      voiceAnnouncements: true,
    })
    const again = await (await device.get(slipPath)).text()
    expect(again).not.toContain('data-print-once')
    expect(again).toContain('id="slip-keep"')
  })

  it('refuses a checkbox with a value no form sends', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(
      t,
      admin,
      '/admin/kiosks',
      { stationId: String(stationA(t).id), label: '三楼', hasReceiptPrinter: 'true' },
      '格式不正确。',
    )
  })

  it('refuses a missing label and an unknown station', async () => {
    const { t, admin } = await adminSession()
    await expectRefused(
      t,
      admin,
      '/admin/kiosks',
      { stationId: String(stationA(t).id), label: '' },
      '请填写此项。',
    )
    await expectRefused(t, admin, '/admin/kiosks', { stationId: '999', label: '三楼' }, '请从列表中选择。')
    await expectRefused(t, admin, '/admin/kiosks', { stationId: 'x', label: '三楼' }, '请从列表中选择。')
  })

  it('pairs end to end with a one-time code, and a revoked kiosk is sent back to pairing', async () => {
    const { t, admin } = await adminSession()
    await expectSaved(t, admin, '/admin/kiosks', { stationId: String(stationA(t).id), label: '门口 1 号机' })
    const kiosk = t.db.select().from(kiosks).where(eq(kiosks.label, '门口 1 号机')).get()!

    const before = auditCount(t)
    const issued = await admin.post(`/admin/kiosks/${kiosk.id}/pairing-code`)
    expect(issued.status).toBe(200)
    expect(issued.headers.get('cache-control')).toBe('no-store')
    expect(auditCount(t)).toBe(before + 1)
    const html = await issued.text()
    const code = html.match(/id="pairing-code-value">([^<]+)</)?.[1]
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    expect(html).toContain(`/kiosk/pair?code=${code}`)
    expect(html).toContain('有效期至')
    expect(JSON.stringify(t.db.select().from(kiosks).where(eq(kiosks.id, kiosk.id)).get())).not.toContain(
      code!,
    )
    expect((await admin.get('/admin/kiosks')).status).toBe(200)

    const device = t.client()
    const paired = await device.get(`/kiosk/pair?code=${code}`)
    expect(paired.status).toBe(303)
    expect((await device.get('/kiosk')).status).toBe(200)
    expect(await (await admin.get('/admin/kiosks')).text()).toContain('已绑定')
    // The code was for one use only.
    expect((await t.client().get(`/kiosk/pair?code=${code}`)).status).toBe(422)

    await expectSaved(t, admin, `/admin/kiosks/${kiosk.id}/revoke`, {})
    const revoked = t.db.select().from(kiosks).where(eq(kiosks.id, kiosk.id)).get()!
    expect(revoked.revokedAt).not.toBeNull()
    expect(revoked.deviceTokenHash).toBeNull()
    const after = await device.get('/kiosk')
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toBe('/kiosk/pair')
    expect(await (await admin.get('/admin/kiosks')).text()).toContain('已停用')
  })

  it('revoking also cancels a code that has not been used yet', async () => {
    const { t, admin } = await adminSession()
    const kiosk = t.db.select().from(kiosks).get()!
    const html = await (await admin.post(`/admin/kiosks/${kiosk.id}/pairing-code`)).text()
    const code = html.match(/id="pairing-code-value">([^<]+)</)?.[1]
    await expectSaved(t, admin, `/admin/kiosks/${kiosk.id}/revoke`, {})
    expect((await t.client().get(`/kiosk/pair?code=${code}`)).status).toBe(422)
  })

  it('answers unknown kiosks with 404', async () => {
    const { admin } = await adminSession()
    expect((await admin.post('/admin/kiosks/999/pairing-code')).status).toBe(404)
    expect((await admin.post('/admin/kiosks/999/revoke')).status).toBe(404)
  })
})
