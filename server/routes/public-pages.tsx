import { type Context, Hono } from 'hono'
import { findDeputyPhoto, photoEtags } from '../../db/queries/deputy-photos.ts'
import { activeDeputiesWithTitle, publicDeputy } from '../../db/queries/public-pages.ts'
import { districtDeputies } from '../../db/queries/queue-presence.ts'
import { findStation, listStations } from '../../db/queries/stations.ts'
import { PublicDeputiesPage, PublicDeputyPage } from '../../views/pages/public/deputy-page.tsx'
import { PublicStationPage } from '../../views/pages/public/station-page.tsx'
import { renderPage } from '../../views/render.tsx'
import { publicOrigin } from '../client-address.ts'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { respond, respondNotModified } from '../middleware/response-headers.ts'
import { deputyView, stationView } from '../public-pages/build-views.ts'
import { PLACEHOLDER_ETAG, PLACEHOLDER_SVG, shareImage } from '../public-pages/share-image.ts'
import { idParam } from '../validation.ts'

/**
 * A photo URL changes with the photo (`?v=`), so a day's caching never shows an old face; a
 * request without the version still revalidates by ETag within the day.
 */
const PHOTO_CACHING = 'public, max-age=86400'

const matches = (c: Context, etag: string) =>
  c.req
    .header('if-none-match')
    ?.split(',')
    .some((t) => t.trim() === etag || t.trim() === '*') ?? false

/** The photo's URL on the page: versioned by the first characters of its ETag. */
export const photoPath = (deputyId: number, etag: string | undefined) =>
  `/m/deputy/${deputyId}/photo${etag ? `?v=${etag.replace(/"/g, '').slice(0, 12)}` : ''}`

/**
 * The residents' public pages about deputies and stations (issue 16 item 2): /m/deputies,
 * /m/deputy/:id, its photo, /m/station/:id and the link-preview image. Public by the access
 * table, cacheable (mayBeStored), and built only from public facts: no resident appears.
 */
export function publicPageRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const shareUrl = (c: Context<AppEnv>) => `${publicOrigin(c)}/m/share.png`

  app.get('/m/deputies', (c) => {
    const i18n = c.get('i18n')
    const titles = new Map(activeDeputiesWithTitle(db).map((d) => [d.id, d.title]))
    const groups = listStations(db)
      .filter((s) => s.active)
      .map((s) => ({
        station: { id: s.id, name: i18n.name(s) },
        districts: districtDeputies(db, s.id).map((g) => ({
          name: i18n.name(g.district),
          deputies: g.deputies.map((d) => ({ ...d, title: titles.get(d.id) ?? '' })),
        })),
      }))
      .filter((g) => g.districts.length > 0)
    return renderPage(c, <PublicDeputiesPage groups={groups} shareImage={shareUrl(c)} />)
  })

  app.get('/m/deputy/:id{[0-9]+}', (c) => {
    const d = publicDeputy(db, idParam(c) ?? 0)
    if (!d) return rejectRequest(c, 404, 'error.notFound.body')
    const etag = photoEtags(db, [d.id]).get(d.id)
    const photo = photoPath(d.id, etag)
    const view = deputyView(db, c.get('i18n'), d, clock.now(), {
      photo,
      shareImage: etag ? `${publicOrigin(c)}${photo}` : shareUrl(c),
    })
    return renderPage(c, <PublicDeputyPage d={view} />)
  })

  app.get('/m/deputy/:id{[0-9]+}/photo', (c) => {
    const id = idParam(c) ?? 0
    if (!publicDeputy(db, id)) return rejectRequest(c, 404, 'error.notFound.body')
    const photo = findDeputyPhoto(db, id)
    const etag = photo?.etag ?? PLACEHOLDER_ETAG
    const headers = { etag, 'cache-control': PHOTO_CACHING }
    if (matches(c, etag)) return respondNotModified(c, headers)
    if (!photo)
      return respond(c, PLACEHOLDER_SVG, 200, { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' })
    return respond(c, new Uint8Array(photo.bytes), 200, { ...headers, 'content-type': photo.contentType })
  })

  app.get('/m/station/:id{[0-9]+}', (c) => {
    const station = findStation(db, idParam(c) ?? 0)
    if (!station?.active) return rejectRequest(c, 404, 'error.notFound.body')
    return renderPage(
      c,
      <PublicStationPage s={stationView(db, c.get('i18n'), station, clock.now(), shareUrl(c))} />,
    )
  })

  app.get('/m/share.png', async (c) => {
    const img = await shareImage()
    const headers = { etag: img.etag, 'cache-control': PHOTO_CACHING }
    if (matches(c, img.etag)) return respondNotModified(c, headers)
    return respond(c, img.bytes, 200, { ...headers, 'content-type': 'image/png' })
  })

  return app
}
