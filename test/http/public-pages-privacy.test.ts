import { describe, expect, it } from 'vitest'
import { insertConcern } from '../../db/queries/concerns.ts'
import { listPlaces } from '../../db/queries/places.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { addBooking, addSession } from '../helpers/feeds.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

/** Residents' data planted in every table a public page could draw from. */
const RESIDENTS = [
  { name: '王秀兰', phone: '13912345678', text: '楼道漏水三个月无人处理甲' },
  { name: '欧阳振华', phone: '15087654321', text: '幸福村路灯坏了乙' },
  { name: 'Zhang Wei', phone: '18600001111', text: 'bus stop moved far away丙' },
]

/** A mainland mobile number, whole or masked (139****5678, 139 **** 5678, ****5678). */
const PHONE = /1[3-9]\d{9}|1[3-9]\d[\s*•·xX]{3,}\d{2,4}|\*{4}\d{4}/

async function seeded() {
  const t = await makeTestApp({ env: { PUBLIC_URL: 'https://lianluo.example.cn' } })
  const now = t.clock.now()
  const place = listPlaces(t.db)[0]!
  for (const [i, r] of RESIDENTS.entries()) {
    for (const deputyId of [1, 2]) {
      insertConcern(
        t.db,
        {
          stationId: 1,
          topicId: 1,
          channel: i === 0 ? 'phone_web' : 'kiosk',
          deputyId,
          description: r.text,
          residentName: r.name,
          callbackPhone: r.phone,
          receivedOn: '2026-11-20',
          actor: { kind: 'resident' },
          placeId: place.id,
          triage: i === 0 ? 'accepted' : null,
          smsConsent: true,
        },
        now,
      )
    }
    const sessionId = addSession(
      t.db,
      { deputyId: 1, stationId: 1, date: '2026-11-27', start: '09:00', end: '11:00' },
      now,
    )
    addBooking(t.db, { sessionId, index: i, topicId: 1, name: r.name, phone: r.phone, concern: r.text }, now)
  }
  insertVisit(
    t.db,
    {
      placeId: place.id,
      stationId: 1,
      kind: 'home_visits',
      startsAt: new Date('2026-12-01T01:00:00Z'),
      endsAt: new Date('2026-12-01T03:00:00Z'),
      deputyIds: [1, 2],
      note: `约了${RESIDENTS[0]!.name} ${RESIDENTS[0]!.phone}`,
    },
    now,
  )
  return t
}

function expectNoResidentData(html: string, label: string) {
  expect(html, label).not.toMatch(PHONE)
  for (const r of RESIDENTS) {
    expect(html, label).not.toContain(r.name)
    expect(html, label).not.toContain(r.text)
  }
}

describe('public deputy and station pages carry no resident’s personal data (issue 16, Done-means 4)', () => {
  it('in all three languages, on every public page, poster and short URL', async () => {
    const t = await seeded()
    const anon = t.client()
    const clerk = await t.client().login(...DEMO.staff)
    const place = listPlaces(t.db)[0]!
    const publicPaths = ['/m/deputies', '/m/deputy/1', '/m/deputy/2', '/m/station/1', '/m/station/2']
    const shortPaths = ['/q/s/1', '/q/d/1', `/q/p/${place.id}`]
    const posterPaths = [
      '/staff/posters',
      '/staff/posters/station/1',
      '/staff/posters/deputy/1',
      `/staff/posters/place/${place.id}`,
    ]
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      await anon.get(`/lang/${lang}?next=/m/deputies`)
      await clerk.get(`/lang/${lang}?next=/`)
      for (const path of [...publicPaths, ...shortPaths]) {
        const res = await anon.get(path)
        expect(res.status, `${lang} ${path}`).toBeLessThan(400)
        expectNoResidentData(await res.text(), `${lang} ${path}`)
      }
      for (const path of posterPaths) {
        const res = await clerk.get(path)
        expect(res.status, `${lang} ${path}`).toBe(200)
        expectNoResidentData(await res.text(), `${lang} ${path}`)
      }
    }
    // The page does show what is public: the visit to the place and the deputy's counts.
    await anon.get('/lang/zh-Hans?next=/m/deputies')
    const page = await (await anon.get('/m/deputy/1')).text()
    expect(page).toContain(place.nameZhHans)
    expect(page).toContain('入户走访')
    expect(page).toMatch(/id="record-received"><dt>[^<]+<\/dt><dd>3<\/dd>/)
  })

  it('the phone pattern would catch a leak (the test can fail)', () => {
    for (const leak of ['13912345678', '139****5678', '139 **** 5678', '尾号****5678'])
      expect(() => expectNoResidentData(`<p>${leak}</p>`, leak)).toThrow()
  })
})
