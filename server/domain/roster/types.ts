import type { Weekday } from '../zoned-time.ts'

/** A person who can be on duty: a staff account or a deputy, written `account:12` / `deputy:3`. */
export type PersonKey = `account:${number}` | `deputy:${number}`

export const personKey = (kind: 'account' | 'deputy', id: number): PersonKey => `${kind}:${id}` as PersonKey

/** The person keys an account is on duty as: itself, and its deputy if it acts as one. */
export const keysOfAccount = (a: { id: number; deputyId: number | null }): PersonKey[] =>
  a.deputyId ? [personKey('account', a.id), personKey('deputy', a.deputyId)] : [personKey('account', a.id)]

export function parsePersonKey(s: string): { kind: 'account' | 'deputy'; id: number } | null {
  const m = /^(account|deputy):([1-9]\d{0,15})$/.exec(s)
  return m ? { kind: m[1] as 'account' | 'deputy', id: Number(m[2]) } : null
}

export const isPersonKey = (s: string): s is PersonKey => parsePersonKey(s) !== null

/**
 * A kind of service slot a station holds, e.g. 上午 09:00–12:00 Monday to Friday. Times are wall
 * clock in the station's zone; a slot never crosses midnight. Definitions are versioned by date:
 * a change is a new definition from a later date, so slots already published keep their shape.
 */
export type SlotDef = {
  code: string
  start: string
  end: string
  /** Weekdays the slot runs on (see `runsOn` for make-up working days). */
  weekdays: readonly Weekday[]
  validFrom: string
  /** Last day it runs, included; null for open-ended. */
  validUntil: string | null
  sortOrder: number
}

/** A day of the holiday calendar that matters to one station (other stations' closures left out). */
export type ClosureDay = { date: string; kind: 'holiday' | 'workday' | 'station_closed' }

export const ROTATION_UNITS = ['slot', 'day', 'week'] as const
export type RotationUnit = (typeof ROTATION_UNITS)[number]

/**
 * One version of a rotation layer. The newest version of a layer whose `effectiveFrom` has come
 * applies; among layers, the highest one that covers a slot serves it (PagerDuty's layers).
 * A turn is `interval` units of the slots this version actually serves: service slots, service
 * days (days with at least one of its slots) or service weeks — never calendar time.
 */
export type RotationRule = {
  id: number
  layer: number
  effectiveFrom: string
  participants: readonly PersonKey[]
  unit: RotationUnit
  interval: number
  /** Index into `participants` of whoever takes the first turn. */
  startPosition: number
  /** Slot codes this layer covers; empty covers every slot. */
  slotCodes: readonly string[]
  /** Weekdays this layer covers; empty covers every day. */
  weekdays: readonly Weekday[]
}

/** A person away from `from` to `to`, both included. */
export type Absence = { person: PersonKey; from: string; to: string }

/** An approved swap: `to` takes the slot `from` held. Only approved swaps reach the roster. */
export type ApprovedSwap = { id: number; date: string; code: string; from: PersonKey; to: PersonKey }

/** A clerk's override: `person` holds every matching slot from `from` to `to`. */
export type Override = {
  id: number
  from: string
  to: string
  /** Slot codes; empty means every slot of those days. */
  slotCodes: readonly string[]
  person: PersonKey
}

/** What was published: base assignments (rotation with absence substitution) fixed up to `through`. */
export type Published = {
  through: string | null
  /** By slot key (`date|code`); null records a slot that was a gap when published. */
  entries: ReadonlyMap<string, PersonKey | null>
}

export type RosterInput = {
  timeZone: string
  slotDefs: readonly SlotDef[]
  closures: readonly ClosureDay[]
  rules: readonly RotationRule[]
  absences: readonly Absence[]
  swaps: readonly ApprovedSwap[]
  overrides: readonly Override[]
  published: Published
}

export type AssignmentSource = 'override' | 'swap' | 'published' | 'substitute' | 'rotation' | 'none'

/** One open service slot of the roster and who holds it. */
export type RosterSlot = {
  key: string
  date: string
  code: string
  start: string
  end: string
  startsAt: Date
  endsAt: Date
  /** Who is on duty after every precedence rule; null when nobody is. */
  person: PersonKey | null
  source: AssignmentSource
  /** The published or rotation person before swaps and overrides. */
  scheduled: PersonKey | null
  /** The rotation version serving the slot, if any. */
  ruleId: number | null
  /** The rotation's turn this slot belongs to (for fairness), if a rotation serves it. */
  turn: number | null
  /** Whether the person on duty is absent that day. */
  absent: boolean
  /** Nobody (available) holds it. */
  gap: boolean
  published: boolean
  swapId: number | null
  overrideId: number | null
  weekend: boolean
  evening: boolean
}

export const slotKey = (date: string, code: string) => `${date}|${code}`
