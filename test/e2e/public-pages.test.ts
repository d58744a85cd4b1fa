import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { saveDeputyPhoto } from '../../db/queries/deputy-photos.ts'
import { listPlaces } from '../../db/queries/places.ts'
import { insertVisit } from '../../db/queries/visits.ts'
import { localDate } from '../../server/domain/time.ts'
import { addDays } from '../../server/domain/zoned-time.ts'
import { resizePhoto } from '../../server/public-pages/photo-resize.ts'
import { expectNoAxeViolations, loggedIn, screenshot, useServerAndBrowser } from '../helpers/browser.ts'
import { addSession } from '../helpers/feeds.ts'
import { DEMO } from '../helpers/test-app.ts'

const live = useServerAndBrowser({ env: { PUBLIC_URL: 'https://lianluo.example.cn' } })

async function plant() {
  const { db, clock } = live.server
  const now = clock.now()
  const today = localDate(now, 'Asia/Shanghai')
  addSession(db, { deputyId: 1, stationId: 1, date: addDays(today, 2), start: '09:00', end: '11:30' }, now)
  addSession(db, { deputyId: 1, stationId: 1, date: addDays(today, 9), start: '14:00', end: '16:00' }, now)
  const place = listPlaces(db).find((p) => p.kind === 'village')!
  insertVisit(
    db,
    {
      placeId: place.id,
      stationId: 1,
      kind: 'home_visits',
      startsAt: new Date(now.getTime() + 3 * 86_400_000),
      endsAt: new Date(now.getTime() + 3 * 86_400_000 + 7_200_000),
      deputyIds: [1],
    },
    now,
  )
  const picture = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#8aa' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="800" height="1000"><circle cx="400" cy="380" r="200" fill="#fde"/></svg>',
        ),
      },
    ])
    .jpeg()
    .toBuffer()
  const photo = await resizePhoto(picture)
  if (typeof photo === 'string') throw new Error(photo)
  saveDeputyPhoto(db, 1, photo, 1, now)
}

/** Bytes the page and everything it loaded took, as received (compressed where the server compressed). */
async function openCounting(page: Page, url: string) {
  let bytes = 0
  const count = (r: import('playwright-core').Response) =>
    r
      .request()
      .sizes()
      .then((s) => {
        bytes += s.responseBodySize + s.responseHeadersSize
      })
      .catch(() => {})
  const pending: Promise<void>[] = []
  const on = (r: import('playwright-core').Response) => pending.push(count(r))
  page.on('response', on)
  await page.goto(url, { waitUntil: 'load' })
  await Promise.all(pending)
  page.off('response', on)
  return bytes
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

describe('public deputy and station pages on a phone, posters and the printed schedule', () => {
  it('are axe-clean, fit 390 and 360 px in three languages, and stay small', async () => {
    await plant()
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
        await page.goto(`${live.server.baseUrl}/lang/${lang}?next=/m/deputies`)
        for (const [name, path] of [
          ['deputy', '/m/deputy/1'],
          ['station', '/m/station/1'],
          ['deputies', '/m/deputies'],
        ] as const) {
          const bytes = await openCounting(page, `${live.server.baseUrl}${path}`)
          weights.push(`${w} ${lang} ${path}: ${bytes} B`)
          expect(bytes, path).toBeLessThan(100 * 1024)
          await expectNoAxeViolations(page, `${w} ${lang} ${path}`)
          expect(await fitsWidth(page), `${w} ${lang} ${path} fits`).toBe(true)
          if (name !== 'deputies' || lang === 'zh-Hans') await screenshot(page, `D-${name}-${lang}-${w}`)
        }
      }
      await context.close()
    }
    console.log(weights.join('\n'))
  }, 400_000)

  it('posters print on one A4 page; the admin photo screen, posters index and printable schedule are axe-clean', async () => {
    const { context, page } = await loggedIn(live.browser, live.server, ...DEMO.admin)
    const place = listPlaces(live.server.db).find((p) => p.kind === 'firm')!
    for (const [name, path] of [
      ['photo-admin', '/admin/deputies/1/photo'],
      ['posters-index', '/staff/posters'],
      ['schedule', '/staff/deputies/1/schedule/print'],
      ['poster-station', '/staff/posters/station/1'],
      ['poster-deputy', '/staff/posters/deputy/1'],
      ['poster-place', `/staff/posters/place/${place.id}`],
    ] as const) {
      await page.goto(`${live.server.baseUrl}${path}`)
      await expectNoAxeViolations(page, path)
      await screenshot(page, `D-${name}`)
      if (name.startsWith('poster-') || name === 'schedule') {
        await page.emulateMedia({ media: 'print' })
        await page.setViewportSize({ width: 794, height: 1123 })
        await screenshot(page, `D-${name}-print`)
        const pdf = await page.pdf({ preferCSSPageSize: true })
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length
        expect(pages, `${path} pages`).toBe(1)
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
        expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842])
        await page.emulateMedia({ media: 'screen' })
        await page.setViewportSize({ width: 1280, height: 900 })
      }
    }
    await context.close()
  }, 300_000)
})
