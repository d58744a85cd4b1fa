import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { makeTestApp } from '../helpers/test-app.ts'

const htmx = readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'))
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('static files are served compressed', () => {
  it('in brotli or gzip as the browser accepts, each the same file, with its own ETag and Vary', async () => {
    const t = await makeTestApp()
    const get = (encoding?: string, etag?: string) =>
      t.client().get('/static/htmx.min.js', {
        headers: {
          ...(encoding ? { 'accept-encoding': encoding } : {}),
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      })
    const br = await get('gzip, deflate, br, zstd')
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('Accept-Encoding')
    const brBody = await bytes(br)
    expect(brotliDecompressSync(brBody).equals(htmx)).toBe(true)
    expect(brBody.length).toBeLessThan(htmx.length / 2)

    const gz = await get('gzip')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gz)).equals(htmx)).toBe(true)

    const plain = await get()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await bytes(plain)).equals(htmx)).toBe(true)
    // br;q=0 refuses brotli.
    expect((await get('br;q=0, gzip')).headers.get('content-encoding')).toBe('gzip')

    const tags = [br, gz, plain].map((r) => r.headers.get('etag'))
    expect(new Set(tags).size).toBe(3)
    // A revalidation is 304 only for the representation it names.
    expect((await get('gzip, br', tags[0]!)).status).toBe(304)
    expect((await get('gzip', `W/"x", ${tags[1]}`)).status).toBe(304)
    const other = await get('gzip', tags[0]!)
    expect(other.status).toBe(200)
    expect(other.headers.get('content-encoding')).toBe('gzip')
  })
})
