import { and, asc, eq } from 'drizzle-orm'
import { isMobile, type SmsKind, type SmsParams } from '../../server/domain/sms-kinds.ts'
import type { Queryable } from '../client.ts'
import { accountStations, accounts } from '../schema.ts'
import { enqueue, enqueueSms, type NewMessage } from './outbox.ts'

/**
 * The mobile an account's notices go to by SMS: set when it chose SMS, is active and has a
 * mainland mobile; null means its notices stay on the webhook (issue 16).
 */
export function smsPhoneOfAccount(db: Queryable, accountId: number): string | null {
  const a = db
    .select({ phone: accounts.phone, channel: accounts.notifyChannel, active: accounts.active })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .get()
  return a?.active && a.channel === 'sms' && isMobile(a.phone) ? a.phone : null
}

/** `account:12` → the SMS phone of account 12 (as above); any other recipient → null. */
export function smsPhoneOfRecipient(db: Queryable, recipient: string): string | null {
  const m = /^account:(\d+)$/.exec(recipient)
  return m ? smsPhoneOfAccount(db, Number(m[1])) : null
}

/** The active staff accounts of a station that chose SMS and have a mobile, by id. */
export function smsStaffOfStation(db: Queryable, stationId: number): { accountId: number; phone: string }[] {
  return db
    .select({ accountId: accounts.id, phone: accounts.phone })
    .from(accounts)
    .innerJoin(accountStations, eq(accountStations.accountId, accounts.id))
    .where(
      and(
        eq(accountStations.stationId, stationId),
        eq(accounts.active, true),
        eq(accounts.role, 'staff'),
        eq(accounts.notifyChannel, 'sms'),
      ),
    )
    .orderBy(asc(accounts.id))
    .all()
    .filter((a) => isMobile(a.phone))
}

/** Active deputy accounts that chose SMS and have a mobile, with their deputy, by id. */
export function smsDeputies(db: Queryable): { accountId: number; deputyId: number; phone: string }[] {
  return db
    .select({ accountId: accounts.id, deputyId: accounts.deputyId, phone: accounts.phone })
    .from(accounts)
    .where(and(eq(accounts.active, true), eq(accounts.role, 'deputy'), eq(accounts.notifyChannel, 'sms')))
    .orderBy(asc(accounts.id))
    .all()
    .flatMap((a) => (a.deputyId !== null && isMobile(a.phone) ? [{ ...a, deputyId: a.deputyId }] : []))
}

/**
 * A notice to a staff member or deputy the way they chose (issue 16): by SMS with `sms` when they
 * chose it and have a mobile, else `msg` on the webhook, under the same dedupe key. Whether a new
 * row was queued.
 */
export function enqueueByChoice<K extends SmsKind>(
  db: Queryable,
  msg: NewMessage,
  sms: { kind: K; params: SmsParams<K> },
  now: Date,
): boolean {
  const phone = smsPhoneOfRecipient(db, msg.recipient)
  if (!phone) return enqueue(db, msg, now).created
  const { dedupeKey, recipient, dueAt, expiresAt } = msg
  return enqueueSms(db, { ...sms, phone, dedupeKey, recipient, dueAt, expiresAt }, now)?.created ?? false
}
