import { describe, expect, it } from 'vitest'
import { listPlaces } from '../../db/queries/places.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { addSession } from '../helpers/feeds.ts'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

async function withSchedule() {
  const t = await makeTestApp()
  const now = t.clock.now()
  const place = listPlaces(t.db).find((p) => p.kind === 'village')!
  addSession(t.db, { deputyId: 1, stationId: 1, date: '2026-11-27', start: '09:00', end: '11:00' }, now)
  addSession(t.db, { deputyId: 1, stationId: 1, date: '2026-11-20', start: '09:00', end: '11:00' }, now)
  insertVisit(
    t.db,
    {
      placeId: place.id,
      stationId: 1,
      kind: 'firm_forum',
      startsAt: new Date('2026-12-01T01:00:00Z'),
      endsAt: new Date('2026-12-01T03:00:00Z'),
      deputyIds: [1],
    },
    now,
  )
  return { t, place }
}

describe('public deputy and station pages', () => {
  it('show the deputy’s districts, next reception days, planned visits, places and record, with raise and book links', async () => {
    const { t, place } = await withSchedule()
    const anon = t.client()
    const res = await anon.get('/m/deputy/1')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control') ?? '').not.toContain('no-store')
    const html = await res.text()
    expect(html).toContain('href="/m/raise?deputy=1"')
    expect(html).toContain('href="/m/book?deputy=1"')
    expect(html).toContain('id="session-')
    expect(html).toMatch(/11月27日[^<]*09:00–11:00/)
    expect(html).not.toMatch(/11月20日/) // already over
    expect(html).toContain(`到 ${place.nameZhHans}`)
    expect(html).toContain('企业座谈')
    expect(html).toContain('<meta property="og:description"')
    expect(html).toContain('content="http://localhost/m/share.png"')
    await anon.get('/lang/en?next=/m/deputy/1')
    const en = await (await anon.get('/m/deputy/1')).text()
    expect(en).toContain('Next reception days')
    expect(en).toContain(`at ${place.nameEn || place.nameZhHans}`)
    expect((await anon.get('/m/deputy/999')).status).toBe(404)
  })

  it('shows a station’s address, phone, hours, today’s duty, reception days and deputies', async () => {
    const { t } = await withSchedule()
    const html = await (await t.client().get('/m/station/1')).text()
    for (const id of [
      'station-address',
      'station-phone',
      'station-hours',
      'station-duty',
      'station-deputies',
    ])
      expect(html).toContain(`id="${id}"`)
    expect(html).toContain('href="/m/deputy/1"')
    expect(html).toMatch(/11月27日[^<]*09:00–11:00/)
    expect((await t.client().get('/m/station/999')).status).toBe(404)
    const share = await t.client().get('/m/share.png')
    expect(share.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await share.arrayBuffer())
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(300)
  })
})

describe('printable month schedule', () => {
  it('lists a deputy’s reception days and visits for the month, for the deputy and for a clerk of their station', async () => {
    const { t, place } = await withSchedule()
    const clerk = await t.client().login(...DEMO.staff)
    const sheet = await (await clerk.get('/staff/deputies/1/schedule/print?month=2026-11')).text()
    expect(sheet).toContain('id="schedule-table"')
    expect(sheet.match(/id="reception-\d+"/g)).toHaveLength(2)
    expect(sheet).not.toContain('id="visit-')
    const dec = await (await clerk.get('/staff/deputies/1/schedule/print?month=2026-12')).text()
    expect(dec).toContain(place.nameZhHans)
    expect((await clerk.get('/staff/deputies/1/schedule/print?month=2026-13')).status).toBe(400)
    expect((await clerk.get('/staff/deputies/999/schedule/print')).status).toBe(404)

    const other = await addAccount(t, { username: 'far-clerk', role: 'staff', stationIds: [] })
    const far = await t.client().login(other.username, other.password)
    expect((await far.get('/staff/deputies/1/schedule/print')).status).toBe(404)

    await addAccount(t, { username: 'chen', role: 'deputy', deputyId: 1 })
    const chen = await t.client().login('chen', 'correct horse battery')
    const mine = await (await chen.get('/me/schedule/print?month=2026-11')).text()
    expect(mine.match(/id="reception-\d+"/g)).toHaveLength(2)
    const calendar = await (await chen.get('/me/calendar')).text()
    expect(calendar).toContain('href="/me/schedule/print"')
    expect(calendar).toContain('华为')
  })
})
