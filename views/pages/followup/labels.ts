import type { FollowUpDueKind, ReplyGrade, Verdict, VerdictChannel } from '../../../db/schema.ts'
import type { Step } from '../../../server/domain/concern-follow-up.ts'
import type { RightChannel, StepFailure } from '../../../server/events/concern-steps.ts'
import type { MessageKey, T } from '../../i18n/index.ts'

/** Localised names of the follow-up's enums; keys are never shown. */

export function stepLabel(t: T, s: Step): string {
  switch (s) {
    case 'answer':
      return t('followup.step.answer')
    case 'refer':
      return t('followup.step.refer')
    case 'suggest':
      return t('followup.step.suggest')
    case 'out_of_scope':
      return t('followup.step.outOfScope')
    case 'duplicate':
      return t('followup.step.duplicate')
    case 'return':
      return t('followup.step.return')
    case 'accept':
      return t('followup.step.accept')
    case 'unit_reply':
      return t('followup.step.unitReply')
    case 'relay':
      return t('followup.step.relay')
    case 'verdict':
      return t('followup.step.verdict')
    case 'withdraw':
      return t('followup.step.withdraw')
    case 'undo':
      return t('followup.step.undo')
  }
}

export function stepHint(t: T, s: Step): string {
  switch (s) {
    case 'answer':
      return t('followup.stepHint.answer')
    case 'refer':
      return t('followup.stepHint.refer')
    case 'suggest':
      return t('followup.stepHint.suggest')
    case 'out_of_scope':
      return t('followup.stepHint.outOfScope')
    case 'duplicate':
      return t('followup.stepHint.duplicate')
    case 'return':
      return t('followup.stepHint.return')
    case 'accept':
      return t('followup.stepHint.accept')
    case 'unit_reply':
      return t('followup.stepHint.unitReply')
    case 'relay':
      return t('followup.stepHint.relay')
    case 'verdict':
      return t('followup.stepHint.verdict')
    case 'withdraw':
      return t('followup.stepHint.withdraw')
    case 'undo':
      return t('followup.stepHint.undo')
  }
}

export function dueKindLabel(t: T, k: FollowUpDueKind): string {
  switch (k) {
    case 'first_response':
      return t('followup.due.firstResponse')
    case 'unit_reply':
      return t('followup.due.unitReply')
    case 'suggestion_reply':
      return t('followup.due.suggestionReply')
    case 'relay':
      return t('followup.due.relay')
    case 'rehandling':
      return t('followup.due.rehandling')
  }
}

export function gradeLabel(t: T, g: ReplyGrade): string {
  switch (g) {
    case 'A':
      return t('followup.grade.A')
    case 'B':
      return t('followup.grade.B')
    case 'C':
      return t('followup.grade.C')
    case 'D':
      return t('followup.grade.D')
  }
}

export function verdictLabel(t: T, v: Verdict): string {
  switch (v) {
    case 'satisfied':
      return t('followup.verdict.satisfied')
    case 'basically_satisfied':
      return t('followup.verdict.basicallySatisfied')
    case 'unsatisfied':
      return t('followup.verdict.unsatisfied')
  }
}

export function rightChannelLabel(t: T, c: RightChannel): string {
  switch (c) {
    case 'litigation':
      return t('followup.channel.litigation')
    case 'arbitration':
      return t('followup.channel.arbitration')
    case 'administrative_review':
      return t('followup.channel.administrativeReview')
    case 'petition':
      return t('followup.channel.petition')
    case 'other':
      return t('followup.channel.other')
  }
}

/** HTTP status and message of a refused step. */
export function failureOf(reason: StepFailure): [404 | 403 | 409 | 422, MessageKey] {
  switch (reason) {
    case 'not_found':
      return [404, 'followup.error.notFound']
    case 'forbidden':
      return [403, 'followup.error.forbidden']
    case 'own_verdict':
      return [403, 'followup.error.ownVerdict']
    case 'not_allowed':
      return [409, 'followup.error.notAllowed']
    case 'changed':
      return [409, 'followup.error.changed']
    case 'needs_channel':
      return [422, 'followup.error.needsChannel']
    case 'unknown_unit':
      return [422, 'followup.error.unknownUnit']
    case 'unknown_master':
      return [422, 'followup.error.unknownMaster']
    case 'self_master':
      return [422, 'followup.error.selfMaster']
    case 'master_forbidden':
      return [403, 'followup.error.masterForbidden']
    case 'due_past':
      return [422, 'followup.error.duePast']
    case 'due_off':
      return [422, 'followup.error.dueOff']
    case 'nothing_to_undo':
      return [409, 'followup.error.nothingToUndo']
  }
}

/** A share as a whole percentage, or a dash when there is nothing to divide. */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`)

/** Where a resident gave a verdict, for the timeline. */
export function verdictChannelLabel(t: T, via: VerdictChannel): string {
  switch (via) {
    case 'kiosk':
      return t('followup.timeline.viaKiosk')
    case 'callback':
      return t('followup.timeline.viaCallback')
    case 'phone':
      return t('followup.timeline.viaPhone')
    case 'on_the_spot':
      return t('followup.timeline.viaOnTheSpot')
  }
}
