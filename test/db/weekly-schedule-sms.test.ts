import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { findAccountByUsername } from '../../db/queries/accounts.ts'
import { listPlaces } from '../../db/queries/places.ts'
import { insertOverride } from '../../db/queries/roster.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { accounts, outbox } from '../../db/schema.ts'
import { comingWeek, WEEK_ITEMS_MAX, weekItemsText } from '../../server/domain/weekly-schedule-sms.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { catchUp } from '../../server/jobs/runner.ts'
import { runWeeklyScheduleSms, weeklyScheduleSmsJob } from '../../server/jobs/weekly-schedule-sms.ts'
import { addSession } from '../helpers/feeds.ts'
import { rosterFixture } from '../helpers/roster.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

type T = Awaited<ReturnType<typeof makeTestApp>>
const sent = (t: T) =>
  t.db.select().from(outbox).where(eq(outbox.kind, 'schedule.weekly')).orderBy(asc(outbox.id)).all()

/** The demo deputy chooses SMS and has, in the week of Monday 30 November, a reception day, a visit and a duty. */
async function deputyWeek(now = '2026-11-29T10:00:00.000Z') {
  const t = await makeTestApp({ now }) // Sunday 18:00 in Shanghai
  await rosterFixture(t)
  const account = findAccountByUsername(t.db, DEMO.deputy[0])!
  const deputyId = t.db.select().from(accounts).where(eq(accounts.id, account.id)).get()!.deputyId!
  t.db
    .update(accounts)
    .set({ phone: '13712345678', notifyChannel: 'sms' })
    .where(eq(accounts.id, account.id))
    .run()
  const at = t.clock.now()
  addSession(t.db, { deputyId, stationId: 1, date: '2026-12-01', start: '09:00', end: '11:00' }, at)
  addSession(t.db, { deputyId, stationId: 1, date: '2026-12-08', start: '09:00', end: '11:00' }, at) // next week
  const place = listPlaces(t.db).find((p) => p.nameZhHans === '东湖社区')!
  insertVisit(
    t.db,
    {
      placeId: place.id,
      stationId: 1,
      kind: 'home_visits',
      startsAt: new Date('2026-12-03T06:30:00Z'), // Thursday 14:30
      endsAt: new Date('2026-12-03T08:30:00Z'),
      deputyIds: [deputyId],
    },
    at,
  )
  const clerkId = findAccountByUsername(t.db, DEMO.staff[0])!.id
  const o = insertOverride(
    t.db,
    1,
    { from: '2026-12-02', to: '2026-12-02', slotCodes: ['pm'], person: `deputy:${deputyId}` },
    clerkId,
    at,
  )
  expect(o.ok).toBe(true)
  return { t, accountId: account.id }
}

describe('weekly schedule by SMS to deputies who chose SMS (issue 16 item 8)', () => {
  it('names the coming week’s reception day, visit and duty, in order, within two SMS', async () => {
    const { t, accountId } = await deputyWeek()
    expect(runWeeklyScheduleSms(t.deps, t.clock.now())).toBe(1)
    const [sms] = sent(t)
    expect(sms).toMatchObject({ recipient: `account:${accountId}`, channel: 'sms', phone: '13712345678' })
    expect(sms!.smsParams).toEqual({
      week: '11-30至12-06',
      items: '周二 09:00 接待；周三 14:00 值班；周四 14:30 东湖社区',
    })
    expect(sms!.expiresAt?.toISOString()).toBe('2026-11-30T04:00:00.000Z')
  })

  it('runs once per week, and a catch-up after a missed Sunday sends that week once', async () => {
    const { t } = await deputyWeek()
    expect(runWeeklyScheduleSms(t.deps, t.clock.now())).toBe(1)
    expect(runWeeklyScheduleSms(t.deps, t.clock.now())).toBe(0)
    // Through the runner: the server was down from Saturday to Monday morning.
    const late = await deputyWeek('2026-11-30T00:30:00.000Z') // Monday 08:30
    const outcomes = await catchUp(late.t.deps, [weeklyScheduleSmsJob])
    expect(outcomes).toHaveLength(1)
    expect(sent(late.t)).toHaveLength(1)
    expect(sent(late.t)[0]!.smsParams).toMatchObject({ week: '11-30至12-06' })
    expect(await catchUp(late.t.deps, [weeklyScheduleSmsJob])).toHaveLength(0)
    expect(sent(late.t)).toHaveLength(1)
    expect(JOBS).toContain(weeklyScheduleSmsJob)
  })

  it('sends nothing to a deputy who keeps the webhook', async () => {
    const { t, accountId } = await deputyWeek()
    t.db.update(accounts).set({ notifyChannel: 'webhook' }).where(eq(accounts.id, accountId)).run()
    expect(runWeeklyScheduleSms(t.deps, t.clock.now())).toBe(0)
    expect(sent(t)).toHaveLength(0)
  })

  it('reads the coming week from Sunday and from a late Monday alike', () => {
    expect(comingWeek('2026-11-29')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
    expect(comingWeek('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
  })

  it('cuts a long week at the limit and says how many more', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      date: `2026-12-0${1 + (i % 5)}`,
      time: `${String(8 + (i % 10)).padStart(2, '0')}:00`,
      label: '幸福村入户走访',
    }))
    const text = weekItemsText(
      items,
      (n) => `周${n}`,
      (n) => `等另 ${n} 项`,
    )
    expect(text.length).toBeLessThanOrEqual(WEEK_ITEMS_MAX)
    const shown = text.split('；').length - 1
    expect(text.endsWith(`等另 ${20 - shown} 项`)).toBe(true)
  })
})
