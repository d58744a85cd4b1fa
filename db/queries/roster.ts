import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { entriesToPublish, generateRoster } from '../../server/domain/roster/generate.ts'
import { checkOverride } from '../../server/domain/roster/rules.ts'
import type { SwapStatus } from '../../server/domain/roster/swaps.ts'
import {
  type Absence,
  type ApprovedSwap,
  type ClosureDay,
  type Override,
  type PersonKey,
  parsePersonKey,
  personKey,
  type RosterInput,
  type RosterSlot,
  type RotationRule,
  type RotationUnit,
  type SlotDef,
  slotKey,
} from '../../server/domain/roster/types.ts'
import { localDate } from '../../server/domain/time.ts'
import { addDays, type Weekday, weekStart } from '../../server/domain/zoned-time.ts'
import type { Db, Queryable } from '../client.ts'
import type { VersionedTable } from '../data-versions.ts'
import { DerivedCache } from '../derived-cache.ts'
import {
  accountStations,
  accounts,
  closures,
  deputies,
  rosterAbsences,
  rosterEntries,
  rosterOverrides,
  rosterPublications,
  rosterRuleParticipants,
  rosterRules,
  rosterSlotDefs,
  rosterSwaps,
  settings,
  stations,
} from '../schema.ts'
import { recordAudit } from './audit.ts'

export type StationRow = typeof stations.$inferSelect

// ── people ──────────────────────────────────────────────────────────────────────────────────────

type PersonCols = { accountId: number | null; deputyId: number | null }

/** The two reference columns for a person key. */
export function personCols(key: PersonKey): PersonCols {
  const p = parsePersonKey(key)
  if (!p) throw new RangeError(`not a person key: ${key}`)
  return p.kind === 'account' ? { accountId: p.id, deputyId: null } : { accountId: null, deputyId: p.id }
}

/** The person key of a row's two reference columns, or null when neither is set. */
export const keyOfCols = (accountId: number | null, deputyId: number | null): PersonKey | null =>
  accountId !== null
    ? personKey('account', accountId)
    : deputyId !== null
      ? personKey('deputy', deputyId)
      : null

export type PersonChoice = { key: PersonKey; name: string; kind: 'account' | 'deputy' }

/** Display names of people, by key; unknown keys are left out. */
export function peopleNames(db: Queryable, keys: Iterable<PersonKey>): Map<PersonKey, PersonChoice> {
  const ids = { account: new Set<number>(), deputy: new Set<number>() }
  for (const k of keys) {
    const p = parsePersonKey(k)
    if (p) ids[p.kind].add(p.id)
  }
  const out = new Map<PersonKey, PersonChoice>()
  if (ids.account.size)
    for (const a of db
      .select({ id: accounts.id, name: accounts.displayName })
      .from(accounts)
      .where(inArray(accounts.id, [...ids.account]))
      .all())
      out.set(personKey('account', a.id), { key: personKey('account', a.id), name: a.name, kind: 'account' })
  if (ids.deputy.size)
    for (const d of db
      .select({ id: deputies.id, name: deputies.name })
      .from(deputies)
      .where(inArray(deputies.id, [...ids.deputy]))
      .all())
      out.set(personKey('deputy', d.id), { key: personKey('deputy', d.id), name: d.name, kind: 'deputy' })
  return out
}

/**
 * People who may be put on duty at a station: active staff accounts scoped to it and active
 * deputies whose home station it is, staff first, each by name.
 */
export function candidatePeople(db: Queryable, stationId: number): PersonChoice[] {
  const staff = db
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .innerJoin(accountStations, eq(accountStations.accountId, accounts.id))
    .where(
      and(eq(accountStations.stationId, stationId), eq(accounts.active, true), eq(accounts.role, 'staff')),
    )
    .orderBy(asc(accounts.displayName))
    .all()
  const deps = db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(and(eq(deputies.homeStationId, stationId), eq(deputies.active, true)))
    .orderBy(asc(deputies.id))
    .all()
  return [
    ...staff.map((a) => ({ key: personKey('account', a.id), name: a.name, kind: 'account' as const })),
    ...deps.map((d) => ({ key: personKey('deputy', d.id), name: d.name, kind: 'deputy' as const })),
  ]
}

