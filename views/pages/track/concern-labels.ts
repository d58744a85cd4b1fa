import type { ConcernChannel, ConcernEventAction, ConcernStatus } from '../../../db/schema.ts'
import type { T } from '../../i18n/index.ts'

/** Localised label of a concern status (DESIGN §4.4); keys are never shown. */
export function statusLabel(t: T, s: ConcernStatus): string {
  switch (s) {
    case 'received':
      return t('queue.status.received')
    case 'answered':
      return t('queue.status.answered')
    case 'referred':
      return t('queue.status.referred')
    case 'suggestion':
      return t('queue.status.suggestion')
    case 'in_progress':
      return t('queue.status.inProgress')
    case 'replied':
      return t('queue.status.replied')
    case 'closed':
      return t('queue.status.closed')
    case 'reopened':
      return t('queue.status.reopened')
    case 'duplicate':
      return t('queue.status.duplicate')
    case 'out_of_scope':
      return t('queue.status.outOfScope')
    case 'withdrawn':
      return t('queue.status.withdrawn')
    case 'no_show_no_contact':
      return t('queue.status.noShowNoContact')
    case 'spam':
      return t('queue.status.spam')
  }
}

export function channelLabel(t: T, c: ConcernChannel): string {
  switch (c) {
    case 'kiosk':
      return t('queue.channel.kiosk')
    case 'reception':
      return t('queue.channel.reception')
    case 'phone':
      return t('queue.channel.phone')
    case 'wechat':
      return t('queue.channel.wechat')
    case 'letter':
      return t('queue.channel.letter')
    case 'visit':
      return t('queue.channel.visit')
    case 'phone_web':
      return t('queue.channel.phoneWeb')
  }
}

export function eventLabel(t: T, a: ConcernEventAction): string {
  switch (a) {
    case 'created':
      return t('queue.event.created')
    case 'called':
      return t('queue.event.called')
    case 'served':
      return t('queue.event.served')
    case 'no_show':
      return t('queue.event.noShow')
    case 'transferred':
      return t('queue.event.transferred')
    case 'carried_over':
      return t('queue.event.carriedOver')
    case 'assigned':
      return t('queue.event.assigned')
    case 'status_changed':
      return t('queue.event.statusChanged')
    case 'unit_replied':
      return t('followup.event.unitReplied')
    case 'verdict':
      return t('followup.event.verdict')
    case 'undone':
      return t('followup.event.undone')
    case 'escalated':
      return t('followup.event.escalated')
    case 'duplicate_linked':
      return t('followup.event.duplicateLinked')
    case 'erased':
      return t('followup.event.erased')
    case 'triage_accepted':
      return t('triage.event.accepted')
  }
}

/** A tracking code as people read it: ABCD-EFGH. */
export const formatTrackingCode = (code: string) =>
  code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code

/** A local date (YYYY-MM-DD) in words, e.g. 2026年12月2日星期三 / Wednesday 2 December 2026. */
export function formatLocalDate(
  dateTime: (d: Date, tz: string, o?: Intl.DateTimeFormatOptions) => string,
  date: string,
) {
  return dateTime(new Date(`${date}T12:00:00Z`), 'UTC', { dateStyle: 'full' })
}
