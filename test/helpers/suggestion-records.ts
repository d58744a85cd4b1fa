import type { Db } from '../../db/client.ts'
import { addSuggestionEvent } from '../../db/queries/suggestions.ts'
import {
  suggestionActions,
  suggestionConcerns,
  suggestionCosigners,
  suggestionEvents,
  suggestionReplies,
  suggestions,
  suggestionUnits,
} from '../../db/schema.ts'
import { seedSuggestion } from './suggestions.ts'

/*
 * The suggestions of test/http/suggestion-records.test.ts (and its browser twin): the fixture of
 * test/unit/suggestion-figures.test.ts, whose figures are counted by hand there (units 10, 11, 12,
 * 13 there are the demo units 1, 2, 3, 4 here), plus S7 at station 2; dates in November 2026.
 * Units: 1 街道办事处, 2 街道城管执法中队, 3 生态环境分局, 4 街道人社服务所, 5 住房和城乡建设局.
 */
export const at = (date: string) => new Date(`${date}T02:00:00.000Z`) // 10:00 in Shanghai, same date

export function seedSuggestionStreet(db: Db, residentConcernId?: number) {
  // The demo seed has no suggestions today; if one day it has, the hand count would not hold.
  for (const table of [
    suggestionEvents,
    suggestionReplies,
    suggestionConcerns,
    suggestionCosigners,
    suggestionUnits,
    suggestionActions,
    suggestions,
  ])
    db.delete(table).run()
  const now = at('2026-12-06')
  const s1 = seedSuggestion(
    db,
    {
      title: '关于维修幸福小区3栋电梯的建议',
      status: 'closed',
      year: 2026,
      number: 1,
      submittedAt: at('2026-11-03'),
      closedAt: at('2026-11-28'),
      verdict: 'satisfied',
      qualityFirstPassed: true,
      round: 1,
      dueOn: '2026-11-30',
      assigned: [
        { unitId: 1, role: 'lead' },
        { unitId: 2, role: 'assist' },
      ],
      replies: [
        { unitId: 1, round: 0, grade: 'C', repliedOn: '2026-11-10', dueOn: '2026-11-20' },
        { unitId: 2, round: 0, grade: 'B', repliedOn: '2026-11-25', dueOn: '2026-11-20' },
        { unitId: 1, round: 1, grade: 'A', repliedOn: '2026-11-26', dueOn: '2026-11-30' },
      ],
      cosigners: [
        { deputyId: 2, state: 'confirmed' },
        { deputyId: 3, state: 'declined' },
      ],
      concernIds: residentConcernId ? [residentConcernId] : [],
    },
    now,
  )
  // Resubmitted after a return: `submitted_at` moved to December, the first submission stays in November.
  const s2 = seedSuggestion(
    db,
    {
      title: '关于增设幸福小区路口红绿灯的建议',
      status: 'assigned',
      year: 2026,
      number: 2,
      submittedAt: at('2026-12-01'),
      qualityFirstPassed: false,
      dueOn: '2026-12-01',
      assigned: [{ unitId: 1, role: 'lead' }],
      replies: [{ unitId: 4, round: 0, grade: 'C', repliedOn: '2026-11-20', dueOn: '2026-12-01' }],
    },
    now,
  )
  addSuggestionEvent(db, s2, at('2026-11-15'), {
    action: 'submitted',
    actor: { kind: 'system' },
    fromStatus: 'draft',
    toStatus: 'submitted',
  })
  seedSuggestion(db, { status: 'returned', submittedAt: at('2026-11-05'), qualityFirstPassed: false }, now)
  seedSuggestion(
    db,
    {
      title: '关于清理河道垃圾的建议',
      status: 'closed',
      year: 2026,
      number: 3,
      submittedAt: at('2026-10-10'),
      closedAt: at('2026-11-20'),
      verdict: 'basically_satisfied',
      assigned: [{ unitId: 2, role: 'lead' }],
      replies: [{ unitId: 2, round: 0, grade: 'A', repliedOn: '2026-10-30', dueOn: '2026-11-10' }],
    },
    now,
  )
  seedSuggestion(
    db,
    {
      status: 'withdrawn',
      submittedAt: at('2026-11-06'),
      qualityFirstPassed: true,
      cosigners: [{ deputyId: 2, state: 'confirmed' }],
      assigned: [{ unitId: 3, role: 'lead' }],
    },
    now,
  )
  seedSuggestion(
    db,
    {
      leadDeputyId: 2,
      title: '关于规范家具企业夜间施工的建议',
      status: 'replied',
      year: 2026,
      number: 4,
      submittedAt: at('2026-11-20'),
      qualityFirstPassed: true,
      dueOn: '2026-12-20',
      assigned: [
        { unitId: 2, role: 'lead' },
        { unitId: 1, role: 'assist' },
      ],
      replies: [
        { unitId: 2, round: 0, grade: 'D', repliedOn: '2026-11-29' },
        { unitId: 1, round: 0, grade: 'B', repliedOn: '2026-11-30', dueOn: '2026-12-20' },
      ],
      cosigners: [
        { deputyId: 1, state: 'confirmed' },
        { deputyId: 3, state: 'invited' },
      ],
    },
    now,
  )
  // S7: deputy 8 of station 2.
  seedSuggestion(
    db,
    {
      leadDeputyId: 8,
      stationId: 2,
      title: '关于北片区公交站台遮雨棚的建议',
      status: 'closed',
      year: 2026,
      number: 5,
      submittedAt: at('2026-11-04'),
      closedAt: at('2026-11-27'),
      verdict: 'satisfied',
      qualityFirstPassed: true,
      assigned: [{ unitId: 5, role: 'lead' }],
      replies: [{ unitId: 5, round: 0, grade: 'A', repliedOn: '2026-11-12', dueOn: '2026-11-30' }],
    },
    now,
  )
  return { s1, s2 }
}
