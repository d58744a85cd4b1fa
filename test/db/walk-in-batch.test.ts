import { describe, expect, it } from 'vitest'
import { insertConcerns } from '../../db/queries/concerns.ts'
import { localDate } from '../../server/domain/time.ts'
import { submitConcerns } from '../../server/events/queue-commands.ts'
import { kioskWalkIn, STATION_A, STATION_B } from '../helpers/queue.ts'
import { makeTestApp } from '../helpers/test-app.ts'

/** Walk-ins that arrive together (the kiosk's group commit) are written a kind of row at a time. */
describe('submitConcerns', () => {
  const walkIn = (t: { clock: { now: () => Date } }, stationId: number, key: string | null) =>
    kioskWalkIn(stationId, localDate(t.clock.now(), 'Asia/Shanghai'), key)

  it('numbers each station day in order, repeats a key seen before or in the same batch, in one statement per kind of row', async () => {
    const statements: string[] = []
    let watching = false
    const t = await makeTestApp({ onSql: (s) => watching && statements.push(s) })
    const key = (n: number) => `batch-key-${n}-${'b'.repeat(24)}`
    const [before] = submitConcerns(t.db, [walkIn(t, STATION_A, key(0))], t.clock.now())

    watching = true
    const results = submitConcerns(
      t.db,
      [
        walkIn(t, STATION_A, key(1)),
        walkIn(t, STATION_B, key(2)),
        walkIn(t, STATION_A, key(0)), // made before
        walkIn(t, STATION_A, key(3)),
        walkIn(t, STATION_A, key(1)), // earlier in this batch
        walkIn(t, STATION_B, null),
      ],
      t.clock.now(),
    )
    watching = false

    expect(results.map((r) => r.replayed)).toEqual([false, false, true, false, true, false])
    expect(results.map((r) => r.ticket?.number)).toEqual([2, 1, 1, 3, 2, 2])
    expect(results[2]!.concern.id).toBe(before!.concern.id)
    expect(results[4]!.concern.id).toBe(results[0]!.concern.id)
    const fresh = results.filter((r) => !r.replayed)
    expect(new Set(fresh.map((r) => r.concern.trackingCode)).size).toBe(4)
    expect(fresh.every((r) => r.ticket?.concernId === r.concern.id)).toBe(true)
    const count = (re: RegExp) => statements.filter((s) => re.test(s)).length
    // A tracking code is checked by the insert itself (ON CONFLICT DO NOTHING), not read first.
    expect(count(/^select .* from "concerns" where "concerns"\."tracking_code" in/i)).toBe(0)
    expect(count(/^insert into "concerns"/i)).toBe(1)
    expect(count(/^insert into "concern_events"/i)).toBe(1)
    expect(count(/^insert into "queue_tickets"/i)).toBe(1)
    expect(count(/select max\("number"\) from "queue_tickets"/i)).toBe(1)
    // Due dates are looked up once per station day (two here, one needing the queue settings too),
    // not once per concern: inside a transaction that has written, each lookup reads the data versions.
    expect(count(/from data_versions/i)).toBeLessThanOrEqual(3)
  })

  it('draws a tracking code again when a concern already has it, and stores each concern once', async () => {
    const t = await makeTestApp()
    const concern = (n: number) => ({
      stationId: STATION_A,
      topicId: 1,
      channel: 'kiosk' as const,
      deputyId: null,
      receivedOn: localDate(t.clock.now(), 'Asia/Shanghai'),
      submissionKey: `code-key-${n}-${'c'.repeat(24)}`,
      actor: { kind: 'kiosk' as const },
    })
    const [first] = insertConcerns(t.db, [concern(0)], t.clock.now(), () => 'AAAA2222')
    const codes = ['AAAA2222', 'BBBB3333', 'AAAA2222', 'CCCC4444']
    const made = t.db.transaction((tx) =>
      insertConcerns(tx, [concern(1), concern(2)], t.clock.now(), () => codes.shift()!),
    )
    expect(first!.trackingCode).toBe('AAAA2222')
    expect(made.map((c) => c.trackingCode)).toEqual(['CCCC4444', 'BBBB3333'])
    expect(made.map((c) => c.submissionKey)).toEqual([concern(1).submissionKey, concern(2).submissionKey])
    const stored = t.db.$client.prepare('select tracking_code from concerns order by id').pluck().all()
    expect(stored).toEqual(['AAAA2222', 'BBBB3333', 'CCCC4444'])
  })

  it('writes nothing of a batch whose hook throws', async () => {
    const t = await makeTestApp()
    const key = `batch-hook-${'h'.repeat(24)}`
    const failing = {
      ...walkIn(t, STATION_A, key),
      alsoInTransaction: () => {
        throw new Error('refused')
      },
    }
    expect(() => submitConcerns(t.db, [walkIn(t, STATION_A, null), failing], t.clock.now())).toThrow(
      'refused',
    )
    const again = submitConcerns(t.db, [walkIn(t, STATION_A, key)], t.clock.now())
    expect(again[0]!.replayed).toBe(false)
    expect(again[0]!.ticket?.number).toBe(1)
  })
})
