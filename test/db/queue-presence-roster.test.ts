import { describe, expect, it } from 'vitest'
import { presentDeputies, setPresence } from '../../db/queries/queue-presence.ts'
import { insertRuleVersion, insertSlotDef } from '../../db/queries/roster.ts'
import { makeTestApp } from '../helpers/test-app.ts'

/** The duty roster feeds "who is present" for the walk-in queue (issue 6, item 5). */
describe('presence from the duty roster', () => {
  async function withDeputyRotation() {
    const t = await makeTestApp({ now: '2026-11-23T01:00:00Z' })
    const now = t.clock.now()
    insertSlotDef(
      t.db,
      1,
      {
        code: 'am',
        nameZhHans: '上午',
        nameZhHant: '上午',
        nameEn: 'Morning',
        start: '09:00',
        end: '12:00',
        weekdays: [1, 2, 3, 4, 5],
        validFrom: '2026-11-01',
      },
      1,
      now,
    )
    // Deputies 1 and 2 take turns, a day each, from Monday 2026-11-23.
    insertRuleVersion(
      t.db,
      1,
      {
        layer: 1,
        effectiveFrom: '2026-11-23',
        unit: 'day',
        interval: 1,
        startPosition: 0,
        slotCodes: [],
        weekdays: [],
        participants: ['deputy:1', 'deputy:2'],
      },
      1,
      now,
    )
    return t
  }

  it('counts the rostered deputy as present without a clerk mark', async () => {
    const t = await withDeputyRotation()
    expect(presentDeputies(t.db, 1, '2026-11-23').map((d) => d.deputyId)).toEqual([1])
    expect(presentDeputies(t.db, 1, '2026-11-24').map((d) => d.deputyId)).toEqual([2])
    // Saturday: no slot, nobody rostered.
    expect(presentDeputies(t.db, 1, '2026-11-28')).toEqual([])
  })

  it('lets a clerk add a deputy with a place, or mark a rostered one absent', async () => {
    const t = await withDeputyRotation()
    const now = t.clock.now()
    setPresence(
      t.db,
      { stationId: 1, date: '2026-11-23', deputyId: 3, present: true, place: '接待室 2' },
      1,
      now,
    )
    setPresence(t.db, { stationId: 1, date: '2026-11-23', deputyId: 1, present: false, place: '' }, 1, now)
    expect(presentDeputies(t.db, 1, '2026-11-23')).toEqual([{ deputyId: 3, name: '张伟', place: '接待室 2' }])
  })

  it('counts a deputy holding a reception session there that day, so checked-in bookings get called', async () => {
    const t = await withDeputyRotation()
    const insert = t.db.$client.prepare(
      `insert into reception_sessions (deputy_id, station_id, date, start_time, end_time, starts_at, ends_at, slot_minutes, capacity_per_slot, status, created_at, updated_at)
       values (4, 1, ?, '09:00', '11:00', 0, 0, 30, 1, ?, 0, 0)`,
    )
    insert.run('2026-11-23', 'scheduled')
    insert.run('2026-11-24', 'cancelled')
    expect(presentDeputies(t.db, 1, '2026-11-23').map((d) => d.deputyId)).toEqual([1, 4])
    expect(presentDeputies(t.db, 1, '2026-11-24').map((d) => d.deputyId)).toEqual([2])
  })

  it('skips a holiday the roster does not serve', async () => {
    const t = await withDeputyRotation()
    t.db.$client
      .prepare(
        "insert into closures (date, kind, station_id, name, created_at, updated_at) values ('2026-11-25', 'holiday', 0, '测试假日', 0, 0)",
      )
      .run()
    expect(presentDeputies(t.db, 1, '2026-11-25')).toEqual([])
  })
})
