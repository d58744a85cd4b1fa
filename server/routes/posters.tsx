import { type Context, Hono } from 'hono'
import { findPlace, listPlaces } from '../../db/queries/places.ts'
import { activeDeputiesWithTitle, publicDeputy } from '../../db/queries/public-pages.ts'
import { findStation, listStations } from '../../db/queries/stations.ts'
import { placeKindLabel } from '../../views/pages/places/place-labels.ts'
import { PosterPage, PostersIndexPage, type PosterView } from '../../views/pages/public/poster-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { qrSvg } from '../qr-svg.ts'
import { idParam } from '../validation.ts'

/**
 * QR posters (issue 16 item 4) and the short URLs they carry. A poster's code must open on any
 * resident's phone, so it is only ever drawn with PUBLIC_URL: without it the page refuses with
 * 409 and says why, rather than print a LAN address that nobody outside can open.
 */
export function posterRoutes(deps: AppDeps) {
  const { db, config } = deps
  const app = new Hono<AppEnv>()

  const activeStation = (id: number) => {
    const s = findStation(db, id)
    return s?.active ? s : undefined
  }
  const activePlace = (id: number) => {
    const p = findPlace(db, id)
    return p?.active ? p : undefined
  }

  // Short URLs: what the QR codes hold. Unknown or retired subjects answer the 404 page.
  app.get('/q/s/:id{[0-9]+}', (c) => {
    const s = activeStation(idParam(c) ?? 0)
    return s ? c.redirect(`/m/station/${s.id}`, 302) : rejectRequest(c, 404, 'error.notFound.body')
  })
  app.get('/q/d/:id{[0-9]+}', (c) => {
    const d = publicDeputy(db, idParam(c) ?? 0)
    return d ? c.redirect(`/m/deputy/${d.id}`, 302) : rejectRequest(c, 404, 'error.notFound.body')
  })
  app.get('/q/p/:id{[0-9]+}', (c) => {
    const p = activePlace(idParam(c) ?? 0)
    return p ? c.redirect(`/m/find?place=${p.id}`, 302) : rejectRequest(c, 404, 'error.notFound.body')
  })

  app.get('/staff/posters', (c) => {
    const { name } = c.get('i18n')
    return renderPage(
      c,
      <PostersIndexPage
        stations={listStations(db)
          .filter((s) => s.active)
          .map((s) => ({ id: s.id, name: `${s.code} · ${name(s)}` }))}
        deputies={activeDeputiesWithTitle(db).map((d) => ({ id: d.id, name: d.name }))}
        places={listPlaces(db).map((p) => ({
          id: p.id,
          name: name(p),
          kind: p.kind,
          district: name(p.district),
        }))}
      />,
    )
  })

  const poster = async (
    c: Context<AppEnv>,
    make: (base: string) => Omit<PosterView, 'qrSvg' | 'back'> | undefined,
  ) => {
    const view = make(config.publicUrl ?? '')
    if (!view) return rejectRequest(c, 404, 'error.notFound.body')
    if (!config.publicUrl) return rejectRequest(c, 409, 'poster.noPublicUrl')
    return renderPage(c, <PosterPage p={{ ...view, qrSvg: await qrSvg(view.url), back: '/staff/posters' }} />)
  }

  app.get('/staff/posters/station/:id{[0-9]+}', (c) => {
    const { t, name } = c.get('i18n')
    return poster(c, (base) => {
      const s = activeStation(idParam(c) ?? 0)
      if (!s) return undefined
      return {
        subheading: s.address,
        heading: name(s),
        lead: t('poster.station.lead'),
        url: `${base}/q/s/${s.id}`,
      }
    })
  })
  app.get('/staff/posters/deputy/:id{[0-9]+}', (c) => {
    const { t, name } = c.get('i18n')
    return poster(c, (base) => {
      const d = publicDeputy(db, idParam(c) ?? 0)
      if (!d) return undefined
      return {
        subheading: [d.title, d.districts.map((x) => name(x)).join('、')].filter(Boolean).join(' · '),
        heading: d.name,
        lead: t('poster.deputy.lead'),
        url: `${base}/q/d/${d.id}`,
      }
    })
  })
  app.get('/staff/posters/place/:id{[0-9]+}', (c) => {
    const { t, name } = c.get('i18n')
    return poster(c, (base) => {
      const p = activePlace(idParam(c) ?? 0)
      if (!p) return undefined
      return {
        subheading: `${placeKindLabel(t, p.kind)} · ${name(p.district)}`,
        heading: name(p),
        lead: t('poster.place.lead', { place: name(p) }),
        url: `${base}/q/p/${p.id}`,
      }
    })
  })
  return app
}
