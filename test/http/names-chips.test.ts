import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, concernPhrases, concerns, receptionBookings, topicPhrases } from '../../db/schema.ts'
import { adminSession, auditCount, expectSaved } from '../helpers/admin.ts'
import { addPlan, kioskBook, sessionOn } from '../helpers/booking.ts'
import {
  counts,
  kioskClient,
  markPresent,
  rows,
  STATION_A,
  slipCode,
  submitDropIn,
} from '../helpers/queue.ts'
import { DEMO, makeTestApp, type TestApp } from '../helpers/test-app.ts'

/** Topic 1 is 住房与物业 (demo phrases 电梯故障, 物业纠纷 …); topic 2 道路交通 (道路破损 …). */
const phraseId = (t: TestApp, nameZhHans: string) =>
  t.db.select().from(topicPhrases).where(eq(topicPhrases.nameZhHans, nameZhHans)).get()!.id

const chosenPhrases = (t: TestApp, concernId: number) =>
  t.db
    .select({ id: concernPhrases.phraseId })
    .from(concernPhrases)
    .where(eq(concernPhrases.concernId, concernId))
    .all()
    .map((r) => r.id)
    .sort((a, b) => a - b)

describe('admin: phrase chips of a topic', () => {
  const phrase = {
    nameZhHans: '门禁损坏',
    nameZhHant: '門禁損壞',
    nameEn: 'Broken entry gate',
    sortOrder: '50',
    active: 'on',
  }

  it('lists a topic’s phrases, adds one in three languages and deactivates it, each change audited', async () => {
    const { t, admin } = await adminSession()
    const topics = await (await admin.get('/admin/topics')).text()
    expect(topics).toContain('href="/admin/topics/1/phrases"')
    expect(topics).toContain('短语（4）')
    const list = await (await admin.get('/admin/topics/1/phrases')).text()
    expect(list).toContain('“住房与物业”的常用短语')
    expect(list.indexOf('电梯故障')).toBeLessThan(list.indexOf('物业纠纷'))
    expect(list).not.toContain('道路破损')
    expect(await (await admin.get('/admin/topics/1/phrases/new')).text()).toContain(
      'name="sortOrder" type="text" value="40"',
    )

    const location = await expectSaved(t, admin, '/admin/topics/1/phrases', phrase)
    expect(location).toBe('/admin/topics/1/phrases?saved=created')
    const row = t.db.select().from(topicPhrases).where(eq(topicPhrases.nameZhHans, '门禁损坏')).get()!
    expect(row).toMatchObject({
      topicId: 1,
      nameZhHant: '門禁損壞',
      nameEn: 'Broken entry gate',
      sortOrder: 50,
      active: true,
    })
    expect(await (await admin.get(location)).text()).toContain(`id="phrase-${row.id}"`)

    const edit = await (await admin.get(`/admin/topics/1/phrases/${row.id}`)).text()
    expect(edit).toContain('value="Broken entry gate"')
    await expectSaved(t, admin, `/admin/topics/1/phrases/${row.id}`, { ...phrase, active: undefined })
    expect(t.db.select().from(topicPhrases).where(eq(topicPhrases.id, row.id)).get()!.active).toBe(false)
    const audits = t.db.select().from(auditLog).where(eq(auditLog.entity, 'topic_phrase')).all()
    expect(audits.map((a) => a.action)).toEqual(['topic_phrase.created', 'topic_phrase.updated'])
    expect(audits[1]!.entityId).toBe(String(row.id))
  })

  it('refuses a missing language, an overlong phrase, a bad sort number and a duplicate, writing nothing', async () => {
    const { t, admin } = await adminSession()
    const refused = async (form: Record<string, string>, message: string) => {
      const before = { phrases: rows(t.db, 'topic_phrases'), audits: auditCount(t) }
      const res = await admin.post('/admin/topics/1/phrases', form)
      const html = await res.text()
      expect(res.status).toBe(422)
      expect(html).toContain(message)
      expect({ phrases: rows(t.db, 'topic_phrases'), audits: auditCount(t) }).toEqual(before)
    }
    await refused({ ...phrase, nameEn: ' ' }, '请填写此项。')
    await refused({ ...phrase, nameZhHant: '' }, '请填写此项。')
    await refused({ ...phrase, nameZhHans: '长'.repeat(31) }, '最多 30 个字。')
    await refused({ ...phrase, sortOrder: 'x' }, '请填写整数。')
    await refused({ ...phrase, nameZhHans: '电梯故障' }, '已存在同名记录。')
    // The same words under another topic are a different chip.
    await expectSaved(t, admin, '/admin/topics/2/phrases', { ...phrase, nameZhHans: '电梯故障' })
  })

  it('answers an unknown topic, and a phrase asked for under another topic, with 404', async () => {
    const { t, admin } = await adminSession()
    const roads = phraseId(t, '道路破损')
    expect((await admin.get('/admin/topics/999/phrases')).status).toBe(404)
    expect((await admin.post('/admin/topics/999/phrases', phrase)).status).toBe(404)
    expect((await admin.get(`/admin/topics/1/phrases/${roads}`)).status).toBe(404)
    const before = rows(t.db, 'audit_log')
    expect((await admin.post(`/admin/topics/1/phrases/${roads}`, phrase)).status).toBe(404)
    expect(rows(t.db, 'audit_log')).toBe(before)
    expect(t.db.select().from(topicPhrases).where(eq(topicPhrases.id, roads)).get()!.nameZhHans).toBe(
      '道路破损',
    )
  })
})