/** Where notices for a person go: a deputy's own account when there is one. */
export function recipientOf(db: Queryable, key: PersonKey): string {
  const p = parsePersonKey(key)
  if (p?.kind === 'deputy') {
    const acc = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.deputyId, p.id), eq(accounts.active, true)))
      .orderBy(asc(accounts.id))
      .get()
    if (acc) return `account:${acc.id}`
  }
  return key
}

// ── inputs of the pure roster ───────────────────────────────────────────────────────────────────

const list = (s: string) => (s === '' ? [] : s.split(','))
const weekdays = (s: string) => list(s).map(Number) as Weekday[]
const joinList = (a: readonly (string | number)[]) => a.join(',')

export type SlotDefRow = typeof rosterSlotDefs.$inferSelect
export const toSlotDef = (r: SlotDefRow): SlotDef => ({
  code: r.code,
  start: r.startTime,
  end: r.endTime,
  weekdays: weekdays(r.weekdays),
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  sortOrder: r.sortOrder,
})

export const listSlotDefs = (db: Queryable, stationId: number): SlotDefRow[] =>
  db
    .select()
    .from(rosterSlotDefs)
    .where(eq(rosterSlotDefs.stationId, stationId))
    .orderBy(asc(rosterSlotDefs.sortOrder), asc(rosterSlotDefs.startTime), asc(rosterSlotDefs.validFrom))
    .all()

