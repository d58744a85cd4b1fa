import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { jsx } from 'hono/jsx'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkSuggestionQuality,
  type QualityInput,
  type QualityReport,
  suggestionLexicon,
} from '../../server/domain/suggestion-quality.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import { QualityChecklist } from '../../views/components/quality-checklist.tsx'
import { makeI18n } from '../../views/i18n/index.ts'
import { LOCALE_HTML_LANG, type Locale } from '../../views/i18n/locales.ts'
import { fragmentToString } from '../../views/pages/display/fragment-string.tsx'
import { expectNoAxeViolations, launchBrowser } from '../helpers/browser.ts'

/**
 * The checklist alone in a staff-styled page (the suggestion page that embeds it is another part's),
 * in each language: axe-clean, and screenshots to look at.
 */
const SHOTS = process.env.SCREENSHOT_DIR ?? '/work/shots'
const ORIGIN = 'http://quality.test'
const CSS: Record<string, string> = {
  '/static/app.css': join(PROJECT_ROOT, 'views/styles/app.css'),
  '/static/quality-checklist.css': join(PROJECT_ROOT, 'kiosk/quality-checklist.css'),
}

const refused: QualityInput = {
  title: '关于幸福小区电梯的建议',
  problem: '幸福小区3栋的两台电梯经常停运，影响全楼48户、136名居民，其中80岁以上老人11名，居民意见很大。',
  causes: '',
  actions: [
    { text: '进一步加强管理', actor: '有关部门' },
    { text: '更换3栋电梯的曳引机', actor: '' },
  ],
  proposedUnitCount: 1,
  proposedLeadUnitCount: 1,
  linkedConcernCount: 0,
  linkedTopicCount: 0,
  noEvidenceReason: '无',
  pendingCosigners: 1,
  placeNames: ['幸福小区'],
}
const passed: QualityInput = {
  ...refused,
  title: '关于维修幸福小区3栋电梯的建议',
  problem: `自2026年3月起，${refused.problem}`,
  causes: '电梯已使用19年，超过设计年限；专项维修资金申请卡在业主表决环节。',
  actions: [{ text: '2026年12月底前更换3栋两台电梯的曳引机和控制柜', actor: '幸福物业服务有限公司' }],
  linkedConcernCount: 13,
  linkedTopicCount: 1,
  pendingCosigners: 0,
}

async function page(locale: Locale, report: QualityReport): Promise<string> {
  const body = await fragmentToString(makeI18n(locale), jsx(QualityChecklist, { report }))
  return `<!DOCTYPE html><html lang="${LOCALE_HTML_LANG[locale]}" class="staff"><head><meta charset="utf-8"><title>checklist</title><link rel="stylesheet" href="/static/app.css"></head><body><main id="main"><h1>${makeI18n(locale).t('suggestion.nav')}</h1>${body}</main></body></html>`
}

describe('the quality checklist in a browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })

  const cases: [string, Locale, QualityInput, { width: number; height: number }][] = [
    ['refused-zh-Hans', 'zh-Hans', refused, { width: 1280, height: 900 }],
    ['refused-zh-Hant', 'zh-Hant', refused, { width: 1280, height: 900 }],
    ['refused-en', 'en', refused, { width: 1280, height: 900 }],
    ['passed-zh-Hans', 'zh-Hans', passed, { width: 1280, height: 900 }],
    ['refused-zh-Hans-390', 'zh-Hans', refused, { width: 390, height: 844 }],
  ]
  it.each(cases)('%s: axe-clean, every state in words', async (name, locale, input, viewport) => {
    const report = checkSuggestionQuality(input, suggestionLexicon())
    const html = await page(locale, report)
    const context = await browser.newContext({ viewport })
    const p = await context.newPage()
    await p.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname
      const css = CSS[path]
      return css
        ? route.fulfill({ contentType: 'text/css', body: readFileSync(css, 'utf8') })
        : route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
    })
    await p.goto(`${ORIGIN}/`)
    const border = await p
      .locator('.quality-item')
      .first()
      .evaluate((el) => getComputedStyle(el).borderLeftWidth)
    expect(border).toBe('6px')
    const t = makeI18n(locale).t
    const states = await p.locator('.quality-state').allInnerTexts()
    expect(states.length).toBe(report.items.length)
    if (!report.passed) expect(states).toContain(t('suggestion.quality.state.fail'))
    await expectNoAxeViolations(p, name)
    await p.screenshot({ path: join(SHOTS, `Q-checklist-${name}.png`), fullPage: true })
    await context.close()
  })
})
