import { describe, it } from 'vitest'
import { expectNoAxeViolations, loggedIn, useServerAndBrowser } from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const SHOTS = process.env.COVERAGE_SHOTS

/** The coverage pages and the printable grid are axe-clean in all three languages. */
describe('coverage pages in a browser', () => {
  const live = useServerAndBrowser()

  it('has no axe violations on the district, deputy and grid pages, in every language', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    await page.setViewportSize({ width: 1280, height: 900 })
    for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
      await page.goto(`${live.server.baseUrl}/lang/${lang}?next=/coverage`)
      for (const [name, path] of [
        ['district', '/coverage?district=1'],
        ['deputy', '/coverage/deputy/1'],
        ['grid', '/coverage/grid?street=1'],
      ] as const) {
        await page.goto(`${live.server.baseUrl}${path}`)
        await expectNoAxeViolations(page, `${path} (${lang})`)
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/C-${name}-${lang}.png`, fullPage: true })
      }
      if (SHOTS) {
        await page.emulateMedia({ media: 'print' })
        await page.screenshot({ path: `${SHOTS}/C-grid-print-${lang}.png`, fullPage: true })
        await page.pdf({
          path: `${SHOTS}/C-grid-${lang}.pdf`,
          format: 'A4',
          landscape: true,
          preferCSSPageSize: true,
        })
        await page.emulateMedia({ media: 'screen' })
      }
    }
    await context.close()
  }, 300_000)
})
