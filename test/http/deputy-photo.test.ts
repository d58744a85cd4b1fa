import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { findDeputyPhoto } from '../../db/queries/deputy-photos.ts'
import { auditCount } from '../helpers/admin.ts'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

const DEPUTY = 1

/** A camera-like picture: landscape, with EXIF that must not survive (a maker note standing in for GPS). */
const cameraJpeg = (width = 1200, height = 900) =>
  sharp({ create: { width, height, channels: 3, background: '#4a7' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'SECRET-EXIF-MARK', Artist: 'Resident Camera' } })
    .toBuffer()

const upload = (bytes: Uint8Array, name = 'me.jpg', type = 'image/jpeg') => {
  const form = new FormData()
  form.set('photo', new File([new Uint8Array(bytes)], name, { type }))
  return form
}

async function setup() {
  const t = await makeTestApp()
  const admin = await t.client().login(...DEMO.admin)
  return { t, admin }
}

describe('deputy photo', () => {
  it('resizes an upload to a 480 px square JPEG without its EXIF, audits it and serves it with a strong ETag', async () => {
    const { t, admin } = await setup()
    const audits = auditCount(t)
    const original = await cameraJpeg()
    expect(original.includes('SECRET-EXIF-MARK')).toBe(true)
    const res = await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(original))
    expect(res.status).toBe(303)
    expect(auditCount(t)).toBe(audits + 1)
    const stored = findDeputyPhoto(t.db, DEPUTY)!
    expect([stored.width, stored.height, stored.contentType]).toEqual([480, 480, 'image/jpeg'])
    expect(stored.bytes.includes('SECRET-EXIF-MARK')).toBe(false)
    const meta = await sharp(stored.bytes).metadata()
    expect([meta.width, meta.height, meta.format, meta.exif]).toEqual([480, 480, 'jpeg', undefined])

    const anon = t.client()
    const served = await anon.get(`/m/deputy/${DEPUTY}/photo`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    const etag = served.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    expect(served.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
    expect(Buffer.from(await served.arrayBuffer()).equals(stored.bytes)).toBe(true)
    const again = await anon.get(`/m/deputy/${DEPUTY}/photo`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)

    // The public page points at the versioned photo and offers it as the link preview.
    const page = await (await anon.get(`/m/deputy/${DEPUTY}`)).text()
    const version = etag.slice(1, 13)
    expect(page).toContain(`/m/deputy/${DEPUTY}/photo?v=${version}`)
    expect(page).toMatch(
      new RegExp(
        `<meta property="og:image" content="http://localhost/m/deputy/${DEPUTY}/photo\\?v=${version}"`,
      ),
    )
  })

  it('shows a placeholder SVG when there is no photo, and again after the photo is removed', async () => {
    const { t, admin } = await setup()
    const anon = t.client()
    const none = await anon.get(`/m/deputy/${DEPUTY}/photo`)
    expect(none.status).toBe(200)
    expect(none.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(await cameraJpeg()))
    expect((await anon.get(`/m/deputy/${DEPUTY}/photo`)).headers.get('content-type')).toBe('image/jpeg')
    const audits = auditCount(t)
    const removed = await admin.post(`/admin/deputies/${DEPUTY}/photo/remove`)
    expect(removed.status).toBe(303)
    expect(findDeputyPhoto(t.db, DEPUTY)).toBeUndefined()
    expect(auditCount(t)).toBe(audits + 1)
    expect((await anon.get(`/m/deputy/${DEPUTY}/photo`)).headers.get('content-type')).toMatch(/^image\/svg/)
    expect((await anon.get('/m/deputy/999/photo')).status).toBe(404)
  })

  it('accepts PNG and WebP, and refuses other pictures and non-pictures whatever their name says, with 422', async () => {
    const { t, admin } = await setup()
    const png = await sharp({ create: { width: 300, height: 600, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer()
    expect(
      (await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(png, 'a.png', 'image/png')))
        .status,
    ).toBe(303)
    expect(findDeputyPhoto(t.db, DEPUTY)).toMatchObject({ width: 480, height: 480 })
    const webp = await sharp({ create: { width: 500, height: 500, channels: 3, background: '#123' } })
      .webp()
      .toBuffer()
    expect(
      (await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(webp, 'a.webp', 'image/webp')))
        .status,
    ).toBe(303)

    const before = findDeputyPhoto(t.db, DEPUTY)!.etag
    const audits = auditCount(t)
    const gif = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#f00' } })
      .gif()
      .toBuffer()
    for (const [bytes, name] of [
      [gif, 'looks.jpg'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.jpg'],
      [Buffer.from('MZ not a picture at all'), 'virus.png'],
    ] as const) {
      const res = await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(bytes, name))
      expect(res.status, name).toBe(422)
      expect(await res.text()).toContain('只接受 JPEG、PNG 或 WebP 图片')
    }
    const empty = await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, new FormData())
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('请选择一个照片文件')
    expect(findDeputyPhoto(t.db, DEPUTY)!.etag).toBe(before)
    expect(auditCount(t)).toBe(audits)
  })

  it('refuses a photo over 5 MB with 413 and its own message, and a body far over it before reading', async () => {
    const { t, admin } = await setup()
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    const res = await admin.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(big))
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('照片超过 5 MB')
    const huge = await admin.postMultipart(
      `/admin/deputies/${DEPUTY}/photo`,
      upload(new Uint8Array(6 * 1024 * 1024)),
    )
    expect(huge.status).toBe(413)
    expect(findDeputyPhoto(t.db, DEPUTY)).toBeUndefined()
  })

  it('is an administrator’s screen only', async () => {
    const { t } = await setup()
    const clerk = await t.client().login(...DEMO.staff)
    const res = await clerk.postMultipart(`/admin/deputies/${DEPUTY}/photo`, upload(await cameraJpeg()))
    expect(res.status).toBe(403)
    expect(findDeputyPhoto(t.db, DEPUTY)).toBeUndefined()
  })
})
