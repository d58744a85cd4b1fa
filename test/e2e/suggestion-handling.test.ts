import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { localDate } from '../../server/domain/time.ts'
import { submitConcern } from '../../server/events/queue-commands.ts'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { seedSuggestion } from '../helpers/suggestions.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser()

/**
 * Posts a form from the page the browser is on (with its CSRF token), as a person's form would,
 * and waits for the page it answers with: the handling page a refused step re-renders.
 */
async function post(page: Page, action: string, fields: Record<string, string>) {
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(
      ([action, fields]) => {
        const form = document.createElement('form')
        form.method = 'post'
        form.action = action
        const csrf = document.querySelector<HTMLInputElement>('input[name=_csrf]')
        for (const [k, v] of Object.entries({ _csrf: csrf?.value ?? '', ...fields })) {
          const input = document.createElement('input')
          input.type = 'hidden'
          input.name = k
          input.value = v
          form.append(input)
        }
        document.body.append(form)
        form.submit()
      },
      [action, fields] as const,
    ),
  ])
}

/** Staff targets: every visible control at least 44 px high. */
async function expectStaffTargets(page: Page) {
  const small = await page.$$eval('#suggestion-handling button, #suggestion-handling select', (els) =>
    els
      .map((el) => ({ id: el.id, h: Math.round(el.getBoundingClientRect().height) }))
      .filter((x) => x.h > 0 && x.h < 44),
  )
  expect(small).toEqual([])
}

describe('suggestion handling screens (issue 18 items 4–5)', () => {
  it('the office accepts, assigns, records replies; the deputy rates; residents see the progress', async () => {
    const { server, browser } = live
    const { db, clock } = server
    const now = clock.now()
    const { concern } = submitConcern(
      db,
      {
        stationId: 1,
        localDate: localDate(now, 'Asia/Shanghai'),
        topicId: 1,
        channel: 'phone',
        queue: false,
        deputyId: 1,
        priority: false,
        description: '3栋电梯又停了',
        callbackPhone: '13812345678',
        residentName: '王大妈',
        submissionKey: null,
        kioskId: null,
        actor: { kind: 'system' },
      },
      now,
    )
    const id = seedSuggestion(
      db,
      {
        status: 'submitted',
        year: 2026,
        number: 17,
        concernIds: [concern.id],
        proposed: [
          { unitId: 5, role: 'lead' },
          { unitId: 1, role: 'assist' },
        ],
      },
      now,
    )
    const { page } = await loggedIn(browser, server, ...DEMO.staff)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.baseUrl}/concerns/${concern.id}`)

    // Submitted: accept or return (a return without a reason is refused, the form shown again).
    await post(page, `/suggestions/${id}/return`, { returnReason: '' })
    expect(await page.locator('#form-accept').count()).toBe(1)
    await expectNoAxeViolations(page, 'handling: submitted')
    await expectStaffTargets(page)
    await screenshot(page, 'C-handling-submitted-1280')
    await post(page, `/suggestions/${id}/accept`, {})

    // Accepted: the assign form, with the deputy's proposed units chosen.
    await page.goto(`${server.baseUrl}/concerns/${concern.id}`)
    await post(page, `/suggestions/${id}/assign`, { leadUnit: '5', assistUnits: '1', dueOn: '2020-01-01' })
    expect(await page.locator('#form-assign').count()).toBe(1)
    await expectNoAxeViolations(page, 'handling: assign refused')
    await screenshot(page, 'C-handling-assign-1280')
    await post(page, `/suggestions/${id}/assign`, { leadUnit: '5', assistUnits: '1' })

    // Assigned: one unit replies; the reply form is for the unit still owing.
    await page.goto(`${server.baseUrl}/concerns/${concern.id}`)
    const today = localDate(clock.now(), 'Asia/Shanghai')
    await post(page, `/suggestions/${id}/reply`, {
      unit: '5',
      grade: 'B',
      replyText: '已安排检修，计划下月底前更换3栋电梯主机。',
      repliedOn: today,
    })
    await post(page, `/suggestions/${id}/reply`, { unit: '1', grade: '', replyText: '', repliedOn: today })
    expect(await page.locator('#form-reply').count()).toBe(1)
    expect(await page.locator('#handling-reply-0-5').count()).toBe(1)
    await expectNoAxeViolations(page, 'handling: replies')
    await expectStaffTargets(page)
    await screenshot(page, 'C-handling-replies-1280')
    await post(page, `/suggestions/${id}/reply`, {
      unit: '1',
      grade: 'A',
      replyText: '街道已协调物业临时开放货梯。',
      repliedOn: today,
    })

    // The staff concern page shows the suggestion's progress.
    await page.goto(`${server.baseUrl}/concerns/${concern.id}`)
    expect(await page.locator('#suggestion-progress').count()).toBe(1)
    await expectNoAxeViolations(page, 'concern page with suggestion progress')
    await screenshot(page, 'C-concern-progress-1280')

    // The lead deputy's verdict form (a verdict not chosen is refused and shown again).
    const deputy = await loggedIn(browser, server, ...DEMO.deputy)
    await deputy.page.setViewportSize({ width: 1280, height: 900 })
    await deputy.page.goto(`${server.baseUrl}/concerns/${concern.id}`)
    await post(deputy.page, `/suggestions/${id}/verdict`, { verdictNote: '' })
    expect(await deputy.page.locator('#form-verdict').count()).toBe(1)
    expect(await deputy.page.locator('#form-assign, #form-reply, #form-accept').count()).toBe(0)
    await expectNoAxeViolations(deputy.page, 'handling: verdict')
    await screenshot(deputy.page, 'C-handling-verdict-1280')

    // The resident's tracking page on a phone: the reply, the verdict buttons and the progress.
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 360, height: 740 },
    ]) {
      const ctx = await browser.newContext({ viewport, hasTouch: true })
      const phone = await ctx.newPage()
      await phone.goto(`${server.baseUrl}/track/${concern.trackingCode}`)
      expect(await phone.locator('#suggestion-progress').count()).toBe(1)
      expect(await phone.locator('#track-verdict-form').count()).toBe(1)
      const html = await phone.content()
      expect(html).not.toContain('王大妈')
      await expectNoAxeViolations(phone, `track ${viewport.width}`)
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
      expect(overflow).toBe(false)
      await screenshot(phone, `C-track-progress-${viewport.width}`)
      await ctx.close()
    }
  }, 240_000)
})
