import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { KioskDevice } from '../../server/domain/kiosk-device.ts'
import { randomCode, sha256 } from '../../server/domain/secrets.ts'
import type { Db, Queryable } from '../client.ts'
import { preparedFor } from '../prepared.ts'
import { kiosks } from '../schema.ts'
import { recordAudit } from './audit.ts'

const kioskByDeviceToken = preparedFor((db) =>
  db
    .select({
      id: kiosks.id,
      label: kiosks.label,
      stationId: kiosks.stationId,
      lastSeenAt: kiosks.lastSeenAt,
      voiceAnnouncements: kiosks.voiceAnnouncements,
    })
    .from(kiosks)
    .where(and(eq(kiosks.deviceTokenHash, sql.placeholder('tokenHash')), isNull(kiosks.revokedAt)))
    .prepare(),
)

export function findKioskByDeviceToken(db: Db, tokenHash: string): KioskDevice | null {
  return kioskByDeviceToken(db).get({ tokenHash }) ?? null
}

/**
 * Redeems a one-time pairing code: the kiosk gets a fresh device token (replacing any earlier one)
 * and the code stops working. Returns null when the code is unknown, used or expired.
 */
export function redeemPairingCode(
  db: Db,
  codeHash: string,
  deviceTokenHash: string,
  now: Date,
): KioskDevice | null {
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(kiosks)
      .where(
        and(eq(kiosks.pairingCodeHash, codeHash), gt(kiosks.pairingExpiresAt, now), isNull(kiosks.revokedAt)),
      )
      .get()
    if (!row) return null
    tx.update(kiosks)
      .set({
        pairingCodeHash: null,
        pairingExpiresAt: null,
        deviceTokenHash,
        pairedAt: now,
        lastSeenAt: now,
        updatedAt: now,
      })
      .where(eq(kiosks.id, row.id))
      .run()
    recordAudit(tx, now, { actorAccountId: null, action: 'kiosk.paired', entity: 'kiosk', entityId: row.id })
    return {
      id: row.id,
      label: row.label,
      stationId: row.stationId,
      lastSeenAt: now,
      voiceAnnouncements: row.voiceAnnouncements,
    }
  })
}

export const PAIRING_CODE_MINUTES = 30

/**
 * Gives a kiosk a new one-time pairing code, valid for PAIRING_CODE_MINUTES (or `validMs`).
 * Returns the code as shown to people, e.g. `K7QM-3XPA`.
 */
export function issuePairingCode(
  db: Queryable,
  kioskId: number,
  now: Date,
  validMs = PAIRING_CODE_MINUTES * 60_000,
) {
  const code = randomCode(8)
  const expiresAt = new Date(now.getTime() + validMs)
  db.update(kiosks)
    .set({ pairingCodeHash: sha256(code), pairingExpiresAt: expiresAt, revokedAt: null, updatedAt: now })
    .where(eq(kiosks.id, kioskId))
    .run()
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt }
}

const SEEN_RESOLUTION_MS = 5 * 60_000

/**
 * Records that a kiosk showed its start screen, for the admin's "last seen" — at most every five
 * minutes, since every write waits for a durable commit and the start screen is the busiest page.
 * True when it did; `kiosk` is brought up to date, as requests keep kiosks in memory.
 */
export function touchKiosk(db: Db, kiosk: KioskDevice, now: Date): boolean {
  if (kiosk.lastSeenAt && now.getTime() - kiosk.lastSeenAt.getTime() < SEEN_RESOLUTION_MS) return false
  db.update(kiosks).set({ lastSeenAt: now }).where(eq(kiosks.id, kiosk.id)).run()
  kiosk.lastSeenAt = now
  return true
}
