import { describe, expect, it } from 'vitest'
import { registerPlaceNames, suggestionQualityReport } from '../../db/queries/suggestion-quality.ts'
import { loadSuggestion } from '../../db/queries/suggestions.ts'
import { intake } from '../helpers/followup.ts'
import { seedSuggestion, suggestionApp } from '../helpers/suggestions.ts'

const item = (r: ReturnType<typeof suggestionQualityReport>, id: string) => r.items.find((i) => i.id === id)

describe('the quality checklist of a stored suggestion', () => {
  it('reads units, linked concerns, co-signers and the register’s place names', async () => {
    const f = await suggestionApp()
    const { db, clock } = f.t
    expect(registerPlaceNames(db)).toEqual(
      expect.arrayContaining(['锦绣花园小区', '錦繡花園小區', 'Jinxiu Garden Estate', '第一选区']),
    )

    const a = await intake(f.clerk, f.t, { topic: 1, description: '3栋电梯停运' })
    const b = await intake(f.clerk, f.t, { topic: 2, description: '路灯不亮' })
    const id = seedSuggestion(
      db,
      {
        title: '关于维修锦绣花园3栋电梯的建议',
        // The register's name is what the checklist shows, before any place word.
        problem: '自2026年3月起，锦绣花园小区3栋的两台电梯停运12次，影响全楼48户、136名居民，其中老人11名。',
        actions: [{ text: '进一步加强管理', actor: '有关部门' }],
        proposed: [{ unitId: 1, role: 'assist' }],
        cosigners: [
          { deputyId: 2, state: 'invited' },
          { deputyId: 3, state: 'confirmed' },
        ],
        concernIds: [a.id, b.id],
      },
      clock.now(),
    )
    const report = suggestionQualityReport(db, loadSuggestion(db, id)!)
    expect(report.passed).toBe(false)
    expect(item(report, 'facts')).toMatchObject({ ok: true, detail: { place: '锦绣花园小区' } })
    expect(item(report, 'concrete_action')).toMatchObject({
      ok: false,
      detail: { vague: ['进一步', '加强', '管理'] },
    })
    // An assisting unit alone is no lead unit.
    expect(item(report, 'unit')?.ok).toBe(false)
    expect(item(report, 'evidence')).toMatchObject({ ok: true, detail: { linked: 2 } })
    expect(item(report, 'one_topic')).toMatchObject({ ok: false, detail: { n: 2 } })
    expect(item(report, 'cosigners_answered')).toMatchObject({ ok: false, detail: { n: 1 } })
    // The stylesheet the checklist links is served.
    expect((await f.t.app.request('/static/quality-checklist.css')).status).toBe(200)
  })
})
