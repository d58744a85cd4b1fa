import fc from 'fast-check'
import { type ErrorHandler, Hono, type MiddlewareHandler } from 'hono'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { SmartRouter } from 'hono/router/smart-router'
import { TrieRouter } from 'hono/router/trie-router'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../../server/env.ts'
import { afterNext, chainRouter, syncMiddleware } from '../../server/middleware/sync-chain.ts'

type Trace = string[]
type Env = { Variables: { trace: Trace } }

/**
 * What a step does; the same kinds run under Hono's compose and under chainRouter. 'nothing' (a
 * step that neither answers nor calls next) is a mistake on which compose's outcome depends on the
 * steps around it; it is tested on its own.
 */
const KINDS = ['next', 'awaitNext', 'after', 'respond', 'throw', 'throwLater', 'nextTwice'] as const
type Kind = (typeof KINDS)[number] | 'nothing'

function step(kind: Kind, n: number): MiddlewareHandler<Env> {
  const mark = (c: Parameters<MiddlewareHandler<Env>>[0], what: string) => c.get('trace').push(`${n}:${what}`)
  const fns: Record<Kind, MiddlewareHandler<Env>> = {
    next: (c, next) => {
      mark(c, 'in')
      return next()
    },
    awaitNext: async (c, next) => {
      mark(c, 'in')
      await next()
      mark(c, `out ${c.res.status}`)
    },
    after: syncMiddleware((c, next) =>
      afterNext(c as never, next, (res) => {
        mark(c as never, `after ${res.status}`)
        return res
      }),
    ) as unknown as MiddlewareHandler<Env>,
    respond: (c) => {
      mark(c, 'respond')
      return Promise.resolve(c.text(`from ${n}`, 201))
    },
    throw: (c) => {
      mark(c, 'throw')
      throw new Error(`boom ${n}`)
    },
    throwLater: async (c) => {
      mark(c, 'throwLater')
      await Promise.resolve()
      throw new Error(`later ${n}`)
    },
    nothing: async (c) => {
      mark(c, 'nothing')
    },
    nextTwice: async (c, next) => {
      mark(c, 'twice')
      await next()
      await next()
    },
  }
  return fns[kind]
}

const onError: ErrorHandler<Env> = (err, c) => {
  c.get('trace').push(`error ${err.message}`)
  return c.text(`error: ${err.message}`, 500)
}

function build(kinds: Kind[], handler: 'text' | 'none', chained: boolean) {
  const app = chained
    ? new Hono<Env>({
        router: chainRouter(
          new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] }),
          () => onError as unknown as ErrorHandler<AppEnv>,
        ) as never,
      })
    : new Hono<Env>()
  app.use('*', async (c, next) => {
    c.set('trace', [])
    await next()
    // A chain that stopped without an answer has no response yet (Hono's error comes after this).
    if (c.finalized) c.res.headers.set('x-trace', c.get('trace').join(' | '))
  })
  kinds.forEach((k, i) => {
    app.use('/s/:id/*', step(k, i))
  })
  if (handler === 'text') app.get('/s/:id/x', (c) => c.text(`handler ${c.req.param('id')}`))
  app.notFound((c) => c.text('not found', 404))
  app.onError(onError)
  return app
}

async function outcome(app: Hono<Env>, path: string) {
  const res = await app.request(path)
  return { status: res.status, body: await res.text(), trace: res.headers.get('x-trace') }
}

describe('chainRouter', () => {
  it('answers as Hono’s compose does, for any chain of middleware (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...KINDS), { maxLength: 5 }),
        fc.constantFrom('text' as const, 'none' as const),
        async (kinds, handler) => {
          const expected = await outcome(build(kinds, handler, false), '/s/7/x')
          const actual = await outcome(build(kinds, handler, true), '/s/7/x')
          expect(actual).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('answers with the error handler when a step stops without an answer', async () => {
    for (const kinds of [
      ['nothing'],
      ['after', 'next', 'nothing'],
      ['next', 'awaitNext', 'nothing'],
    ] as Kind[][]) {
      const { status, body } = await outcome(build(kinds, 'text', true), '/s/7/x')
      expect(status).toBe(500)
      expect(body).toMatch(/Context is not finalized/)
    }
  })

  it('answers synchronously when every step does', () => {
    const app = new Hono<AppEnv>({
      router: chainRouter(
        new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] }),
        () => () => new Response('error', { status: 500 }),
      ) as never,
    })
    const seen: string[] = []
    app.use(
      '*',
      syncMiddleware((c, next) =>
        afterNext(c, next, (res) => {
          seen.push(`after ${res.status}`)
          return res
        }),
      ),
    )
    app.use(
      '/s/:id/*',
      syncMiddleware((c, next) => {
        seen.push(`id ${c.req.param('id')}`)
        return next()
      }),
    )
    app.get('/s/:id/x', (c) => c.text(`handler ${c.req.param('id')}`))
    const res = app.fetch(new Request('http://localhost/s/42/x'))
    expect(res).toBeInstanceOf(Response)
    expect(seen).toEqual(['id 42', 'after 200'])
  })
})
