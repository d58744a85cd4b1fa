import type { Context } from 'hono'
import { recordAudit } from '../../db/queries/audit.ts'
import type { AppEnv } from '../env.ts'

/** The audit action of a page that showed names, phones or descriptions in full (DESIGN §4.8). */
export const PERSONAL_DATA_VIEW = 'personal_data.view'

/** Ids kept in one entry; a longer list is counted, not listed. */
const MAX_IDS = 200

/**
 * Records that this answer shows the personal data of these rows in full: one entry per page,
 * whatever the number of rows, with the viewer, the path and the rows' ids. Nothing when every
 * row was masked or empty.
 */
export function auditFullView(c: Context<AppEnv>, entity: string, ids: readonly number[]) {
  if (ids.length === 0) return
  const { db, clock } = c.get('deps')
  recordAudit(db, clock.now(), {
    actorAccountId: c.get('account')?.id ?? null,
    action: PERSONAL_DATA_VIEW,
    entity,
    entityId: ids.length === 1 ? ids[0] : '',
    detail: { path: c.req.path, count: ids.length, ids: ids.slice(0, MAX_IDS) },
  })
}
