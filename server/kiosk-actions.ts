import type { StationRow } from '../db/queries/stations.ts'
import type { MessageKey } from '../views/i18n/index.ts'
import type { AppDeps } from './deps.ts'
import { bookingCodeKioskAction, bookingKioskAction } from './routes/kiosk-booking.tsx'
import { concernKioskAction } from './routes/kiosk-concern.tsx'
import { progressKioskAction } from './routes/kiosk-progress.tsx'

/**
 * A button on the kiosk start screen. Each feature (drop-in, booking, tracking) registers one
 * when it is built; the start screen shows only those whose `available` says they work now.
 */
export type KioskAction = {
  id: string
  href: string
  label: MessageKey
  hint: MessageKey
  available: (deps: AppDeps, station: StationRow, now: Date) => boolean
}

export const KIOSK_ACTIONS: KioskAction[] = [
  concernKioskAction,
  bookingKioskAction,
  bookingCodeKioskAction,
  progressKioskAction,
]
