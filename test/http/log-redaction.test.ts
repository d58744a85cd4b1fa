import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createApp, FEED_ROUTE } from '../../server/app.ts'
import { createLogger, redactUrl } from '../../server/logger.ts'
import { makeTestApp, TestClient } from '../helpers/test-app.ts'

const SECRET = 'K7Q2M9XW'

describe('codes and tokens in the log', () => {
  it('are redacted for every route that carries one in its path', async () => {
    const t = await makeTestApp({ demo: false })
    const patterns = [...new Set([...t.app.routes.map((r) => r.path), FEED_ROUTE])].filter((p) =>
      /:(code|token|file)\b/.test(p),
    )
    expect(patterns.length).toBeGreaterThanOrEqual(5)
    for (const pattern of patterns) {
      const path = pattern.replace(/:(code|token|file)\b/g, SECRET).replace(/:\w+(\{[^}]*\})?/g, '1')
      expect(redactUrl(path), pattern).not.toContain(SECRET)
      expect(redactUrl(path), pattern).toContain('[redacted]')
    }
  })

  it('are redacted in query strings and leave other paths alone', () => {
    expect(redactUrl(`/track?code=${SECRET}&lang=en`)).toBe('/track?code=[redacted]&lang=en')
    expect(redactUrl(`/x?Token=${SECRET}`)).toBe('/x?Token=[redacted]')
    expect(redactUrl('/kiosk/booking/days')).toBe('/kiosk/booking/days')
    expect(redactUrl('/concerns/12')).toBe('/concerns/12')
  })

  it('never reach the request log, percent-encoded or not', async () => {
    const t = await makeTestApp()
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const client = new TestClient(createApp({ ...t.deps, logger: createLogger('info', sink) }))
    const paths = [
      `/track/${SECRET}`,
      `/%74rack/${SECRET}`,
      `/track?code=${SECRET}`,
      `/kiosk/slip/${SECRET}`,
      `/kiosk/booking/slip/${SECRET}`,
      `/kiosk/progress/${SECRET}`,
      `/kiosk/progress/${SECRET}/verdict`,
    ]
    for (const path of paths) await client.get(path)
    const log = lines.join('')
    expect(lines.length).toBeGreaterThanOrEqual(paths.length)
    expect(log).toContain('/track/[redacted]')
    expect(log).toContain('/kiosk/progress/[redacted]/verdict')
    expect(log).not.toContain(SECRET)
  })
})
