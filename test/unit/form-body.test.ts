import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { readForm } from '../../server/middleware/form-body.ts'

/** Posts the same body to readForm and to Hono's parseBody, with and without `all`. */
async function both(body: string | FormData, type?: string) {
  const app = new Hono()
  app.post('/', async (c) => {
    const all = c.req.query('all') === '1'
    return c.json({ ours: await readForm(c, { all }), hono: await c.req.parseBody({ all }) })
  })
  const results = []
  for (const all of ['0', '1']) {
    const res = await app.request(`/?all=${all}`, {
      method: 'POST',
      body,
      headers: type ? { 'content-type': type } : undefined,
    })
    results.push((await res.json()) as { ours: unknown; hono: unknown })
  }
  return results
}

describe('reading a submitted form', () => {
  it('gives what Hono’s parseBody gives for URL-encoded forms: last value, every value with all or []', async () => {
    const body = 'a=1&a=2&b=x+y%20z&tags[]=p&c=&%E5%90%8D=%E7%8E%8B&tags[]=q'
    for (const { ours, hono } of await both(body, 'application/x-www-form-urlencoded; charset=UTF-8'))
      expect(ours).toEqual(hono)
    const [plain, all] = await both(body, 'application/x-www-form-urlencoded')
    expect(plain!.ours).toEqual({ a: '2', b: 'x y z', 'tags[]': ['p', 'q'], c: '', 名: '王' })
    expect(all!.ours).toMatchObject({ a: ['1', '2'] })
  })

  it('leaves multipart forms to Hono', async () => {
    const form = new FormData()
    form.append('a', '1')
    form.append('a', '2')
    for (const { ours, hono } of await both(form)) expect(ours).toEqual(hono)
  })
})
