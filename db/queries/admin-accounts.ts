import { and, asc, count, eq, ne, sql } from 'drizzle-orm'
import type { Db, Queryable } from '../client.ts'
import type { NotifyChannel } from '../enums.ts'
import { accountStations, accounts, authSessions, type Role } from '../schema.ts'
import { insertAccount } from './accounts.ts'
import { recordAudit } from './audit.ts'

export type AccountListRow = Omit<typeof accounts.$inferSelect, 'passwordHash'> & { stationIds: number[] }

const publicColumns = {
  id: accounts.id,
  username: accounts.username,
  displayName: accounts.displayName,
  role: accounts.role,
  deputyId: accounts.deputyId,
  active: accounts.active,
  mustChangePassword: accounts.mustChangePassword,
  phone: accounts.phone,
  notifyChannel: accounts.notifyChannel,
  streetOffice: accounts.streetOffice,
  createdAt: accounts.createdAt,
  updatedAt: accounts.updatedAt,
}

export function listAccounts(db: Db): AccountListRow[] {
  const scopes = new Map<number, number[]>()
  for (const r of db.select().from(accountStations).orderBy(asc(accountStations.stationId)).all())
    scopes.set(r.accountId, [...(scopes.get(r.accountId) ?? []), r.stationId])
  return db
    .select(publicColumns)
    .from(accounts)
    .orderBy(asc(accounts.username))
    .all()
    .map((a) => ({ ...a, stationIds: scopes.get(a.id) ?? [] }))
}

export function findAccountRow(db: Db, id: number): AccountListRow | undefined {
  const row = db.select(publicColumns).from(accounts).where(eq(accounts.id, id)).get()
  if (!row) return undefined
  const stationIds = db
    .select({ id: accountStations.stationId })
    .from(accountStations)
    .where(eq(accountStations.accountId, id))
    .all()
    .map((r) => r.id)
  return { ...row, stationIds }
}

/** Whether another account already has this username, ignoring case so `Wang` and `wang` cannot both exist. */
export function usernameTaken(db: Db, username: string, exceptId?: number) {
  const same = sql`lower(${accounts.username}) = lower(${username})`
  return !!db
    .select({ id: accounts.id })
    .from(accounts)
    .where(exceptId ? and(same, ne(accounts.id, exceptId)) : same)
    .get()
}

/** Whether another account already acts as this deputy. */
export function deputyAccountTaken(db: Db, deputyId: number, exceptId?: number) {
  const same = eq(accounts.deputyId, deputyId)
  return !!db
    .select({ id: accounts.id })
    .from(accounts)
    .where(exceptId ? and(same, ne(accounts.id, exceptId)) : same)
    .get()
}

export type AccountInput = {
  username: string
  displayName: string
  role: Role
  /** Only for role 'deputy'. */
  deputyId: number | null
  /** Only for role 'staff'. */
  stationIds: number[]
  /** Staff of the street's people's congress office (issue 18): they handle suggestions. */
  streetOffice?: boolean
  /** Whether every page leads to /me/password until the owner changes it (false when left out). */
  mustChangePassword?: boolean
  /** The account's own mobile ('' = none) and notice channel (issue 16); unchanged when left out. */
  phone?: string
  notifyChannel?: NotifyChannel
}

export function createAccount(
  db: Db,
  input: AccountInput & { passwordHash: string },
  /** null when an operator acts from the CLI. */
  actor: number | null,
  now: Date,
) {
  return db.transaction((tx) => {
    const id = insertAccount(tx, input, now)
    const { passwordHash: _secret, phone, ...rest } = input
    // The audit log keeps whether a phone is set, not the number.
    const detail = { ...rest, phoneSet: !!phone }
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'account.created',
      entity: 'account',
      entityId: id,
      detail,
    })
    return id
  })
}

/** Thrown inside the transaction when a change would leave no active administrator; it rolls back. */
export class LastAdminError extends Error {
  constructor() {
    super('the last active administrator cannot be removed')
  }
}

/** Active administrators; none on a new real database until `create-admin` makes the first. */
export function countActiveAdmins(db: Queryable): number {
  return (
    db
      .select({ n: count() })
      .from(accounts)
      .where(and(eq(accounts.role, 'admin'), eq(accounts.active, true)))
      .get()?.n ?? 0
  )
}

/**
 * Updates an account, its station scope and (when given) its password in one transaction.
 * Deactivation or a new password ends the account's sessions, except `keepSessionHash` (the
 * administrator's own, when they change their own password). Throws LastAdminError and writes
 * nothing when no active administrator would remain.
 */
export function updateAccount(
  db: Db,
  id: number,
  input: AccountInput & { active: boolean; passwordHash?: string | undefined },
  actor: number,
  now: Date,
  keepSessionHash?: string,
) {
  db.transaction((tx) => {
    const { passwordHash, stationIds, ...fields } = input
    const { phone: _phone, ...logged } = fields
    tx.update(accounts)
      .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), updatedAt: now })
      .where(eq(accounts.id, id))
      .run()
    tx.delete(accountStations).where(eq(accountStations.accountId, id)).run()
    for (const stationId of new Set(stationIds))
      tx.insert(accountStations).values({ accountId: id, stationId }).run()
    if (!input.active || passwordHash) {
      const mine = eq(authSessions.accountId, id)
      tx.delete(authSessions)
        .where(keepSessionHash ? and(mine, ne(authSessions.tokenHash, keepSessionHash)) : mine)
        .run()
    }
    if (countActiveAdmins(tx) === 0) throw new LastAdminError()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'account.updated',
      entity: 'account',
      entityId: id,
      detail: { ...logged, phoneSet: !!fields.phone, stationIds, passwordReset: !!passwordHash },
    })
  })
}
