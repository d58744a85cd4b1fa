import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { addAccount, DEMO, makeTestApp } from '../helpers/test-app.ts'

/** The computed deputy record is kept until activity or schedule data changes (issue 9). */
describe('kept deputy record', () => {
  it('counts a concern raised after the record was last shown, and still asks who may see it', async () => {
    const t = await makeTestApp()
    const deputy = await t.client().login(...DEMO.deputy)
    const received = async () => {
      const res = await deputy.get('/records/export.csv?scope=deputy&id=1&from=2026-11-01&to=2026-11-30')
      const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
        string,
        string
      >[]
      return Number(rows.find((r) => r.scope === 'deputy' && r.id === '1')!.concerns_received)
    }
    const before = await received()
    expect(await received()).toBe(before)
    submitConcern(
      t.db,
      {
        stationId: 1,
        localDate: '2026-11-25',
        topicId: 1,
        channel: 'kiosk',
        queue: false,
        deputyId: 1,
        priority: false,
        description: '路灯不亮',
        callbackPhone: null,
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'kiosk' },
      },
      t.clock.now(),
    )
    expect(await received()).toBe(before + 1)

    await addAccount(t, { username: 'deputy-two', role: 'deputy', password: 'pw-deputy-two', deputyId: 2 })
    const other = await t.client().login('deputy-two', 'pw-deputy-two')
    expect((await other.get('/records/deputies/1')).status).toBe(403)
    expect((await deputy.get('/records/deputies/1')).status).toBe(200)
  })
})
