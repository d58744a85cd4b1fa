/** A paired kiosk device as seen by a request that carried its token. */
export type KioskDevice = {
  id: number
  label: string
  stationId: number
  lastSeenAt: Date | null
  /** As a room board: speak each call (a chime plays either way). */
  voiceAnnouncements: boolean
}
