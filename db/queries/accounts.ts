import { and, eq, gt, lt, ne, sql } from 'drizzle-orm'
import type { Account } from '../../server/domain/account.ts'
import type { Db, Queryable } from '../client.ts'
import type { NotifyChannel } from '../enums.ts'
import { preparedFor } from '../prepared.ts'
import { accountStations, accounts, authSessions, type Role } from '../schema.ts'
import { recordAudit } from './audit.ts'

/** Usernames are matched ignoring case, as the admin screens check them. */
export function findAccountByUsername(db: Queryable, username: string) {
  return db.select().from(accounts).where(sql`lower(${accounts.username}) = lower(${username})`).get()
}

const accountById = preparedFor((db) =>
  db
    .select()
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('id')))
    .prepare(),
)
const stationsOfAccount = preparedFor((db) =>
  db
    .select({ stationId: accountStations.stationId })
    .from(accountStations)
    .where(eq(accountStations.accountId, sql.placeholder('id')))
    .prepare(),
)

export function loadAccount(db: Db, id: number): Account | null {
  const row = accountById(db).get({ id })
  if (!row?.active) return null
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    deputyId: row.deputyId,
    mustChangePassword: row.mustChangePassword,
    streetOffice: row.streetOffice,
    stationIds: stationsOfAccount(db)
      .all({ id })
      .map((r) => r.stationId),
  }
}

/** Stores a new session (dropping expired ones); call inside the caller's transaction. */
export function createAuthSession(
  db: Queryable,
  tokenHash: string,
  accountId: number,
  now: Date,
  expiresAt: Date,
) {
  db.delete(authSessions).where(lt(authSessions.expiresAt, now)).run()
  db.insert(authSessions).values({ tokenHash, accountId, createdAt: now, expiresAt }).run()
}

const liveSession = preparedFor((db) =>
  db
    .select()
    .from(authSessions)
    .where(
      and(
        eq(authSessions.tokenHash, sql.placeholder('tokenHash')),
        gt(authSessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare(),
)

export function findAuthSession(db: Db, tokenHash: string, now: Date) {
  return liveSession(db).get({ tokenHash, now: now.getTime() })
}

export function deleteAuthSession(db: Db, tokenHash: string) {
  db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash)).run()
}

export type NewAccount = {
  username: string
  displayName: string
  passwordHash: string
  role: Role
  deputyId?: number | null
  stationIds?: number[]
  mustChangePassword?: boolean
  phone?: string
  notifyChannel?: NotifyChannel
  streetOffice?: boolean
}

/** Creates an account and its station scope in one transaction; returns its id. */
export function insertAccount(db: Queryable, a: NewAccount, now: Date): number {
  return db.transaction((tx) => {
    const row = tx
      .insert(accounts)
      .values({
        username: a.username,
        displayName: a.displayName,
        passwordHash: a.passwordHash,
        role: a.role,
        deputyId: a.deputyId ?? null,
        mustChangePassword: a.mustChangePassword ?? false,
        phone: a.phone ?? '',
        notifyChannel: a.notifyChannel ?? 'webhook',
        streetOffice: a.streetOffice ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accounts.id })
      .get()
    for (const stationId of new Set(a.stationIds ?? []))
      tx.insert(accountStations).values({ accountId: row.id, stationId }).run()
    return row.id
  })
}

/** The stored hash of an active account's password, to check the one its owner types. */
export function findPasswordHash(db: Queryable, id: number): string | undefined {
  return db
    .select({ hash: accounts.passwordHash })
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.active, true)))
    .get()?.hash
}

/**
 * The owner's own password change: the new hash, no forced change any more, and every other
 * session of the account ended (the one in use, `keepSessionHash`, stays), in one transaction.
 */
export function changeOwnPassword(
  db: Db,
  id: number,
  passwordHash: string,
  keepSessionHash: string,
  now: Date,
) {
  db.transaction((tx) => {
    tx.update(accounts)
      .set({ passwordHash, mustChangePassword: false, updatedAt: now })
      .where(eq(accounts.id, id))
      .run()
    tx.delete(authSessions)
      .where(and(eq(authSessions.accountId, id), ne(authSessions.tokenHash, keepSessionHash)))
      .run()
    recordAudit(tx, now, {
      actorAccountId: id,
      action: 'account.password_changed',
      entity: 'account',
      entityId: id,
    })
  })
}

/** An account's own mobile and notice channel (issue 16), as /me/notifications shows them. */
export function findNotifySettings(
  db: Queryable,
  id: number,
): { phone: string; notifyChannel: NotifyChannel } | undefined {
  return db
    .select({ phone: accounts.phone, notifyChannel: accounts.notifyChannel })
    .from(accounts)
    .where(eq(accounts.id, id))
    .get()
}

/** Sets an account's own mobile and notice channel; audited without the number itself. */
export function setNotifySettings(
  db: Db,
  id: number,
  s: { phone: string; notifyChannel: NotifyChannel },
  actor: number,
  now: Date,
) {
  db.transaction((tx) => {
    tx.update(accounts)
      .set({ phone: s.phone, notifyChannel: s.notifyChannel, updatedAt: now })
      .where(eq(accounts.id, id))
      .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'account.notify_changed',
      entity: 'account',
      entityId: id,
      detail: { notifyChannel: s.notifyChannel, phoneSet: s.phone !== '' },
    })
  })
}
