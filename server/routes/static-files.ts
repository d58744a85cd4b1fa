import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
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
  'print.css': join(PROJECT_ROOT, 'kiosk/print.css'),
  'idle.js': join(PROJECT_ROOT, 'kiosk/idle.js'),
  'return-after.js': join(PROJECT_ROOT, 'kiosk/return-after.js'),
  'csrf.js': join(PROJECT_ROOT, 'kiosk/csrf.js'),
  'queue.css': join(PROJECT_ROOT, 'kiosk/queue.css'),
  'queue-kiosk.js': join(PROJECT_ROOT, 'kiosk/queue-kiosk.js'),
  'queue-live.js': join(PROJECT_ROOT, 'kiosk/queue-live.js'),
  'followup.css': join(PROJECT_ROOT, 'kiosk/followup.css'),
  'booking.css': join(PROJECT_ROOT, 'kiosk/booking.css'),
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' }

/** Serves the few static files from memory, so the kiosk works with no internet and no CDN. */
export function staticFiles() {
  const loaded = Object.entries(FILES).map(([name, path]) => {
    const body = readFileSync(path)
    return [name, { body, etag: `"${sha256(body.toString('latin1')).slice(0, 32)}"` }] as const
  })
  const byName = new Map(loaded)
  const app = new Hono<AppEnv>()
  app.get('/:name', (c) => {
    const file = byName.get(c.req.param('name'))
    if (!file) return c.notFound()
    setHeader(c, 'ETag', file.etag)
    setHeader(c, 'Cache-Control', 'public, max-age=300, must-revalidate')
    if (c.req.header('if-none-match') === file.etag) return respond(c, null, 304)
    const ext = c.req.param('name').split('.').pop() ?? ''
    return respond(c, new Uint8Array(file.body), 200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
    })
  })
  return app
}
