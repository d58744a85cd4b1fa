import type { Context } from 'hono'
import { uniqueViolation } from '../../../db/constraint-errors.ts'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import type { AppEnv } from '../../env.ts'
import { readForm as readFormBody } from '../../middleware/form-body.ts'

/** The signed-in administrator; the access table guarantees one under /admin. */
export const actorId = (c: Context<AppEnv>) => c.get('account')!.id

/** Every submitted field, repeated names as arrays (the CSRF check already parsed the body). */
export const readForm = (c: Context<AppEnv>) => readFormBody(c, { all: true })

/** The submitted text fields again, for re-rendering a form; files are dropped. */
export function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {}
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string')
  }
  return out
}

export { idParam } from '../../validation.ts'

/**
 * Runs a write; when a unique index refuses it, returns which columns clashed instead of throwing,
 * so the handler can answer with a 422 and the form. Other errors still reach onError.
 */
export function tryUnique<T>(write: () => T): { ok: true; value: T } | { ok: false; columns: string } {
  try {
    return { ok: true, value: write() }
  } catch (err) {
    const columns = uniqueViolation(err)
    if (columns === null) throw err
    return { ok: false, columns }
  }
}
