import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../../server/env.ts'
import {
  addCookie,
  finishHeaders,
  respond,
  setHeader,
  startHeaders,
} from '../../server/middleware/response-headers.ts'

/** A bare app with only the header bag, as the request context starts and finishes it. */
function appWithBag() {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    startHeaders(c, { 'x-frame-options': 'DENY' })
    await next()
    finishHeaders(c, c.res)
  })
  app.use('*', async (c, next) => {
    setHeader(c, 'Cache-Control', 'no-store')
    await next()
  })
  return app
}

describe('gathered response headers', () => {
  it('puts every gathered header on a response built by respond, the handler’s own winning', async () => {
    const app = appWithBag()
    app.get('/', (c) => respond(c, 'hi', 200, { 'cache-control': 'private', 'content-type': 'text/plain' }))
    const res = await app.request('/')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('cache-control')).toBe('private')
    expect(res.headers.get('content-type')).toBe('text/plain')
    expect(await res.text()).toBe('hi')
  })

  it('keeps two cookies as two Set-Cookie lines, in the order they were added', async () => {
    const app = appWithBag()
    app.get('/', (c) => {
      addCookie(c, 'a=1; Path=/')
      addCookie(c, 'b=2; Path=/')
      return respond(c, null, 204)
    })
    const res = await app.request('/')
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('adds them to responses Hono built (a redirect), without overriding what the handler set', async () => {
    const app = appWithBag()
    app.get('/', (c) => {
      addCookie(c, 'a=1; Path=/')
      addCookie(c, 'b=2; Path=/')
      return c.redirect('/next', 303)
    })
    app.get('/own', (c) => c.body('x', 200, { 'Cache-Control': 'public' }))
    const res = await app.request('/')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/next')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect((await app.request('/own')).headers.get('cache-control')).toBe('public')
  })

  it('gives an error page the gathered headers too', async () => {
    const app = appWithBag()
    app.get('/', () => {
      throw new Error('boom')
    })
    app.onError((_err, c) => respond(c, 'sorry', 500))
    const res = await app.request('/')
    expect(res.status).toBe(500)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
