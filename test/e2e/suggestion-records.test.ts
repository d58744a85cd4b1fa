import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations, loggedIn, useServerAndBrowser } from '../helpers/browser.ts'
import { nextNoonUtc } from '../helpers/kiosk-browser.ts'
import { seedSuggestionStreet } from '../helpers/suggestion-records.ts'
import { DEMO } from '../helpers/test-app.ts'

const SHOTS = process.env.SUGGESTION_RECORD_SHOTS

/** The record's 代表建议 section, the units' table and the monthly report's suggestions are axe-clean in every language. */
describe('suggestion records in a browser', () => {
  const live = useServerAndBrowser({ now: nextNoonUtc() })

  it('has no axe violations, and staff targets are at least 44 px', async () => {
    seedSuggestionStreet(live.server.db)
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.staff)
    await page.setViewportSize({ width: 1280, height: 900 })
    for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
      await page.goto(`${live.server.baseUrl}/lang/${lang}?next=/records`)
      for (const [name, path, section] of [
        ['record', '/records/deputies/1?from=2026-11-01&to=2026-11-30', '#record-suggestions'],
        ['station', '/records/stations/1?from=2026-11-01&to=2026-11-30', '#per-deputy'],
        ['units', '/records/units?year=2026', '#units-table'],
        ['report', '/reports/stations/1/2026-11', '#report-suggestions'],
      ] as const) {
        await page.goto(`${live.server.baseUrl}${path}`)
        await expectNoAxeViolations(page, `${path} (${lang})`)
        const small = await page.$$eval(`${section} a, #units-year button, #units-year input`, (els) =>
          els
            .map((el) => ({ text: el.textContent, h: el.getBoundingClientRect().height }))
            .filter((x) => x.h > 0 && x.h < 44),
        )
        expect(small, `${path} targets`).toEqual([])
        if (SHOTS) {
          await page.screenshot({ path: `${SHOTS}/R-${name}-${lang}.png`, fullPage: true })
          await page.locator(section).screenshot({ path: `${SHOTS}/R-${name}-section-${lang}.png` })
        }
      }
    }
    await context.close()
  }, 300_000)
})
