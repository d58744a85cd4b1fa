import type { Role } from '../../db/schema.ts'

/** The signed-in person as the app sees them. */
export type Account = {
  id: number
  username: string
  displayName: string
  role: Role
  deputyId: number | null
  /** An administrator asked for a new password: every page leads to /me/password until then. */
  mustChangePassword: boolean
  /** Staff of the street's people's congress office: they review and assign suggestions (issue 18). */
  streetOffice?: boolean
  /** Stations a staff account may act for; admins act for all. */
  stationIds: number[]
}

/** Usernames people type at log-in: ASCII letters, digits, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/

/** Whether an account may act for a station: admins everywhere, staff where scoped. */
export const canActForStation = (a: Account, stationId: number) =>
  a.role === 'admin' || (a.role === 'staff' && a.stationIds.includes(stationId))
