import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Kiosk contrast norm (DESIGN §5): axe's enhanced contrast rule, ≥ 7:1 (WCAG 1.4.6). */
export async function expectKioskContrast(page: Page, label = page.url()) {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze()
  const summary = result.violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').at(-1)?.trim()}`),
  )
  expect(summary, `contrast under 7:1 on ${label}`).toEqual([])
}

/** Kiosk text norm (DESIGN §5): every visible piece of text is at least 24 CSS px. */
export async function expectKioskText(page: Page, label = page.url()) {
  const small = await page.$$eval('body *', (els) =>
    els
      .filter((el) => {
        const hasText = [...el.childNodes].some(
          (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
        )
        const r = el.getBoundingClientRect()
        return (
          hasText &&
          r.width > 0 &&
          r.height > 0 &&
          !el.closest('[hidden]') &&
          !el.closest('.q-visually-hidden')
        )
      })
      .map((el) => ({
        text: (el.textContent ?? '').trim().slice(0, 24),
        px: Number.parseFloat(getComputedStyle(el).fontSize),
      }))
      .filter((e) => e.px < 24),
  )
  expect(small, `text under 24 px on ${label}`).toEqual([])
}
