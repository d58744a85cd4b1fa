import type { Context } from 'hono'

export type FormBody = Record<string, string | File | (string | File)[]>

/**
 * The submitted form, as Hono's `c.req.parseBody` gives it: a repeated name keeps its last value
 * unless `all` (or a name ending in `[]`) asks for every value. URL-encoded forms, which is every
 * form but the CSV imports, are read as text and split with URLSearchParams; parseBody builds a
 * WHATWG Response to parse them as FormData, a twentieth of a walk-in. Multipart goes to Hono.
 */
export async function readForm(c: Context, opts: { all?: boolean } = {}): Promise<FormBody> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') return c.req.parseBody(opts)
  const form: FormBody = Object.create(null)
  for (const [key, value] of new URLSearchParams(await c.req.text())) {
    const before = form[key]
    if (!opts.all && !key.endsWith('[]')) form[key] = value
    else if (before === undefined) form[key] = key.endsWith('[]') ? [value] : value
    else if (Array.isArray(before)) before.push(value)
    else form[key] = [before, value]
  }
  return form
}
