import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { kiosks } from '../schema.ts'
import { recordAudit } from './audit.ts'
import { issuePairingCode } from './kiosks.ts'

export type KioskRow = typeof kiosks.$inferSelect

export const listKiosks = (db: Db): KioskRow[] => db.select().from(kiosks).orderBy(asc(kiosks.id)).all()
export const findKiosk = (db: Db, id: number) => db.select().from(kiosks).where(eq(kiosks.id, id)).get()

export type KioskState = 'paired' | 'pending' | 'unpaired' | 'revoked'

/** Where a kiosk stands: revoked, paired (has a device token), waiting for a live code, or neither. */
export function kioskState(k: KioskRow, now: Date): KioskState {
  if (k.revokedAt) return 'revoked'
  if (k.deviceTokenHash) return 'paired'
  if (k.pairingCodeHash && k.pairingExpiresAt && k.pairingExpiresAt > now) return 'pending'
  return 'unpaired'
}

export type KioskInput = {
  stationId: number
  label: string
  hasReceiptPrinter: boolean
  voiceAnnouncements: boolean
}

export function saveKiosk(db: Db, id: number | undefined, input: KioskInput, actor: number, now: Date) {
  return db.transaction((tx) => {
    let kioskId = id
    if (kioskId === undefined)
      kioskId = tx
        .insert(kiosks)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning({ id: kiosks.id })
        .get().id
    else
      tx.update(kiosks)
        .set({ ...input, updatedAt: now })
        .where(eq(kiosks.id, kioskId))
        .run()
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: id === undefined ? 'kiosk.created' : 'kiosk.updated',
      entity: 'kiosk',
      entityId: kioskId,
      detail: input,
    })
    return kioskId
  })
}

/**
 * Issues a one-time pairing code (see issuePairingCode) and records who asked for it, in one
 * transaction. The code itself is never stored or logged, only its hash.
 */
export function issueKioskPairingCode(db: Db, id: number, actor: number, now: Date) {
  return db.transaction((tx) => {
    const issued = issuePairingCode(tx, id, now)
    recordAudit(tx, now, {
      actorAccountId: actor,
      action: 'kiosk.pairing_code_issued',
      entity: 'kiosk',
      entityId: id,
      detail: { expiresAt: issued.expiresAt.toISOString() },
    })
    return issued
  })
}

/** Revokes a kiosk: its device token and any open pairing code stop working at once. */
export function revokeKiosk(db: Db, id: number, actor: number, now: Date) {
  db.transaction((tx) => {
    tx.update(kiosks)
      .set({
        revokedAt: now,
        deviceTokenHash: null,
        pairingCodeHash: null,
        pairingExpiresAt: null,
        updatedAt: now,
      })
      .where(eq(kiosks.id, id))
      .run()
    recordAudit(tx, now, { actorAccountId: actor, action: 'kiosk.revoked', entity: 'kiosk', entityId: id })
  })
}