describe('kiosk: phrase chips instead of typing', () => {
  it('offers the topic’s active phrases and “I’d rather tell the deputy”, with the words optional', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    t.db.update(topicPhrases).set({ active: false }).where(eq(topicPhrases.nameZhHans, '楼道堆物')).run()
    const k = await kioskClient(t)
    const html = await (await k.get('/kiosk/concern/details?topic=1')).text()
    expect(html).toContain('data-phrase-chips')
    expect(html).toContain(`name="phrase[]" value="${phraseId(t, '电梯故障')}"`)
    expect(html).toContain('物业纠纷')
    expect(html).not.toContain('楼道堆物')
    expect(html).not.toContain('道路破损')
    expect(html).toContain('我想当面跟代表说')
    expect(html).toContain('<textarea')
    expect(html).toContain('src="/static/names-chips.js"')
    expect((await k.get('/static/names-chips.js')).status).toBe(200)
    expect((await k.get('/static/names-chips.css')).status).toBe(200)
    await k.get('/lang/en?next=/kiosk')
    const en = await (await k.get('/kiosk/concern/details?topic=1')).text()
    expect(en).toContain('Lift out of order')
    expect(en).toContain('I’d rather tell the deputy')
    // A topic with no phrases still offers "in person" and the words.
    const plain = await (await k.get('/kiosk/concern/details?topic=13')).text()
    expect(plain).toContain('I’d rather tell the deputy')
  })

  it('stores two chips with the concern and shows them to the deputy, in the deputy’s language', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const lift = phraseId(t, '电梯故障')
    const dispute = phraseId(t, '物业纠纷')
    const { res } = await submitDropIn(k, { 'phrase[]': [String(dispute), String(lift)] })
    expect(res.status).toBe(303)
    const concern = t.db
      .select()
      .from(concerns)
      .where(eq(concerns.trackingCode, slipCode(res)))
      .get()!
    expect(concern.description).toBeNull()
    expect(chosenPhrases(t, concern.id)).toEqual([lift, dispute].sort((a, b) => a - b))

    const deputy = await t.client().login(...DEMO.deputy)
    await deputy.post('/console/1/1/call', {}, { htmx: true })
    const console = await (await deputy.get('/console/1/1')).text()
    expect(console).toContain('id="current-phrases"')
    expect(console.indexOf('电梯故障')).toBeLessThan(console.indexOf('物业纠纷'))
    const page = await (await deputy.get(`/concerns/${concern.id}`)).text()
    expect(page).toContain('id="concern-phrases"')
    expect(page).toContain('电梯故障')
    await deputy.get(`/lang/en?next=/concerns/${concern.id}`)
    const en = await (await deputy.get(`/concerns/${concern.id}`)).text()
    expect(en).toContain('Lift out of order')
    expect(en).toContain('Dispute with the property manager')
  })

  it('keeps the chips through the phone step, and a double tap stores them once', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const lift = phraseId(t, '电梯故障')
    const form = await (await k.get('/kiosk/concern/details?topic=1')).text()
    const key = /name="key" value="([^"]+)"/.exec(form)![1]!
    const fields = {
      station: '1',
      topic: '1',
      key,
      deputy: 'any',
      'phrase[]': String(lift),
      inPerson: undefined,
    }
    const phonePage = await (await k.post('/kiosk/concern/phone', fields)).text()
    expect(phonePage).toContain(`<input type="hidden" name="phrase[]" value="${lift}"`)
    const withPhone = { ...fields, phone: '13812345678', mode: 'phone' }
    const first = await k.post('/kiosk/concern', withPhone)
    const second = await k.post('/kiosk/concern', withPhone)
    expect(first.status).toBe(303)
    expect(second.headers.get('location')).toBe(first.headers.get('location'))
    expect(rows(t.db, 'concerns')).toBe(1)
    expect(rows(t.db, 'concern_phrases')).toBe(1)
  })

  it('accepts “I’d rather tell the deputy” with nothing else', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const { res } = await submitDropIn(k, { inPerson: 'on' })
    expect(res.status).toBe(303)
    expect(rows(t.db, 'concern_phrases')).toBe(0)
  })

  it('refuses another topic’s, an inactive or an unknown phrase with a 422 and writes nothing', async () => {
    const t = await makeTestApp()
    markPresent(t, STATION_A, [1])
    const k = await kioskClient(t)
    const lift = String(phraseId(t, '电梯故障'))
    const inactive = phraseId(t, '楼道堆物')
    t.db.update(topicPhrases).set({ active: false }).where(eq(topicPhrases.id, inactive)).run()
    for (const bad of [
      [lift, String(phraseId(t, '道路破损'))],
      [String(inactive)],
      ['99999'],
      ['x'],
      ['0'],
    ]) {
      const before = { ...counts(t.db), phrases: rows(t.db, 'concern_phrases') }
      const { res } = await submitDropIn(k, { 'phrase[]': bad })
      const html = await res.text()
      expect(res.status, bad.join()).toBe(422)
      expect(html).toContain('所选的内容已不可用，请重新选择。')
      expect(html).toContain('id="e-phrase"')
      expect({ ...counts(t.db), phrases: rows(t.db, 'concern_phrases') }).toEqual(before)
    }
    const phone = await k.post('/kiosk/concern/phone', {
      station: '1',
      topic: '1',
      key: 'k'.repeat(24),
      deputy: 'any',
      'phrase[]': String(phraseId(t, '道路破损')),
    })
    expect(phone.status).toBe(422)
    expect(
      t.db
        .select()
        .from(topicPhrases)
        .where(and(eq(topicPhrases.topicId, 1), eq(topicPhrases.active, true)))
        .all().length,
    ).toBe(3)
  })
})