/** Rotation versions of a station with their ordered participants, oldest first. */
export function listRules(db: Queryable, stationId: number): (RotationRule & { createdAt: Date })[] {
  const rows = db
    .select()
    .from(rosterRules)
    .where(eq(rosterRules.stationId, stationId))
    .orderBy(asc(rosterRules.layer), asc(rosterRules.effectiveFrom))
    .all()
  if (rows.length === 0) return []
  const people = db
    .select()
    .from(rosterRuleParticipants)
    .where(
      inArray(
        rosterRuleParticipants.ruleId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(rosterRuleParticipants.ruleId), asc(rosterRuleParticipants.position))
    .all()
  return rows.map((r) => ({
    id: r.id,
    layer: r.layer,
    effectiveFrom: r.effectiveFrom,
    unit: r.unit,
    interval: r.interval,
    startPosition: r.startPosition,
    slotCodes: list(r.slotCodes),
    weekdays: weekdays(r.weekdays),
    participants: people
      .filter((p) => p.ruleId === r.id)
      .map((p) => keyOfCols(p.accountId, p.deputyId))
      .filter((k): k is PersonKey => k !== null),
    createdAt: r.createdAt,
  }))
}

/** Closures that matter to a station: holidays and make-up days everywhere, its own closures. */
export function stationClosures(db: Queryable, stationId: number): (ClosureDay & { name: string })[] {
  return db
    .select({ date: closures.date, kind: closures.kind, name: closures.name })
    .from(closures)
    .where(
      or(
        inArray(closures.kind, ['holiday', 'workday']),
        and(eq(closures.kind, 'station_closed'), eq(closures.stationId, stationId)),
      ),
    )
    .orderBy(asc(closures.date))
    .all()
}

export type AbsenceRow = typeof rosterAbsences.$inferSelect & { person: PersonKey }

/** Absences not cancelled; of the given people when listed. */
export function listAbsences(db: Queryable, people?: readonly PersonKey[], since?: string): AbsenceRow[] {
  const conds = [isNull(rosterAbsences.cancelledAt)]
  if (since) conds.push(gte(rosterAbsences.toDate, since))
  if (people) {
    const accountIds = people.map(parsePersonKey).flatMap((p) => (p?.kind === 'account' ? [p.id] : []))
    const deputyIds = people.map(parsePersonKey).flatMap((p) => (p?.kind === 'deputy' ? [p.id] : []))
    const who = or(
      accountIds.length ? inArray(rosterAbsences.accountId, accountIds) : sql`false`,
      deputyIds.length ? inArray(rosterAbsences.deputyId, deputyIds) : sql`false`,
    )
    if (who) conds.push(who)
  }
  return db
    .select()
    .from(rosterAbsences)
    .where(and(...conds))
    .orderBy(asc(rosterAbsences.fromDate), asc(rosterAbsences.id))
    .all()
    .map((r) => ({ ...r, person: keyOfCols(r.accountId, r.deputyId)! }))
}

export type SwapRow = typeof rosterSwaps.$inferSelect & { from: PersonKey; to: PersonKey | null }
const toSwap = (r: typeof rosterSwaps.$inferSelect): SwapRow => ({
  ...r,
  from: keyOfCols(r.fromAccountId, r.fromDeputyId)!,
  to: keyOfCols(r.toAccountId, r.toDeputyId),
})

export function listSwaps(
  db: Queryable,
  where: { stationId?: number; since?: string; statuses?: readonly SwapStatus[] },
): SwapRow[] {
  const conds = []
  if (where.stationId !== undefined) conds.push(eq(rosterSwaps.stationId, where.stationId))
  if (where.since) conds.push(gte(rosterSwaps.date, where.since))
  if (where.statuses) conds.push(inArray(rosterSwaps.status, [...where.statuses]))
  return db
    .select()
    .from(rosterSwaps)
    .where(and(...conds))
    .orderBy(asc(rosterSwaps.date), asc(rosterSwaps.slotCode), asc(rosterSwaps.id))
    .all()
    .map(toSwap)
}

export const findSwap = (db: Queryable, id: number): SwapRow | undefined => {
  const r = db.select().from(rosterSwaps).where(eq(rosterSwaps.id, id)).get()
  return r ? toSwap(r) : undefined
}

export type OverrideRow = typeof rosterOverrides.$inferSelect & { person: PersonKey; codes: string[] }
const toOverride = (r: typeof rosterOverrides.$inferSelect): OverrideRow => ({
  ...r,
  person: keyOfCols(r.accountId, r.deputyId)!,
  codes: list(r.slotCodes),
})
const asOverride = (r: OverrideRow): Override => ({
  id: r.id,
  from: r.fromDate,
  to: r.toDate,
  slotCodes: r.codes,
  person: r.person,
})

/** Overrides not removed, optionally only those that end on or after `since`. */
export function listOverrides(db: Queryable, stationId: number, since?: string): OverrideRow[] {
  const conds = [eq(rosterOverrides.stationId, stationId), isNull(rosterOverrides.removedAt)]
  if (since) conds.push(gte(rosterOverrides.toDate, since))
  return db
    .select()
    .from(rosterOverrides)
    .where(and(...conds))
    .orderBy(asc(rosterOverrides.fromDate), asc(rosterOverrides.id))
    .all()
    .map(toOverride)
}

/** The last local date published for a station, or null before its first publication. */
export function publishedThrough(db: Queryable, stationId: number): string | null {
  return (
    db
      .select({ through: rosterPublications.publishedThrough })
      .from(rosterPublications)
      .where(eq(rosterPublications.stationId, stationId))
      .orderBy(desc(rosterPublications.publishedThrough))
      .get()?.through ?? null
  )
}

/** Everything the pure roster needs for one station, read in one go. */
export function loadRosterInput(db: Queryable, station: Pick<StationRow, 'id' | 'timeZone'>): RosterInput {
  const through = publishedThrough(db, station.id)
  const entries = new Map<string, PersonKey | null>()
  if (through !== null)
    for (const e of db.select().from(rosterEntries).where(eq(rosterEntries.stationId, station.id)).all())
      entries.set(slotKey(e.date, e.slotCode), keyOfCols(e.accountId, e.deputyId))
  const swaps: ApprovedSwap[] = listSwaps(db, { stationId: station.id, statuses: ['approved'] }).map((s) => ({
    id: s.id,
    date: s.date,
    code: s.slotCode,
    from: s.from,
    to: s.to!,
  }))
  const absences: Absence[] = listAbsences(db).map((a) => ({
    person: a.person,
    from: a.fromDate,
    to: a.toDate,
  }))
  return {
    timeZone: station.timeZone,
    slotDefs: listSlotDefs(db, station.id).map(toSlotDef),
    closures: stationClosures(db, station.id).map(({ date, kind }) => ({ date, kind })),
    rules: listRules(db, station.id),
    absences,
    swaps,
    overrides: listOverrides(db, station.id).map(asOverride),
    published: { through, entries },
  }
}

/** Every table `loadRosterInput` reads. */
export const ROSTER_INPUT_TABLES = [
  'closures',
  'roster_slot_defs',
  'roster_rules',
  'roster_rule_participants',
  'roster_absences',
  'roster_swaps',
  'roster_overrides',
  'roster_publications',
  'roster_entries',
] as const satisfies readonly VersionedTable[]

/**
 * Generated rosters by (station, range), kept until a table of the roster input is written. Turns
 * are counted from a rule's first day, so a year-old rotation costs thousands of zoned-time
 * conversions per call, and the kiosk start screen, the queue and the display ask on every request.
 */
const generated = new DerivedCache<readonly RosterSlot[]>(ROSTER_INPUT_TABLES, {
  name: 'generated rosters',
  max: 512,
})

/** The roster of a station between two local dates, both included. Do not mutate the result. */
export function stationRoster(
  db: Queryable,
  station: Pick<StationRow, 'id' | 'timeZone'>,
  from: string,
  to: string,
): RosterSlot[] {
  return generated.get(db, `${station.id}|${station.timeZone}|${from}|${to}`, () =>
    Object.freeze(generateRoster(loadRosterInput(db, station), from, to)),
  ) as RosterSlot[]
}

// ── settings ────────────────────────────────────────────────────────────────────────────────────

export const PUBLISH_WEEKS_KEY = 'roster.publishWeeks'
export const DEFAULT_PUBLISH_WEEKS = 6

/** How many weeks ahead publishing fixes the roster (setting `roster.publishWeeks`, default 6). */
export function publishWeeks(db: Queryable): number {
  const v = Number(db.select().from(settings).where(eq(settings.key, PUBLISH_WEEKS_KEY)).get()?.value)
  return Number.isInteger(v) && v >= 1 && v <= 26 ? v : DEFAULT_PUBLISH_WEEKS
}

export function setPublishWeeks(db: Db, weeks: number, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.insert(settings)
      .values({ key: PUBLISH_WEEKS_KEY, value: String(weeks) })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(weeks) } })
      .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.publishWeeks',
      entity: 'setting',
      entityId: PUBLISH_WEEKS_KEY,
      detail: { weeks },
    })
  })
}

