/** A paired kiosk device as seen by a request that carried its token. */
export type KioskDevice = {
  id: number
  label: string
  stationId: number
  lastSeenAt: Date | null
  /** A receipt printer is attached: the slip page prints itself once. */
  hasReceiptPrinter: boolean
  /** As a room board, speak each call aloud (a chime always sounds). */
  voiceAnnouncements: boolean
}
