import type { Account } from './account.ts'

/**
 * Who may run a deputy's queue console at a station: the deputy themself, or staff of that
 * station acting for them (admins too).
 */
export function canRunConsole(account: Account, stationId: number, deputyId: number): boolean {
  if (account.role === 'deputy') return account.deputyId === deputyId
  if (account.role === 'staff') return account.stationIds.includes(stationId)
  return account.role === 'admin'
}

/**
 * Whether an account sees a concern's name and phone in full (DESIGN §4.8): staff of the
 * concern's station and the deputy it is assigned to. Everyone else sees them masked.
 */
export function maySeePersonalData(
  account: Account,
  concern: { stationId: number; deputyId: number | null },
) {
  if (account.role === 'staff') return account.stationIds.includes(concern.stationId)
  if (account.role === 'deputy') return account.deputyId !== null && account.deputyId === concern.deputyId
  return false
}