/** The last day a publication made today covers: the end of this week and `weeks` more. */
export const publishTarget = (today: string, weeks: number) => addDays(weekStart(today), 7 * (weeks + 1) - 1)

// ── writes ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Fixes the roster from today through `through`: stores the base assignment of every slot not yet
 * published (existing entries are never rewritten) and records the publication. Returns how many
 * slots it fixed, or null when the station was already published that far.
 */
export function publishRoster(
  db: Db,
  station: Pick<StationRow, 'id' | 'timeZone'>,
  through: string,
  actor: number | null,
  now: Date,
): number | null {
  return db.transaction(
    (tx) => {
      const before = publishedThrough(tx, station.id)
      if (before !== null && before >= through) return null
      const today = localDate(now, station.timeZone)
      const from = before !== null && before >= today ? addDays(before, 1) : today
      const input = loadRosterInput(tx, station)
      const entries = entriesToPublish(input, from, through)
      const pub = tx
        .insert(rosterPublications)
        .values({ stationId: station.id, publishedThrough: through, publishedBy: actor, createdAt: now })
        .returning({ id: rosterPublications.id })
        .get()
      for (const e of entries)
        tx.insert(rosterEntries)
          .values({
            stationId: station.id,
            date: e.date,
            slotCode: e.code,
            ...(e.person ? personCols(e.person) : { accountId: null, deputyId: null }),
            publicationId: pub.id,
          })
          .onConflictDoNothing()
          .run()
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'roster.published',
        entity: 'station',
        entityId: station.id,
        detail: { from, through, slots: entries.length },
      })
      return entries.length
    },
    { behavior: 'immediate' },
  )
}

export type NewSlotDef = {
  code: string
  nameZhHans: string
  nameZhHant: string
  nameEn: string
  start: string
  end: string
  weekdays: readonly number[]
  validFrom: string
}

