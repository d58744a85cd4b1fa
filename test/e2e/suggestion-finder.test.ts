import { jsx } from 'hono/jsx'
import { describe, expect, it } from 'vitest'
import { suggestionEvidence } from '../../db/queries/suggestion-finder.ts'
import { loadSuggestion } from '../../db/queries/suggestions.ts'
import { I18nContext, makeI18n } from '../../views/i18n/index.ts'
import { StaffLayout } from '../../views/layouts/staff-layout.tsx'
import { EvidencePanel } from '../../views/pages/suggestions/evidence-panel.tsx'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

const LIFTS = [
  '3栋电梯又坏了',
  '电梯经常停运，老人下不了楼',
  '电梯困人，十几分钟才有人来',
  '5号楼电梯故障好几天了没人修，打13812345678没人接',
  '电梯门关不上，很危险',
  '今天电梯又困人了',
]
const OTHERS: [string, number, string][] = [
  ['化工厂晚上排气，味道刺鼻', 3, '幸福村'],
  ['工厂废气味道很大', 3, '幸福村'],
  ['小区门口路灯不亮', 2, '锦绣花园小区'],
]

/** Writes residents' concerns straight into the demo database (the intake is tested over HTTP). */
function seedConcerns() {
  const db = live.server.db.$client
  const place = (name: string) =>
    (db.prepare('select id from places where name_zh_hans = ?').get(name) as { id: number }).id
  const now = live.server.clock.now().getTime()
  const insert = db.prepare(
    `insert into concerns (tracking_code, station_id, topic_id, channel, status, deputy_id, description, callback_phone,
       place_id, received_on, first_response_due_on, created_at, updated_at)
     values (?, 1, ?, 'phone', ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const ids: number[] = []
  LIFTS.forEach((text, i) => {
    const on = `2026-${String(6 + i).padStart(2, '0')}-1${i}`
    const r = insert.run(
      `LFT${i}AAAA`,
      1,
      i === 0 ? 'closed' : 'received',
      text,
      i % 2 ? null : `1390000000${i}`,
      place('锦绣花园小区'),
      on,
      on,
      now,
      now,
    )
    ids.push(Number(r.lastInsertRowid))
  })
  OTHERS.forEach(([text, topic, p], i) => {
    insert.run(`OTH${i}BBBB`, topic, 'received', text, null, place(p), '2026-10-01', '2026-10-08', now, now)
  })
  db.prepare(
    `insert into concern_events (concern_id, at, action, actor_kind, from_status, to_status, detail)
     values (?, ?, 'verdict', 'resident', 'replied', 'closed', '{"verdict":"basically_satisfied"}')`,
  ).run(ids[0], now)
  return ids
}

describe('the suggestion finder in a real browser', () => {
  it('shows a deputy the lift group, starts a draft from it, and the draft’s evidence reads well', async () => {
    seedConcerns()
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    await page.goto(`${live.server.baseUrl}/suggestions/finder`)
    expect(await page.textContent('#finder-group-1 h2')).toContain('位居民反映「电梯」')
    expect(await page.textContent('#finder-group-1')).not.toContain('13812345678')
    expect(await page.textContent('#finder-group-1')).toContain('基本满意')
    await expectNoAxeViolations(page, 'finder')
    await screenshot(page, 'F-finder')
    // Deputies open it on their phones too.
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'F-finder-390')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })

    await Promise.all([
      page.waitForURL(/\/suggestions\/\d+\/edit$/),
      page.click('#finder-group-1 button[type=submit]'),
    ])
    const id = Number(/\/suggestions\/(\d+)\/edit$/.exec(page.url())![1])
    const view = loadSuggestion(live.server.db, id)!
    expect(view.concerns).toHaveLength(LIFTS.length)

    // The panel as B's draft pages embed it, on a page of its own.
    for (const locale of ['zh-Hans', 'en'] as const) {
      const html = await jsx(
        I18nContext.Provider,
        { value: makeI18n(locale) },
        jsx(StaffLayout, {
          title: view.title,
          children: jsx(EvidencePanel, {
            suggestion: view,
            evidence: suggestionEvidence(live.server.db, view.concerns),
          }),
        }),
      ).toString()
      await page.goto(`${live.server.baseUrl}/healthz`)
      await page.setContent(`<!doctype html>${html}`)
      expect(await page.textContent('#suggestion-evidence')).not.toContain('13812345678')
      await expectNoAxeViolations(page, `evidence panel ${locale}`)
      await screenshot(page, `F-evidence-${locale}`)
    }

    const asOffice = await loggedIn(live.browser, live.server, ...DEMO.staff)
    await asOffice.page.goto(`${live.server.baseUrl}/suggestions/finder?deputy=1`)
    expect(await asOffice.page.isVisible('#finder-deputy')).toBe(true)
    await expectNoAxeViolations(asOffice.page, 'finder for staff')
    await screenshot(asOffice.page, 'F-finder-staff')
    await asOffice.context.close()
    await context.close()
  })
})
