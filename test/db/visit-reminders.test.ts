import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { issueFeedToken } from '../../db/queries/feeds.ts'
import { listPlaces } from '../../db/queries/places.ts'
import { outbox } from '../../db/schema.ts'
import { cancelVisit, planVisit } from '../../server/events/visit-commands.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { runVisitReminders } from '../../server/jobs/visit-reminders.ts'
import { makeTestApp } from '../helpers/test-app.ts'

const reminders = (t: Awaited<ReturnType<typeof makeTestApp>>) =>
  t.db.select().from(outbox).where(eq(outbox.kind, 'visit.reminder')).orderBy(asc(outbox.id)).all()

describe('the day-before visit reminder', () => {
  it('reminds each deputy going once, from 09:00 the day before, in their feed language; expires at the start', async () => {
    const t = await makeTestApp({ now: '2026-11-25T00:30:00.000Z' }) // 08:30 Shanghai
    expect(JOBS.map((j) => j.name)).toContain('visit-reminders')
    const place = listPlaces(t.db, { districtIds: [1] }).find((p) => p.nameZhHans === '东湖社区')!
    const plan = (startsAt: string, deputyIds: number[]) =>
      planVisit(
        t.db,
        {
          placeId: place.id,
          stationId: 1,
          kind: 'home_visits',
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 7_200_000),
          deputyIds,
          note: '带好宣传册',
          actorAccountId: 1,
        },
        t.clock.now(),
      )
    const tomorrow = plan('2026-11-26T01:00:00.000Z', [1, 6])
    plan('2026-11-27T01:00:00.000Z', [1]) // the day after tomorrow: not yet
    const cancelled = plan('2026-11-26T06:00:00.000Z', [1])
    cancelVisit(t.db, cancelled.id, '改期', 1, t.clock.now())
    issueFeedToken(t.db, { kind: 'deputy', subjectId: 6, locale: 'en' }, null, t.clock.now())

    expect(runVisitReminders(t.deps, t.clock.now())).toBe(0) // before 09:00
    t.clock.set('2026-11-25T01:10:00.000Z')
    expect(runVisitReminders(t.deps, t.clock.now())).toBe(2)
    expect(runVisitReminders(t.deps, t.clock.now())).toBe(0)
    const rows = reminders(t)
    expect(rows.map((r) => r.dedupeKey)).toEqual([
      `visit-reminder:${tomorrow.id}:deputy-1`,
      `visit-reminder:${tomorrow.id}:deputy-6`,
    ])
    expect(rows[0]).toMatchObject({ subject: '明天走访：东湖社区', recipient: 'account:3' })
    expect(rows[0]!.body).toBe('陈建国代表：明天 2026-11-26 09:00–11:00 到东湖社区（入户走访）。带好宣传册')
    expect(rows[1]!.subject).toBe('Visit tomorrow: Donghu Community')
    expect(rows[1]!.recipient).toBe('deputy:6')
    expect(rows.every((r) => r.expiresAt?.toISOString() === '2026-11-26T01:00:00.000Z')).toBe(true)
  })
})