export function insertSlotDef(db: Db, stationId: number, d: NewSlotDef, actor: number, now: Date): number {
  return db.transaction((tx) => {
    const sortOrder =
      (tx
        .select({ max: sql<number>`max(${rosterSlotDefs.sortOrder})` })
        .from(rosterSlotDefs)
        .where(eq(rosterSlotDefs.stationId, stationId))
        .get()?.max ?? 0) + 10
    const id = tx
      .insert(rosterSlotDefs)
      .values({
        stationId,
        code: d.code,
        nameZhHans: d.nameZhHans,
        nameZhHant: d.nameZhHant,
        nameEn: d.nameEn,
        startTime: d.start,
        endTime: d.end,
        weekdays: joinList(d.weekdays),
        validFrom: d.validFrom,
        sortOrder,
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: rosterSlotDefs.id })
      .get().id
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.slot.created',
      entity: 'roster_slot',
      entityId: id,
      detail: { ...d },
    })
    return id
  })
}

/** Ends a slot definition: its last day becomes `until`. */
export function retireSlotDef(db: Db, id: number, until: string, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.update(rosterSlotDefs)
      .set({ validUntil: until, updatedAt: now })
      .where(eq(rosterSlotDefs.id, id))
      .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.slot.retired',
      entity: 'roster_slot',
      entityId: id,
      detail: { until },
    })
  })
}

export type NewRuleVersion = {
  layer: number
  effectiveFrom: string
  unit: RotationUnit
  interval: number
  startPosition: number
  slotCodes: readonly string[]
  weekdays: readonly number[]
  participants: readonly PersonKey[]
}

export function insertRuleVersion(
  db: Db,
  stationId: number,
  r: NewRuleVersion,
  actor: number,
  now: Date,
): number {
  return db.transaction((tx) => {
    const id = tx
      .insert(rosterRules)
      .values({
        stationId,
        layer: r.layer,
        effectiveFrom: r.effectiveFrom,
        unit: r.unit,
        interval: r.interval,
        startPosition: r.startPosition,
        slotCodes: joinList(r.slotCodes),
        weekdays: joinList(r.weekdays),
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: rosterRules.id })
      .get().id
    r.participants.forEach((p, position) => {
      tx.insert(rosterRuleParticipants)
        .values({ ruleId: id, position, ...personCols(p) })
        .run()
    })
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.rule.created',
      entity: 'roster_rule',
      entityId: id,
      detail: { ...r },
    })
    return id
  })
}

/** Removes a version that has not yet taken effect (the caller checks that it lies beyond the horizon). */
export function deleteRuleVersion(db: Db, id: number, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.delete(rosterRuleParticipants).where(eq(rosterRuleParticipants.ruleId, id)).run()
    tx.delete(rosterRules).where(eq(rosterRules.id, id)).run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.rule.deleted',
      entity: 'roster_rule',
      entityId: id,
    })
  })
}

export type NewOverride = { from: string; to: string; slotCodes: readonly string[]; person: PersonKey }

/**
 * Saves an override unless it overlaps a live one on a shared slot; the check and the write run in
 * one immediate transaction, so two clerks cannot both slip in.
 */
export function insertOverride(
  db: Db,
  stationId: number,
  o: NewOverride,
  actor: number,
  now: Date,
): { ok: true; id: number } | { ok: false; clash: Override | null } {
  return db.transaction(
    (tx) => {
      const others = listOverrides(tx, stationId).map(asOverride)
      const { problems, clash } = checkOverride(o, others)
      if (Object.keys(problems).length) return { ok: false as const, clash }
      const id = tx
        .insert(rosterOverrides)
        .values({
          stationId,
          fromDate: o.from,
          toDate: o.to,
          slotCodes: joinList(o.slotCodes),
          ...personCols(o.person),
          createdBy: actor,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: rosterOverrides.id })
        .get().id
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'roster.override.created',
        entity: 'roster_override',
        entityId: id,
        detail: { ...o },
      })
      return { ok: true as const, id }
    },
    { behavior: 'immediate' },
  )
}

export function removeOverride(db: Db, stationId: number, id: number, actor: number, now: Date): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(rosterOverrides)
      .set({ removedAt: now, removedBy: actor, updatedAt: now })
      .where(
        and(
          eq(rosterOverrides.id, id),
          eq(rosterOverrides.stationId, stationId),
          isNull(rosterOverrides.removedAt),
        ),
      )
      .run().changes
    if (changed)
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'roster.override.removed',
        entity: 'roster_override',
        entityId: id,
      })
    return changed > 0
  })
}

