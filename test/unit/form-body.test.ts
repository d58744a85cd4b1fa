import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { FormRefused, MAX_FORM_FIELDS, readForm, splitUrlEncoded } from '../../server/middleware/form-body.ts'

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

  it('gives what Hono’s parseBody gives for multipart forms', async () => {
    const form = new FormData()
    form.append('a', '1')
    form.append('a', '2')
    form.append('名', '王')
    form.append('tags[]', 'p')
    for (const { ours, hono } of await both(form)) expect(ours).toEqual(hono)
  })
})

/** What readForm answers for a body: the form, or the status and message it was refused with. */
async function read(body: BodyInit, type: string) {
  const app = new Hono()
  app.post('/', async (c) => {
    try {
      return c.json({ form: await readForm(c) })
    } catch (err) {
      if (!(err instanceof FormRefused)) throw err
      return c.json({ refused: [err.status, err.messageKey] })
    }
  })
  const res = await app.request('/', { method: 'POST', body, headers: type ? { 'content-type': type } : {} })
  return (await res.json()) as { form?: Record<string, unknown>; refused?: [number, string] }
}

const URLENCODED = 'application/x-www-form-urlencoded'

describe('refusing what a form must not hold', () => {
  it('refuses invalid UTF-8, raw or percent-encoded, instead of storing U+FFFD', async () => {
    expect(await read(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), URLENCODED)).toEqual({
      refused: [400, 'error.badForm'],
    })
    for (const body of ['a=%FF', 'a=%C3', 'a=%E5%90', '%FF=1', 'a=%zz'])
      expect(await read(body, URLENCODED), body).toEqual({ refused: [400, 'error.badForm'] })
    expect(await read('a=%E5%90%8D+%2B', URLENCODED)).toEqual({ form: { a: '名 +' } })
    // A U+FFFD that was sent as such is text like any other.
    expect(await read('a=%EF%BF%BD', URLENCODED)).toEqual({ form: { a: '\uFFFD' } })
  })

  it('drops control characters, bidirectional overrides and the BOM but keeps tabs and line breaks', async () => {
    const sent = 'a\u0000b\u001b[31mc\u007f\u0085d\u202Ee\u2066f\uFEFFg\th\r\ni'
    expect(await read(new URLSearchParams({ x: sent, 'k\u0000': '1' }).toString(), URLENCODED)).toEqual({
      form: { x: 'ab[31mcdefg\th\r\ni', k: '1' },
    })
    const form = new FormData()
    form.append('x', sent)
    expect(await read(form as unknown as BodyInit, '')).toMatchObject({ form: { x: 'ab[31mcdefg\th\r\ni' } })
  })

  it('refuses more than MAX_FORM_FIELDS fields before splitting the body', async () => {
    const many = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=1`).join('&')
    expect(await read(many, URLENCODED)).toEqual({ refused: [413, 'error.tooManyFields'] })
    expect(() => splitUrlEncoded(new TextEncoder().encode('&'.repeat(150_000)))).toThrow(FormRefused)
    const exact = Array.from({ length: MAX_FORM_FIELDS }, (_, i) => `f${i}=1`).join('&')
    expect(Object.keys((await read(exact, URLENCODED)).form ?? {})).toHaveLength(MAX_FORM_FIELDS)
    const parts = `${'--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n'.repeat(MAX_FORM_FIELDS + 1)}--x--\r\n`
    expect(await read(parts, 'multipart/form-data; boundary=x')).toEqual({
      refused: [413, 'error.tooManyFields'],
    })
  })

  it('refuses a broken multipart body with 400', async () => {
    for (const [body, type] of [
      ['garbage', 'multipart/form-data; boundary=x'],
      ['--x\r\nno headers--', 'multipart/form-data; boundary=x'],
      ['a=1', 'multipart/form-data'],
    ] as const)
      expect(await read(body, type), body).toEqual({ refused: [400, 'error.badForm'] })
    const bad = new Uint8Array([
      ...new TextEncoder().encode('--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n'),
      0xff,
      ...new TextEncoder().encode('\r\n--x--\r\n'),
    ])
    expect(await read(bad, 'multipart/form-data; boundary=x')).toEqual({ refused: [400, 'error.badForm'] })
  })
})