describe('kiosk booking: the name from the surname grid', () => {
  it('shows a page of the hundred common surnames and 先生 / 女士 that fill the name field', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    const session = sessionOn(t.db, '2026-11-26')
    const url = `/kiosk/booking/details?who=d1&session=${session.id}&slot=1`
    const html = await (await k.get(url)).text()
    expect([...html.matchAll(/data-surname="([^"]+)"/g)].length).toBe(100)
    expect(html).toContain('data-surname="陈"')
    expect(html).toContain('data-honorific="先生"')
    expect(html).toContain('data-honorific="女士"')
    expect(html).toContain('data-name-for="name"')
    expect(html).toMatch(/<input type="text" id="f-name" name="name"/)
    // Later pages wait behind “more surnames”; 其他姓氏 opens the “a clerk will help” note.
    expect(html).toMatch(/id="surname-page-1" data-surname-page="1">/)
    expect(html).toMatch(/id="surname-page-3" data-surname-page="3" hidden/)
    expect(html).toContain('请找工作人员帮您登记姓名')
    await k.get('/lang/zh-Hant?next=/kiosk')
    const hant = await (await k.get(url)).text()
    expect(hant).toMatch(/data-surname="陈"[^>]*>\s*<span class="n-char">陳<\/span>/)
    await k.get('/lang/en?next=/kiosk')
    const en = await (await k.get(url)).text()
    expect(en).toContain('<span class="n-pinyin" lang="en">Chen</span>')
    expect(en).toMatch(/data-honorific="女士"[^>]*>Ms</)
  })

  it('books with the name the grid makes (陈女士), and the grid shows it chosen again on a refusal', async () => {
    const t = await makeTestApp()
    addPlan(t.deps)
    const k = await kioskClient(t)
    const session = sessionOn(t.db, '2026-11-26')
    const refused = await kioskBook(k, {
      sessionId: session.id,
      slot: 1,
      fields: { name: '陈女士', phone: '12' },
    })
    expect(refused.status).toBe(422)
    const again = await refused.text()
    expect(again).toMatch(/data-surname="陈" aria-pressed="true"/)
    expect(again).toMatch(/data-honorific="女士" aria-pressed="true"/)
    expect(again).toMatch(/data-surname="王" aria-pressed="false"/)
    const res = await kioskBook(k, { sessionId: session.id, slot: 1, fields: { name: '陈女士' } })
    expect(res.status).toBe(303)
    expect(t.db.select().from(receptionBookings).get()!.residentName).toBe('陈女士')
  })
})