export function insertAbsence(
  db: Db,
  a: { person: PersonKey; from: string; to: string },
  actor: number,
  now: Date,
): number {
  return db.transaction((tx) => {
    const id = tx
      .insert(rosterAbsences)
      .values({
        ...personCols(a.person),
        fromDate: a.from,
        toDate: a.to,
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: rosterAbsences.id })
      .get().id
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.absence.created',
      entity: 'roster_absence',
      entityId: id,
      detail: { ...a },
    })
    return id
  })
}

export const findAbsence = (db: Queryable, id: number): AbsenceRow | undefined => {
  const r = db.select().from(rosterAbsences).where(eq(rosterAbsences.id, id)).get()
  return r ? { ...r, person: keyOfCols(r.accountId, r.deputyId)! } : undefined
}

export function cancelAbsence(db: Db, id: number, actor: number, now: Date): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(rosterAbsences)
      .set({ cancelledAt: now, updatedAt: now })
      .where(and(eq(rosterAbsences.id, id), isNull(rosterAbsences.cancelledAt)))
      .run().changes
    if (changed)
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: 'roster.absence.cancelled',
        entity: 'roster_absence',
        entityId: id,
      })
    return changed > 0
  })
}

/** Opens a swap request; null when the slot already has a live one (the unique index decides). */
export function insertSwapRequest(
  db: Db,
  s: { stationId: number; date: string; code: string; from: PersonKey },
  actor: number,
  now: Date,
): number | null {
  const f = personCols(s.from)
  return db.transaction((tx) => {
    const row = tx
      .insert(rosterSwaps)
      .values({
        stationId: s.stationId,
        date: s.date,
        slotCode: s.code,
        fromAccountId: f.accountId,
        fromDeputyId: f.deputyId,
        status: 'open',
        requestedBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: rosterSwaps.id })
      .get()
    if (!row) return null
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'roster.swap.requested',
      entity: 'roster_swap',
      entityId: row.id,
      detail: { ...s },
    })
    return row.id
  })
}

/**
 * Moves a swap from one status to the next, only if it is still in `from` (so two people cannot
 * both take it). Returns whether it moved.
 */
export function moveSwap(
  db: Db,
  id: number,
  from: SwapStatus,
  to: SwapStatus,
  actor: number,
  now: Date,
  taker?: PersonKey,
): boolean {
  return db.transaction((tx) => {
    const set: Partial<typeof rosterSwaps.$inferInsert> = { status: to, updatedAt: now }
    if (taker) {
      const c = personCols(taker)
      Object.assign(set, { toAccountId: c.accountId, toDeputyId: c.deputyId, takenBy: actor })
    }
    if (to === 'approved' || to === 'declined') Object.assign(set, { decidedBy: actor, decidedAt: now })
    const changed = tx
      .update(rosterSwaps)
      .set(set)
      .where(and(eq(rosterSwaps.id, id), eq(rosterSwaps.status, from)))
      .run().changes
    if (changed)
      recordAudit(tx, now, {
        actorAccountId: actor,
        action: `roster.swap.${to}`,
        entity: 'roster_swap',
        entityId: id,
        detail: taker ? { taker } : {},
      })
    return changed > 0
  })
}

/** Marks a station's open and taken requests for slots on or before `date` as expired; returns how many. */
export function expireSwapsBefore(db: Queryable, stationId: number, date: string, now: Date): number {
  return db
    .update(rosterSwaps)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        eq(rosterSwaps.stationId, stationId),
        inArray(rosterSwaps.status, ['open', 'taken']),
        lte(rosterSwaps.date, date),
      ),
    )
    .run().changes
}

// ── reading for people ──────────────────────────────────────────────────────────────────────────

