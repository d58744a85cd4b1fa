import { count } from 'drizzle-orm'
import { expect } from 'vitest'
import {
  accountStations,
  accounts,
  auditLog,
  closures,
  deputies,
  deputyDistricts,
  districts,
  handlingUnits,
  kiosks,
  places,
  stations,
  streets,
  topics,
} from '../../db/schema.ts'
import { DEMO, makeTestApp, type TestApp, type TestClient } from './test-app.ts'

const TABLES = {
  streets,
  stations,
  districts,
  deputies,
  deputyDistricts,
  accounts,
  accountStations,
  handlingUnits,
  topics,
  closures,
  kiosks,
  places,
  auditLog,
}

/** Row counts of every table administration writes, to prove a refused request wrote nothing. */
export function rowCounts(t: TestApp) {
  return Object.fromEntries(
    Object.entries(TABLES).map(([name, table]) => [name, t.db.select({ n: count() }).from(table).get()!.n]),
  ) as Record<keyof typeof TABLES, number>
}

export const auditCount = (t: TestApp) => rowCounts(t).auditLog

/** A demo app with an administrator signed in. */
export async function adminSession(opts: { lang?: 'en' | 'zh-Hant' } = {}) {
  const t = await makeTestApp()
  const admin = await t.client().login(...DEMO.admin)
  if (opts.lang) await admin.get(`/lang/${opts.lang}?next=/`)
  return { t, admin }
}

/**
 * Posts a form that must be refused: expects the status (422 by default), the message in the
 * page, and the database exactly as it was.
 */
export async function expectRefused(
  t: TestApp,
  client: TestClient,
  path: string,
  form: Record<string, string | string[]>,
  message: string | RegExp,
  status = 422,
) {
  const before = rowCounts(t)
  const res = await client.post(path, form)
  const html = await res.text()
  expect(res.status, html.slice(0, 400)).toBe(status)
  if (typeof message === 'string') expect(html).toContain(message)
  else expect(html).toMatch(message)
  expect(rowCounts(t)).toEqual(before)
  return html
}

/** Posts a form that must succeed with a redirect (303) and exactly `audits` new audit entries. */
export async function expectSaved(
  t: TestApp,
  client: TestClient,
  path: string,
  form: Record<string, string | string[] | undefined>,
  audits = 1,
) {
  const before = auditCount(t)
  const res = await client.post(path, form)
  if (res.status !== 303)
    throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 2000)}`)
  expect(auditCount(t)).toBe(before + audits)
  return res.headers.get('location') ?? ''
}
