import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  addSuggestionEvent,
  insertSuggestion,
  linkConcerns,
  type SuggestionActionInput,
  type SuggestionDraftFields,
  type SuggestionUnitInput,
  setCosigner,
  writeSuggestionActions,
  writeSuggestionUnits,
} from '../../db/queries/suggestions.ts'
import { type ReplyGrade, type SuggestionStatus, suggestionReplies, suggestions } from '../../db/schema.ts'
import { followUpApp } from './followup.ts'
import { addAccount } from './test-app.ts'

/**
 * The follow-up app (demo street; `clerk` is the demo clerk, who serves the street office; `deputy`
 * is 陈建国, deputy 1, home station 1) plus 李秀英 (deputy 2) and 张伟 (deputy 3) signed in as
 * co-signers, and `plainClerk`, a clerk of station 1 who is not in the street office.
 */
export async function suggestionApp(now?: string) {
  const f = await followUpApp(now)
  const li = await addAccount(f.t, { username: 'deputy-li', role: 'deputy', deputyId: 2 })
  const zhang = await addAccount(f.t, { username: 'deputy-zhang', role: 'deputy', deputyId: 3 })
  const plain = await addAccount(f.t, { username: 'clerk-plain', role: 'staff', stationIds: [1] })
  return {
    ...f,
    office: f.clerk,
    cosignerLi: await f.t.client().login(li.username, li.password),
    cosignerZhang: await f.t.client().login(zhang.username, zhang.password),
    plainClerk: await f.t.client().login(plain.username, plain.password),
  }
}

export type SeededSuggestion = Partial<SuggestionDraftFields> & {
  leadDeputyId?: number
  stationId?: number
  status?: SuggestionStatus
  year?: number
  number?: number
  actions?: SuggestionActionInput[]
  proposed?: SuggestionUnitInput[]
  assigned?: SuggestionUnitInput[]
  cosigners?: { deputyId: number; state: 'invited' | 'confirmed' | 'declined' }[]
  concernIds?: number[]
  replies?: {
    unitId: number
    round?: number
    grade: ReplyGrade
    text?: string
    repliedOn: string
    dueOn?: string
  }[]
  dueOn?: string | null
  verdict?: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null
  qualityFirstPassed?: boolean | null
  submittedAt?: Date
  closedAt?: Date
  /** 0 for the first handling, +1 per re-handling. */
  round?: number
  acceptedAt?: Date
  assignedAt?: Date
  repliedAt?: Date
}

/**
 * Writes a suggestion straight into the tables in any state, for tests of what reads them (lists,
 * print, records). Tests of the steps themselves go through the HTTP routes instead.
 */
export function seedSuggestion(db: Db, s: SeededSuggestion, now: Date): number {
  return db.transaction((tx) => {
    const row = insertSuggestion(
      tx,
      {
        stationId: s.stationId ?? 1,
        leadDeputyId: s.leadDeputyId ?? 1,
        createdByAccountId: null,
        kind: s.kind ?? 'infrastructure',
        title: s.title ?? '关于维修幸福小区电梯的建议',
        problem: s.problem ?? '自2026年3月起，幸福小区3栋电梯停运12次，13位居民反映。',
        causes: s.causes ?? '',
        noEvidenceReason: s.noEvidenceReason ?? '',
        urgent: s.urgent ?? false,
      },
      now,
    )
    tx.update(suggestions)
      .set({
        status: s.status ?? 'draft',
        year: s.year ?? null,
        number: s.number ?? null,
        dueOn: s.dueOn ?? null,
        verdict: s.verdict ?? null,
        qualityFirstPassed: s.qualityFirstPassed ?? null,
        submittedAt: s.submittedAt ?? null,
        closedAt: s.closedAt ?? null,
        round: s.round ?? 0,
        acceptedAt: s.acceptedAt ?? null,
        assignedAt: s.assignedAt ?? null,
        repliedAt: s.repliedAt ?? null,
      })
      .where(eq(suggestions.id, row.id))
      .run()
    writeSuggestionActions(tx, row.id, s.actions ?? [{ text: '更换3栋电梯主机', actor: '物业公司' }])
    writeSuggestionUnits(tx, row.id, 'proposed', s.proposed ?? [])
    writeSuggestionUnits(tx, row.id, 'assigned', s.assigned ?? [])
    for (const c of s.cosigners ?? []) setCosigner(tx, row.id, c.deputyId, c.state, now)
    linkConcerns(tx, row.id, s.concernIds ?? [], now)
    for (const r of s.replies ?? [])
      tx.insert(suggestionReplies)
        .values({
          suggestionId: row.id,
          unitId: r.unitId,
          round: r.round ?? 0,
          grade: r.grade,
          text: r.text ?? '已安排维修。',
          repliedOn: r.repliedOn,
          dueOn: r.dueOn ?? null,
          recordedAt: now,
        })
        .run()
    addSuggestionEvent(tx, row.id, now, {
      action: 'created',
      actor: { kind: 'system' },
      fromStatus: null,
      toStatus: s.status ?? 'draft',
    })
    return row.id
  })
}