/** Stations whose rotations or published roster name any of these people, by code. */
export function stationsOfPeople(db: Queryable, people: readonly PersonKey[]): StationRow[] {
  const accountIds = people.map(parsePersonKey).flatMap((p) => (p?.kind === 'account' ? [p.id] : []))
  const deputyIds = people.map(parsePersonKey).flatMap((p) => (p?.kind === 'deputy' ? [p.id] : []))
  const match = (a: AnySQLiteColumn, d: AnySQLiteColumn) =>
    or(
      accountIds.length ? inArray(a, accountIds) : sql`false`,
      deputyIds.length ? inArray(d, deputyIds) : sql`false`,
    )
  const viaRules = db
    .selectDistinct({ id: rosterRules.stationId })
    .from(rosterRuleParticipants)
    .innerJoin(rosterRules, eq(rosterRules.id, rosterRuleParticipants.ruleId))
    .where(match(rosterRuleParticipants.accountId, rosterRuleParticipants.deputyId))
    .all()
  const viaOverrides = db
    .selectDistinct({ id: rosterOverrides.stationId })
    .from(rosterOverrides)
    .where(and(isNull(rosterOverrides.removedAt), match(rosterOverrides.accountId, rosterOverrides.deputyId)))
    .all()
  const viaSwaps = db
    .selectDistinct({ id: rosterSwaps.stationId })
    .from(rosterSwaps)
    .where(match(rosterSwaps.toAccountId, rosterSwaps.toDeputyId))
    .all()
  const ids = [...new Set([...viaRules, ...viaOverrides, ...viaSwaps].map((r) => r.id))]
  if (ids.length === 0) return []
  return db.select().from(stations).where(inArray(stations.id, ids)).orderBy(asc(stations.code)).all()
}

/** Stations that have any roster set up, for the scheduled jobs. */
export function stationsWithRoster(db: Queryable): StationRow[] {
  const ids = db
    .selectDistinct({ id: rosterSlotDefs.stationId })
    .from(rosterSlotDefs)
    .all()
    .map((r) => r.id)
  if (ids.length === 0) return []
  return db
    .select()
    .from(stations)
    .where(and(inArray(stations.id, ids), eq(stations.active, true)))
    .orderBy(asc(stations.code))
    .all()
}

export type DutyPerson = { key: PersonKey; kind: 'account' | 'deputy'; id: number; name: string }

/** One duty as the walk-in queue and the display board see it. */
export type Duty = {
  date: string
  slotCode: string
  /** Slot label in the three languages, as defined for the station. */
  label: { nameZhHans: string; nameZhHant: string; nameEn: string }
  startsAt: Date
  endsAt: Date
  /** Who holds it after overrides, swaps and substitution; null for a gap. */
  person: DutyPerson | null
  /** True when nobody is there: no person, or the person is absent that day. */
  gap: boolean
}

/**
 * Who is on duty at a station at an instant, and who is next: `now` is the slot running at
 * `instant` (null between slots), `next` the first slot starting after it within two weeks.
 * Reads the database and computes with the pure roster; never reads the clock.
 */
export function onDutyAt(
  db: Queryable,
  stationId: number,
  instant: Date,
): { now: Duty | null; next: Duty | null } {
  const station = db.select().from(stations).where(eq(stations.id, stationId)).get()
  if (!station) return { now: null, next: null }
  const today = localDate(instant, station.timeZone)
  const slots = stationRoster(db, station, addDays(today, -1), addDays(today, 14))
  const at = instant.getTime()
  const running = slots.find((s) => s.startsAt.getTime() <= at && at < s.endsAt.getTime()) ?? null
  const next = slots.find((s) => s.startsAt.getTime() > at) ?? null
  const people = peopleNames(
    db,
    [running?.person, next?.person].filter((p): p is PersonKey => !!p),
  )
  const defs = listSlotDefs(db, stationId)
  const labelOf = (s: RosterSlot) => {
    const d = defs.findLast(
      (x) => x.code === s.code && x.validFrom <= s.date && (x.validUntil === null || s.date <= x.validUntil),
    )
    return d
      ? { nameZhHans: d.nameZhHans, nameZhHant: d.nameZhHant, nameEn: d.nameEn }
      : { nameZhHans: s.code, nameZhHant: '', nameEn: '' }
  }
  const duty = (s: RosterSlot | null): Duty | null => {
    if (!s) return null
    const p = s.person ? people.get(s.person) : undefined
    const parsed = s.person ? parsePersonKey(s.person) : null
    return {
      date: s.date,
      slotCode: s.code,
      label: labelOf(s),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      person: p && parsed ? { key: p.key, kind: parsed.kind, id: parsed.id, name: p.name } : null,
      gap: s.gap,
    }
  }
  return { now: duty(running), next: duty(next) }
}
