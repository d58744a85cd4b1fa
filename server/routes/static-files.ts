import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { sha256 } from '../domain/secrets.ts'
import type { AppEnv } from '../env.ts'
import { respond, setHeader } from '../middleware/response-headers.ts'
import { PROJECT_ROOT } from '../project-root.ts'

const require = createRequire(join(PROJECT_ROOT, 'package.json'))

/** Every file the browser may load, by public name; nothing else under /static is served. */
const FILES: Record<string, string> = {
  'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js'),
  'hx-sse.js': require.resolve('htmx.org/dist/ext/hx-sse.js'),
  'app.css': join(PROJECT_ROOT, 'views/styles/app.css'),
  'kiosk.css': join(PROJECT_ROOT, 'kiosk/kiosk.css'),
  'mobile.css': join(PROJECT_ROOT, 'kiosk/mobile.css'),
  'proof-of-work.js': join(PROJECT_ROOT, 'kiosk/proof-of-work.js'),
  'phone-raise.css': join(PROJECT_ROOT, 'kiosk/phone-raise.css'),
  'print.css': join(PROJECT_ROOT, 'kiosk/print.css'),
  'public-pages.css': join(PROJECT_ROOT, 'kiosk/public-pages.css'),
  'poster.css': join(PROJECT_ROOT, 'kiosk/poster.css'),
  'print-button.js': join(PROJECT_ROOT, 'kiosk/print-button.js'),
  'idle.js': join(PROJECT_ROOT, 'kiosk/idle.js'),
  'slip.js': join(PROJECT_ROOT, 'kiosk/slip.js'),
  'visit-print.js': join(PROJECT_ROOT, 'kiosk/visit-print.js'),
  'return-after.js': join(PROJECT_ROOT, 'kiosk/return-after.js'),
  'csrf.js': join(PROJECT_ROOT, 'kiosk/csrf.js'),
  'queue.css': join(PROJECT_ROOT, 'kiosk/queue.css'),
  'queue-kiosk.js': join(PROJECT_ROOT, 'kiosk/queue-kiosk.js'),
  'queue-live.js': join(PROJECT_ROOT, 'kiosk/queue-live.js'),
  'room-board.js': join(PROJECT_ROOT, 'kiosk/room-board.js'),
  'followup.css': join(PROJECT_ROOT, 'kiosk/followup.css'),
  'coverage.css': join(PROJECT_ROOT, 'kiosk/coverage.css'),
  'quality-checklist.css': join(PROJECT_ROOT, 'kiosk/quality-checklist.css'),
  'booking.css': join(PROJECT_ROOT, 'kiosk/booking.css'),
  'visits.css': join(PROJECT_ROOT, 'kiosk/visits.css'),
  'keypad.css': join(PROJECT_ROOT, 'kiosk/keypad.css'),
  'keypad.js': join(PROJECT_ROOT, 'kiosk/keypad.js'),
  'names-chips.css': join(PROJECT_ROOT, 'kiosk/names-chips.css'),
  'names-chips.js': join(PROJECT_ROOT, 'kiosk/names-chips.js'),
  'visit-notices.css': join(PROJECT_ROOT, 'kiosk/visit-notices.css'),
  'place-step.css': join(PROJECT_ROOT, 'kiosk/place-step.css'),
  'suggestion-drafts.css': join(PROJECT_ROOT, 'kiosk/suggestion-drafts.css'),
  'suggestion-public.css': join(PROJECT_ROOT, 'kiosk/suggestion-public.css'),
  'suggestion-print.css': join(PROJECT_ROOT, 'kiosk/suggestion-print.css'),
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' }

/** Encodings a static file is kept in, best first; identity is the file itself. */
const ENCODINGS = ['br', 'gzip'] as const
type Encoding = (typeof ENCODINGS)[number]

type Variant = { body: Uint8Array<ArrayBuffer>; etag: string }

const compress = (body: Buffer, encoding: Encoding): Buffer =>
  encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
    : gzipSync(body, { level: 9 })

/** The encoding to answer in: the best one the client accepts (a q=0 refuses it), or identity. */
function chosenEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null
  const accepted = new Set(
    acceptEncoding
      .toLowerCase()
      .split(',')
      .map((part) => part.split(';').map((x) => x.trim()))
      .filter(([, q]) => !q || !/^q=0(?:\.0*)?$/.test(q))
      .map(([name]) => name),
  )
  return ENCODINGS.find((e) => accepted.has(e)) ?? null
}

/**
 * Serves the few static files from memory, so the kiosk works with no internet and no CDN.
 * Each is compressed once at start-up (brotli and gzip), so a kiosk's first screen costs a third
 * of its bytes and no request pays for compressing. Every encoding has its own strong ETag.
 */
export function staticFiles() {
  const loaded = Object.entries(FILES).map(([name, path]) => {
    const body = readFileSync(path)
    const tag = sha256(body.toString('latin1')).slice(0, 32)
    const variants = new Map<Encoding | null, Variant>([
      [null, { body: new Uint8Array(body), etag: `"${tag}"` }],
    ])
    for (const e of ENCODINGS) {
      const packed = compress(body, e)
      if (packed.length < body.length)
        variants.set(e, { body: new Uint8Array(packed), etag: `"${tag}-${e}"` })
    }
    return [name, variants] as const
  })
  const byName = new Map(loaded)
  const app = new Hono<AppEnv>()
  app.get('/:name', (c) => {
    const variants = byName.get(c.req.param('name'))
    if (!variants) return c.notFound()
    const encoding = chosenEncoding(c.req.header('accept-encoding'))
    const chosen = (encoding && variants.get(encoding)) || variants.get(null)!
    const encoded = chosen !== variants.get(null)
    setHeader(c, 'ETag', chosen.etag)
    setHeader(c, 'Cache-Control', 'public, max-age=300, must-revalidate')
    setHeader(c, 'Vary', 'Accept-Encoding')
    const ifNoneMatch = c.req.header('if-none-match')
    if (ifNoneMatch?.split(',').some((t) => t.trim() === chosen.etag)) return respond(c, null, 304)
    const ext = c.req.param('name').split('.').pop() ?? ''
    return respond(c, chosen.body, 200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      ...(encoded ? { 'content-encoding': encoding! } : {}),
    })
  })
  return app
}
