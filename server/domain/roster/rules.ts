import { addDays, isLocalTime, minutesOf } from '../zoned-time.ts'
import { generateRoster, personForTurn } from './generate.ts'
import {
  type Override,
  type PersonKey,
  type RosterInput,
  type RosterSlot,
  type RotationRule,
  type SlotDef,
  slotKey,
} from './types.ts'

/** Message keys the roster's checks answer with (all in views/i18n/messages/roster.ts). */
export type RosterProblem =
  | 'roster.error.noParticipants'
  | 'roster.error.duplicateParticipant'
  | 'roster.error.afterPublished'
  | 'roster.error.notAfterLatest'
  | 'roster.error.unknownSlot'
  | 'roster.error.endBeforeStart'
  | 'roster.error.slotCodeTaken'
  | 'roster.error.overrideOverlap'
  | 'roster.error.toBeforeFrom'
  | 'roster.error.swapWithSelf'
  | 'roster.error.notYours'
  | 'roster.error.notPublished'
  | 'roster.error.slotStarted'
  | 'roster.error.notParticipant'
  | 'roster.error.takerAbsent'
  | 'roster.error.ownSwap'

export type Problems = Partial<Record<string, RosterProblem>>

/** The first day a change may take effect: after the published horizon and not in the past. */
export const firstChangeableDay = (today: string, publishedThrough: string | null) =>
  publishedThrough !== null && publishedThrough >= today ? addDays(publishedThrough, 1) : today

/** Checks a new slot definition against the station's others and the published horizon. */
export function checkSlotDef(
  def: Pick<SlotDef, 'code' | 'start' | 'end' | 'validFrom'>,
  existing: readonly SlotDef[],
  firstChangeable: string,
): Problems {
  const problems: Problems = {}
  if (isLocalTime(def.start) && isLocalTime(def.end) && minutesOf(def.end) <= minutesOf(def.start))
    problems.end = 'roster.error.endBeforeStart'
  if (def.validFrom < firstChangeable) problems.validFrom = 'roster.error.afterPublished'
  if (existing.some((d) => d.code === def.code && (d.validUntil === null || d.validUntil >= def.validFrom)))
    problems.code = 'roster.error.slotCodeTaken'
  return problems
}

/** Checks a new rotation version against the layer's versions and the published horizon. */
export function checkRuleVersion(
  draft: Pick<RotationRule, 'layer' | 'effectiveFrom' | 'participants' | 'slotCodes'>,
  rules: readonly RotationRule[],
  slotCodes: readonly string[],
  firstChangeable: string,
): Problems {
  const problems: Problems = {}
  if (draft.participants.length === 0) problems.participants = 'roster.error.noParticipants'
  else if (new Set(draft.participants).size !== draft.participants.length)
    problems.participants = 'roster.error.duplicateParticipant'
  if (draft.effectiveFrom < firstChangeable) problems.effectiveFrom = 'roster.error.afterPublished'
  else if (rules.some((r) => r.layer === draft.layer && r.effectiveFrom >= draft.effectiveFrom))
    problems.effectiveFrom = 'roster.error.notAfterLatest'
  if (draft.slotCodes.some((c) => !slotCodes.includes(c))) problems.slotCodes = 'roster.error.unknownSlot'
  return problems
}

/** Checks an override: a real range that overlaps no other live override on a shared slot code. */
export function checkOverride(
  draft: Pick<Override, 'from' | 'to' | 'slotCodes'>,
  others: readonly Override[],
): { problems: Problems; clash: Override | null } {
  if (draft.to < draft.from) return { problems: { to: 'roster.error.toBeforeFrom' }, clash: null }
  const shareCode = (a: readonly string[], b: readonly string[]) =>
    a.length === 0 || b.length === 0 || a.some((c) => b.includes(c))
  const clash =
    others.find((o) => o.from <= draft.to && draft.from <= o.to && shareCode(o.slotCodes, draft.slotCodes)) ??
    null
  return { problems: clash ? { from: 'roster.error.overrideOverlap' } : {}, clash }
}

/**
 * Where a new version of a layer starts so the rotation carries on rather than restarting: the
 * person the current version would give the first slot it serves on or after `from` goes first,
 * or, if they are not in the new list, the next one after them in the old order who is.
 * Looks up to a year ahead; with no current version or nobody in common it starts at the top.
 */
export function carriedStartPosition(
  input: RosterInput,
  layer: number,
  from: string,
  participants: readonly PersonKey[],
): number {
  const current = input.rules
    .filter((r) => r.layer === layer && r.effectiveFrom < from)
    .reduce<RotationRule | null>((a, r) => (!a || r.effectiveFrom > a.effectiveFrom ? r : a), null)
  if (!current || participants.length === 0) return 0
  const asBefore: RosterInput = {
    ...input,
    rules: input.rules.filter((r) => r.layer !== layer || r.effectiveFrom < from),
  }
  const next = generateRoster(asBefore, from, addDays(from, 366)).find(
    (s) => s.ruleId === current.id && s.turn !== null,
  )
  if (!next || next.turn === null) return 0
  const old = current.participants
  const at = old.indexOf(personForTurn(current, next.turn))
  for (let k = 0; k < old.length; k++) {
    const i = participants.indexOf(old[(at + k) % old.length]!)
    if (i >= 0) return i
  }
  return 0
}

export type RosterChange = {
  key: string
  date: string
  code: string
  before: PersonKey | null
  after: PersonKey | null
}

/** Slots whose person differs between two rosters of the same days (a slot missing on one side counts). */
export function diffRosters(before: readonly RosterSlot[], after: readonly RosterSlot[]): RosterChange[] {
  const a = new Map(before.map((s) => [s.key, s]))
  const b = new Map(after.map((s) => [s.key, s]))
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort()
  const out: RosterChange[] = []
  for (const key of keys) {
    const x = a.get(key)
    const y = b.get(key)
    const [date, code] = key.split('|') as [string, string]
    if ((x?.person ?? null) !== (y?.person ?? null) || !x !== !y)
      out.push({ key, date, code, before: x?.person ?? null, after: y?.person ?? null })
  }
  return out
}

/** Whether a slot key names a slot of the roster. */
export const hasSlot = (roster: readonly RosterSlot[], date: string, code: string) =>
  roster.some((s) => s.key === slotKey(date, code))
