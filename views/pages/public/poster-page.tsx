import { raw } from 'hono/html'
import type { PlaceKind } from '../../../db/enums.ts'
import { Document } from '../../document.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { placeKindLabel } from '../places/place-labels.ts'

export type PosterView = {
  heading: string
  subheading: string
  lead: string
  url: string
  qrSvg: string
  back: string
}

/** A printable A4 poster: who or where, what the code is for, the QR code and its short URL. */
export function PosterPage({ p }: { p: PosterView }) {
  const { t } = useI18n()
  return (
    <Document title={p.heading} variant="staff" scripts={['/static/print-button.js']}>
      <link rel="stylesheet" href="/static/poster.css" />
      <main id="main" class="poster-screen">
        <p class="no-print poster-tools">
          <a href={p.back}>← {t('posters.title')}</a>
          <button type="button" data-print id="poster-print">
            {t('poster.print')}
          </button>
          <span class="hint">{t('poster.printHint')}</span>
        </p>
        <article class="poster" id="poster">
          <p class="poster-sub">{p.subheading}</p>
          <h1 class="poster-heading">{p.heading}</h1>
          <p class="poster-lead">{p.lead}</p>
          <div class="poster-qr" role="img" aria-label={t('poster.qrLabel', { url: p.url })}>
            {raw(p.qrSvg)}
          </div>
          <p class="poster-scan">{t('poster.scan')}</p>
          <p class="poster-url">
            {t('poster.orType')} <span id="poster-url">{p.url}</span>
          </p>
          <p class="poster-free">{t('poster.free')}</p>
        </article>
      </main>
    </Document>
  )
}

type Row = { id: number; name: string; note?: string }

function PosterList({ id, title, kind, rows }: { id: string; title: string; kind: string; rows: Row[] }) {
  const { t } = useI18n()
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t('form.none')}</p>
      ) : (
        <ul class="poster-index" id={id}>
          {rows.map((r) => (
            <li>
              <a href={`/staff/posters/${kind}/${r.id}`} id={`poster-link-${kind}-${r.id}`}>
                {t('posters.open')}
                <span class="visually-hidden"> {r.name}</span>
              </a>{' '}
              {r.name}
              {r.note ? <span class="hint"> · {r.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** /staff/posters: every station, deputy and place with a link to its poster. */
export function PostersIndexPage(p: {
  stations: Row[]
  deputies: Row[]
  places: (Row & { kind: PlaceKind; district: string })[]
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('posters.title')}>
      <p>{t('posters.intro')}</p>
      <PosterList id="posters-stations" title={t('posters.stations')} kind="station" rows={p.stations} />
      <PosterList id="posters-deputies" title={t('posters.deputies')} kind="deputy" rows={p.deputies} />
      <PosterList
        id="posters-places"
        title={t('posters.places')}
        kind="place"
        rows={p.places.map((x) => ({ ...x, note: `${placeKindLabel(t, x.kind)} · ${x.district}` }))}
      />
    </StaffLayout>
  )
}
