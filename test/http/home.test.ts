import { describe, expect, it } from 'vitest'
import { DEMO, makeTestApp } from '../helpers/test-app.ts'

describe('home page', () => {
  it('links every screen a person may use, and each link opens', async () => {
    const t = await makeTestApp()
    for (const [user, pw, stationCount] of [
      [...DEMO.admin, 2],
      [...DEMO.staff, 1],
      [...DEMO.deputy, 0],
    ] as const) {
      const c = await t.client().login(user, pw)
      const html = await (await c.get('/')).text()
      expect(html.match(/id="home-station-\d+"/g) ?? [], user).toHaveLength(stationCount)
      const links = [...html.matchAll(/<main[\s\S]*?<\/main>/g)]
        .flatMap((m) => [...m[0].matchAll(/href="(\/[^"]*)"/g)])
        .map((m) => m[1]!)
      expect(links.length, user).toBeGreaterThan(1)
      for (const href of links) expect((await c.get(href)).status, `${user} ${href}`).toBe(200)
    }
  })
})
