import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedDemoSuggestions } from '../../db/demo-suggestions.ts'
import { suggestions } from '../../db/schema.ts'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser({ env: { PUBLIC_URL: 'https://lianluo.example.cn' } })

/** Bytes the page and everything it loaded took, as received. */
async function openCounting(page: Page, url: string) {
  let bytes = 0
  const pending: Promise<void>[] = []
  const on = (r: import('playwright-core').Response) =>
    pending.push(
      r
        .request()
        .sizes()
        .then((s) => {
          bytes += s.responseBodySize + s.responseHeadersSize
        })
        .catch(() => {}),
    )
  page.on('response', on)
  await page.goto(url, { waitUntil: 'load' })
  await Promise.all(pending)
  page.off('response', on)
  return bytes
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

const demoIds = () => {
  const { db, clock } = live.server
  db.transaction((tx) => seedDemoSuggestions(tx, clock.now()), { behavior: 'immediate' })
  const rows = db.select().from(suggestions).orderBy(suggestions.id).all()
  return { closed: rows[0]!.id, assigned: rows[1]!.id, replied: rows[2]!.id, draft: rows[3]!.id }
}

describe('suggestions in public and on paper', () => {
  it('the public list and page are axe-clean, fit 390 and 360 px in three languages and stay under 100 KB', async () => {
    const ids = demoIds()
    const weights: string[] = []
    for (const [w, h] of [
      [390, 844],
      [360, 740],
    ] as const) {
      const context = await live.browser.newContext({
        viewport: { width: w, height: h },
        deviceScaleFactor: 1,
      })
      const page = await context.newPage()
      for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
        await page.goto(`${live.server.baseUrl}/lang/${lang}?next=/m/`)
        for (const [name, path] of [
          ['list', '/m/suggestions'],
          ['closed', `/m/suggestions/${ids.closed}`],
          ['replied', `/m/suggestions/${ids.replied}`],
        ] as const) {
          const bytes = await openCounting(page, `${live.server.baseUrl}${path}`)
          weights.push(`${w} ${lang} ${path}: ${bytes} B`)
          expect(bytes, path).toBeLessThan(100 * 1024)
          await expectNoAxeViolations(page, `${w} ${lang} ${path}`)
          expect(await fitsWidth(page), `${w} ${lang} ${path} fits`).toBe(true)
          if (lang === 'zh-Hans' || name === 'list') await screenshot(page, `P-${name}-${lang}-${w}`)
        }
      }
      await context.close()
    }
    console.log(weights.join('\n'))
  }, 300_000)

  it('the print page is axe-clean and fits one A4 sheet, with the QR for a filed one and the draft mark for a draft', async () => {
    const ids = demoIds()
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.staff)
    for (const [name, id] of [
      ['print-closed', ids.closed],
      ['print-draft', ids.draft],
    ] as const) {
      await page.goto(`${live.server.baseUrl}/suggestions/${id}/print`)
      await expectNoAxeViolations(page, name)
      await screenshot(page, `P-${name}`)
      expect(await page.locator('#suggestion-qr').count()).toBe(name === 'print-closed' ? 1 : 0)
      await page.emulateMedia({ media: 'print' })
      await page.setViewportSize({ width: 794, height: 1123 })
      await screenshot(page, `P-${name}-print`)
      const pdf = await page.pdf({ preferCSSPageSize: true })
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length
      expect(pages, `${name} pages`).toBe(1)
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
      expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842])
      await page.emulateMedia({ media: 'screen' })
      await page.setViewportSize({ width: 1280, height: 900 })
    }
    await context.close()
  }, 200_000)
})
