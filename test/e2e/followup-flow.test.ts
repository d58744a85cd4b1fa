import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { concerns } from '../../db/schema.ts'
import { formatTrackingCode } from '../../views/pages/track/concern-labels.ts'
import {
  expectKioskTargets,
  expectNoAxeViolations,
  loggedIn,
  pairedKiosk,
  screenshot,
  useServerAndBrowser,
} from '../helpers/browser.ts'
import { expectKioskContrast, expectKioskText } from '../helpers/queue-browser.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

/** Clicks and waits for the navigation it causes. */
async function tap(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)])
}

/** Every kiosk norm at once: axe (WCAG 2 A/AA), 60 px targets, 24 px text, 7:1 contrast. */
async function kioskNorms(page: Page, label: string) {
  await expectNoAxeViolations(page, label)
  await expectKioskTargets(page)
  await expectKioskText(page, label)
  await expectKioskContrast(page, label)
  await screenshot(page, `followup-${label}`)
}

describe('following a concern to the resident’s verdict in a real browser', () => {
  it('clerk refers and records the reply, the deputy replies, the resident rates it at the kiosk', async () => {
    // A clerk takes a phone call for deputy 陈建国.
    const clerk = await loggedIn(live.browser, live.server, ...DEMO.staff)
    const base = live.server.baseUrl
    await clerk.page.goto(`${base}/staff/stations/1/intake`)
    await clerk.page.selectOption('#f-channel', 'phone')
    await clerk.page.selectOption('#f-topic', '3')
    await clerk.page.selectOption('#f-deputy', '1')
    await clerk.page.fill('#f-description', '河边步道的护栏松动，老人散步不安全。')
    await clerk.page.fill('#f-residentName', '周阿姨')
    await clerk.page.fill('#f-phone', '13612345678')
    await tap(clerk.page, '#intake-submit')
    const code = live.server.db.select().from(concerns).orderBy(concerns.id).all().at(-1)!.trackingCode
    const id = live.server.db.select().from(concerns).where(eq(concerns.trackingCode, code)).get()!.id

    // The concern page: facts, the resident in full for this station's clerk, the steps allowed now.
    await clerk.page.goto(`${base}/concerns/${id}`)
    expect(await clerk.page.textContent('#resident-phone')).toBe('13612345678')
    // One step per transition the lifecycle allows from 'received', in the table's order.
    expect(await clerk.page.locator('#concern-steps > details > summary').allTextContents()).toEqual([
      '直接答复',
      '转承办单位办理',
      '形成代表建议',
      '并入同类诉求',
      '不予受理',
      '群众撤回',
    ])
    await expectNoAxeViolations(clerk.page, 'concern received')

    // Refer it to the urban management squad; a wrong grade is caught; record the unit's reply.
    await clerk.page.click('#step-refer summary')
    await clerk.page.selectOption('#f-refer-unit', '2')
    await clerk.page.fill('#f-refer-note', '请城管中队三个工作日内查看')
    await tap(clerk.page, '#submit-refer')
    expect(await clerk.page.textContent('#concern-status')).toBe('已转办')
    await clerk.page.click('#step-unit_reply summary')
    await clerk.page.fill('#f-unit_reply-unitReply', '护栏已于本周加固，并增设警示牌。')
    await tap(clerk.page, '#submit-unit_reply')
    expect(await clerk.page.textContent('#concern-error')).toContain('请选择办理结果等级')
    expect(await clerk.page.getAttribute('#step-unit_reply', 'open')).not.toBeNull()
    await expectNoAxeViolations(clerk.page, 'concern form error')
    await clerk.page.check('#f-unit_reply-grade input[value="A"]')
    await tap(clerk.page, '#submit-unit_reply')
    expect(await clerk.page.textContent('#concern-grade')).toBe('A 类：已解决')

    // The deputy passes the reply on from their own page; the unit's words are there to start from.
    const deputy = await loggedIn(live.browser, live.server, ...DEMO.deputy)
    await deputy.page.goto(`${base}/concerns/mine`)
    await expectNoAxeViolations(deputy.page, 'my concerns')
    await screenshot(deputy.page, 'followup-my-concerns')
    await tap(deputy.page, `#concern-row-${id} a`)
    await deputy.page.click('#step-relay summary')
    expect(await deputy.page.inputValue('#f-relay-reply')).toBe('护栏已于本周加固，并增设警示牌。')
    await deputy.page.fill('#f-relay-reply', '您好：河边护栏已加固，并增设了警示牌。')
    await tap(deputy.page, '#submit-relay')
    expect(await deputy.page.textContent('#concern-status')).toBe('已答复')
    await expectNoAxeViolations(deputy.page, 'concern replied')
    await screenshot(deputy.page, 'followup-concern-detail')

    // The resident, at the kiosk: start screen → check progress → code → the reply → a verdict.
    const kiosk = await pairedKiosk(live.browser, live.server)
    await tap(kiosk.page, '#action-progress')
    await kioskNorms(kiosk.page, 'kiosk-lookup')
    await kiosk.page.fill('#f-code', 'ZZZZ-ZZZZ')
    await tap(kiosk.page, '#progress-submit')
    expect(await kiosk.page.textContent('#progress-error')).toContain('没有这个查询码')
    await kioskNorms(kiosk.page, 'kiosk-lookup-error')
    await kiosk.page.fill('#f-code', formatTrackingCode(code).toLowerCase())
    await tap(kiosk.page, '#progress-submit')
    expect(await kiosk.page.textContent('#progress-status')).toBe('已答复')
    expect(await kiosk.page.textContent('#progress-reply')).toContain('河边护栏已加固')
    const shown = await kiosk.page.content()
    for (const secret of ['13612345678', '周阿姨', '河边步道的护栏松动']) expect(shown).not.toContain(secret)
    await kioskNorms(kiosk.page, 'kiosk-verdict')
    await kiosk.page.fill('#f-comment', '谢谢，修得很快')
    await tap(kiosk.page, '#verdict-basically')
    expect(await kiosk.page.textContent('#verdict-thanks')).toContain('谢谢您的评价：基本满意')
    expect(await kiosk.page.textContent('#progress-status')).toBe('已办结')
    expect(await kiosk.page.locator('#verdict-form').count()).toBe(0)
    await kioskNorms(kiosk.page, 'kiosk-thanks')

    // In English, one tap away.
    await kiosk.page.click('#kiosk-language a[lang="en"]')
    await kiosk.page.waitForFunction(() => document.documentElement.lang === 'en')
    expect(await kiosk.page.textContent('#progress-status')).toBe('Closed')
    await kioskNorms(kiosk.page, 'kiosk-thanks-en')

    // The clerk sees the verdict on the timeline, and can write a public summary.
    await clerk.page.goto(`${base}/concerns/${id}`)
    expect(await clerk.page.textContent('#concern-timeline')).toContain('基本满意 · 自助终端')
    await clerk.page.click('#step-summary summary')
    await clerk.page.fill('#f-summary-summary', '河边步道护栏松动，承办单位一周内加固并增设警示牌。')
    await tap(clerk.page, '#submit-summary')
    expect(await clerk.page.textContent('#concern-summary')).toContain('增设警示牌')
    await expectNoAxeViolations(clerk.page, 'concern closed')
    await clerk.page.goto(`${base}/staff/stations/1/concerns`)
    await expectNoAxeViolations(clerk.page, 'station concerns')
    await clerk.page.goto(`${base}/staff/stations/1/callbacks`)
    await expectNoAxeViolations(clerk.page, 'callbacks')

    // The deputy's record: figures with their samples, and the chart drawn on the server.
    await deputy.page.goto(`${base}/records/me`)
    expect(new URL(deputy.page.url()).pathname).toBe('/records/deputies/1')
    expect(await deputy.page.textContent('#fig-satisfaction')).toContain('样本 1 件')
    expect(await deputy.page.getAttribute('#chart-weekly', 'role')).toBe('img')
    expect(await deputy.page.textContent('#chart-weekly-title')).toBe('每周收到与办结的诉求')
    await expectNoAxeViolations(deputy.page, 'deputy record')
    await screenshot(deputy.page, 'followup-deputy-record')

    // The station's record with every deputy and the satisfaction chart; the administrator's settings.
    const admin = await loggedIn(live.browser, live.server, ...DEMO.admin)
    await admin.page.goto(`${base}/records/streets/1`)
    expect(await admin.page.getAttribute('#chart-satisfaction', 'role')).toBe('img')
    await expectNoAxeViolations(admin.page, 'street record')
    await screenshot(admin.page, 'followup-street-record')
    await admin.page.goto(`${base}/staff/followup-settings`)
    await expectNoAxeViolations(admin.page, 'settings')
    await admin.page.goto(`${base}/concerns/${id}`)
    expect(await admin.page.textContent('#resident-phone')).toBe('136****5678')
    await expectNoAxeViolations(admin.page, 'concern for an administrator')

    // The public monthly report, for anyone: printable, and big on the display board.
    const visitor = await live.browser.newContext({ viewport: { width: 1366, height: 900 } })
    const report = await visitor.newPage()
    await report.goto(`${base}/reports/stations/1`)
    expect(await report.textContent('#report-received')).toContain('1')
    expect(await report.textContent('#report-examples')).toContain('增设警示牌')
    expect(await report.content()).not.toContain('13612345678')
    await expectNoAxeViolations(report, 'monthly report')
    await screenshot(report, 'followup-monthly-report')
    await report.emulateMedia({ media: 'print' })
    await screenshot(report, 'followup-monthly-report-print')
    await report.emulateMedia({ media: 'screen' })
    await report.setViewportSize({ width: 1920, height: 1080 })
    await report.goto(`${base}/reports/stations/1?board=1`)
    await expectNoAxeViolations(report, 'monthly report board')
    await screenshot(report, 'followup-monthly-report-board')

    await Promise.all([
      clerk.context.close(),
      deputy.context.close(),
      admin.context.close(),
      kiosk.context.close(),
      visitor.close(),
    ])
  }, 180_000)
})
