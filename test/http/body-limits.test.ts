import { describe, expect, it } from 'vitest'
import { BODY_LIMITS } from '../../server/middleware/body-limit.ts'
import { kioskClient } from '../helpers/queue.ts'
import { DEMO, makeTestApp, type TestClient } from '../helpers/test-app.ts'

/** Posts a form padded to `bytes` with its CSRF token; the status says whether its size passed. */
async function postOfSize(client: TestClient, path: string, bytes: number) {
  if (!client.cookies.has('csrf')) await client.get('/login')
  const head = `_csrf=${client.cookies.get('csrf')}&pad=`
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: head + 'x'.repeat(bytes - head.length),
  })
}

describe('body limits by caller', () => {
  it('gives nobody signed in a few KB, a kiosk a few more, and staff the CSV imports’ 2 MB', async () => {
    const t = await makeTestApp()
    const anonymous = t.client()
    expect((await postOfSize(anonymous, '/login', BODY_LIMITS.anonymous)).status).not.toBe(413)
    const refused = await postOfSize(anonymous, '/login', BODY_LIMITS.anonymous + 1)
    expect(refused.status).toBe(413)
    expect(await refused.text()).toContain('提交的内容太大')

    const kiosk = await kioskClient(t)
    expect((await postOfSize(kiosk, '/kiosk/concern', BODY_LIMITS.anonymous + 1)).status).not.toBe(413)
    expect((await postOfSize(kiosk, '/kiosk/concern', BODY_LIMITS.kiosk + 1)).status).toBe(413)

    const admin = await t.client().login(...DEMO.admin)
    expect((await postOfSize(admin, '/admin/stations', BODY_LIMITS.kiosk + 1)).status).not.toBe(413)
    expect((await postOfSize(admin, '/admin/stations', BODY_LIMITS.signedIn + 1)).status).toBe(413)
  })

  it('refuses a request the access table refuses before reading its form', async () => {
    const t = await makeTestApp()
    const anonymous = t.client()
    await anonymous.get('/login')
    // A form that cannot be read: with the access check first, it is never read.
    const res = await anonymous.request('/admin/stations', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: 'garbage',
    })
    expect(res.status).toBe(401)
    // Signed in, the same body reaches CSRF protection, which cannot read it.
    const admin = await t.client().login(...DEMO.admin)
    const read = await admin.request('/admin/stations', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: 'garbage',
    })
    expect(read.status).toBe(400)
    expect(await read.text()).toContain('提交的内容无法读取')
  })
})
