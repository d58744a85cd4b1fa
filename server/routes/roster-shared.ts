import type { Context } from 'hono'
import { z } from 'zod'
import type { SlotDefRow } from '../../db/queries/roster.ts'
import type { StationRow } from '../../db/queries/stations.ts'
import { isPersonKey, type PersonKey } from '../domain/roster/types.ts'
import { isLocalTime, type Weekday, zonedTimeToUtc } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { readForm } from '../middleware/form-body.ts'
import { f } from '../validation.ts'

const checkedStations = new WeakMap<Request, StationRow>()

/** Remembers the station a request's scope check found, for its handlers. */
export const rememberStation = (c: Context<AppEnv>, station: StationRow) =>
  checkedStations.set(c.req.raw, station)

/** The station of a roster request; the scope check of rosterRoutes has found it. */
export function stationOf(c: Context<AppEnv>): StationRow {
  const station = checkedStations.get(c.req.raw)
  if (!station) throw new Error('roster route without a checked station')
  return station
}

/** Every submitted field, repeated names as arrays (the CSRF check already parsed the body). */
export const readBody = (c: Context) => readForm(c, { all: true })

/** Text fields only, to fill a form in again. */
export function formValues(body: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string')
  }
  return out
}

/** A repeated field as a list of non-empty strings. */
export const listField = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== ''),
    )

export const weekdaysField = (min: number) =>
  listField().pipe(
    z
      .array(
        z
          .string()
          .regex(/^[1-7]$/, 'error.unknownChoice')
          .transform((d) => Number(d) as Weekday),
      )
      .min(min, 'roster.error.weekdays'),
  )

export const timeField = () => z.string().trim().refine(isLocalTime, 'roster.error.time')

export const personField = () =>
  z
    .string({ message: 'error.required' })
    .trim()
    .min(1, 'error.required')
    .refine(isPersonKey, 'error.unknownChoice')
    .transform((s) => s as PersonKey)

export const dateRangeForm = z.object({ from: f.date(), to: f.date() })

/** When a slot of a station starts, from its definition valid that day; null if none is. */
export function slotStartsAt(
  defs: readonly SlotDefRow[],
  timeZone: string,
  date: string,
  code: string,
): Date | null {
  const def = defs.findLast(
    (d) => d.code === code && d.validFrom <= date && (d.validUntil === null || date <= d.validUntil),
  )
  return def ? zonedTimeToUtc(date, def.startTime, timeZone) : null
}
