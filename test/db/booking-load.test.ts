import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receptionBookings } from '../../db/schema.ts'
import { addPlan, DEPUTY_LI, formKeyOf, pairDirectly, sessionOn } from '../helpers/booking.ts'
import { startLoopbackApp } from '../helpers/queue.ts'
import type { TestClient } from '../helpers/test-app.ts'

/*
 * Booking under load on loopback: the real server (@hono/node-server) on a WAL SQLite file,
 * driven over real HTTP with fetch. Loops are bounded; timings are printed for the report, never
 * asserted. The unique index on (session, slot, seat) is what decides; nothing reads a count first.
 */
let app: Awaited<ReturnType<typeof startLoopbackApp>>
beforeAll(async () => {
  app = await startLoopbackApp()
  addPlan(app.deps) // deputy 1, Thursdays 09:00–11:00, one person per slot
  addPlan(app.deps, { deputyId: DEPUTY_LI, capacityPerSlot: 3, startTime: '14:00', endTime: '16:00' })
})
afterAll(async () => {
  await app?.close()
})

/** Ten kiosks in the room, each with its own submission limit; `n` open forms spread over them. */
async function openForms(n: number, who: string, sessionId: number, slot: number) {
  const room = Array.from({ length: 10 }, () => pairDirectly(app.db, app.client(), 1, app.clock.now()))
  const forms: { k: TestClient; key: string }[] = []
  for (let i = 0; i < n; i++) {
    const k = room[i % room.length]!
    const html = await (
      await k.get(`/kiosk/booking/details?who=${who}&session=${sessionId}&slot=${slot}`)
    ).text()
    forms.push({ k, key: formKeyOf(html) })
  }
  expect(new Set(forms.map((f) => f.key)).size).toBe(n)
  return forms
}

const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`

async function burst(
  forms: { k: TestClient; key: string }[],
  fields: (i: number) => Record<string, string>,
): Promise<{ statuses: number[]; bodies: string[]; ms: number }> {
  const started = performance.now()
  const responses = await Promise.all(
    forms.map((f, i) => f.k.post('/kiosk/booking', { key: f.key, ...fields(i) })),
  )
  const ms = performance.now() - started
  const bodies = await Promise.all(responses.map((r) => r.text()))
  return { statuses: responses.map((r) => r.status), bodies, ms }
}

describe('booking under load (loopback HTTP)', () => {
  it('lets exactly one of 100 parallel bookings of a one-person slot through; the rest hear "taken"', async () => {
    const s = sessionOn(app.db, '2026-11-26', 1)
    const forms = await openForms(100, 'd1', s.id, 0)
    const { statuses, bodies, ms } = await burst(forms, (i) => ({
      station: '1',
      who: 'd1',
      session: String(s.id),
      slot: '0',
      topic: '1',
      name: `居民${i}`,
      phone: phone(i),
    }))
    console.log(
      `[load] 100 parallel bookings of one slot: ${Math.round(ms)} ms, ${statuses.filter((x) => x === 303).length} booked`,
    )
    expect(statuses.filter((x) => x === 303)).toHaveLength(1)
    expect(statuses.filter((x) => x === 409)).toHaveLength(99)
    expect(statuses.some((x) => x >= 500)).toBe(false)
    for (const [i, body] of bodies.entries())
      if (statuses[i] === 409) expect(body).toContain('这个时间刚刚被别人约走了')
    const rows = app.db.select().from(receptionBookings).where(eq(receptionBookings.sessionId, s.id)).all()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ slotIndex: 0, seat: 1, status: 'booked' })
  })

  it('fills a three-person slot with exactly three of 100', async () => {
    const s = sessionOn(app.db, '2026-11-26', DEPUTY_LI)
    const forms = await openForms(100, `d${DEPUTY_LI}`, s.id, 1)
    const { statuses, ms } = await burst(forms, (i) => ({
      station: '1',
      who: `d${DEPUTY_LI}`,
      session: String(s.id),
      slot: '1',
      topic: '2',
      name: `居民${i}`,
      phone: phone(1000 + i),
    }))
    console.log(`[load] 100 parallel bookings of a 3-seat slot: ${Math.round(ms)} ms`)
    expect(statuses.filter((x) => x === 303)).toHaveLength(3)
    expect(statuses.filter((x) => x === 409)).toHaveLength(97)
    const seats = app.db
      .select({ seat: receptionBookings.seat })
      .from(receptionBookings)
      .where(eq(receptionBookings.sessionId, s.id))
      .all()
      .map((r) => r.seat)
      .sort()
    expect(seats).toEqual([1, 2, 3])
  })

  it('lets one phone hold one open booking per deputy, whichever of 50 parallel attempts comes first', async () => {
    const s = sessionOn(app.db, '2026-12-03', 1)
    const forms = await openForms(4, 'd1', s.id, 0)
    // Four slots of the same session, the same phone each time, many times over.
    const all = Array.from({ length: 50 }, (_, i) => ({ ...forms[i % 4]!, slot: i % 4 }))
    const again = await Promise.all(
      all.map(async (f) => {
        const html = await (
          await f.k.get(`/kiosk/booking/details?who=d1&session=${s.id}&slot=${f.slot}`)
        ).text()
        return { k: f.k, key: formKeyOf(html), slot: f.slot }
      }),
    )
    const { statuses, ms } = await burst(again, (i) => ({
      station: '1',
      who: 'd1',
      session: String(s.id),
      slot: String(again[i]!.slot),
      topic: '1',
      name: '同一人',
      phone: '13700000000',
    }))
    console.log(`[load] 50 parallel bookings with one phone: ${Math.round(ms)} ms`)
    expect(statuses.filter((x) => x === 303)).toHaveLength(1)
    expect(statuses.every((x) => x === 303 || x === 409)).toBe(true)
    expect(
      app.db.select().from(receptionBookings).where(eq(receptionBookings.residentPhone, '13700000000')).all(),
    ).toHaveLength(1)
  })
})
