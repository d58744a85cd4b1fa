import type { Context } from 'hono'
import type { Db } from '../../db/client.ts'
import { findStation, type StationRow } from '../../db/queries/stations.ts'
import { canActForStation } from '../domain/account.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { idParam } from '../validation.ts'

export type StationScope =
  | { ok: true; station: StationRow }
  | { ok: false; res: Response | Promise<Response> }

/** The station named by `:id`, if the signed-in account may act for it (staff scope, admin). */
export function stationFromPath(c: Context<AppEnv>, db: Db): StationScope {
  const station = findStation(db, idParam(c) ?? 0)
  if (!station) return { ok: false, res: rejectRequest(c, 404, 'error.notFound.body') }
  if (!canActForStation(c.get('account')!, station.id))
    return { ok: false, res: rejectRequest(c, 403, 'queue.error.notYourStation') }
  return { ok: true, station }
}
