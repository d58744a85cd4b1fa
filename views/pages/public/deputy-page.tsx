import type { PlaceKind } from '../../../db/enums.ts'
import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { placeKindLabel } from '../places/place-labels.ts'
import { PublicPagesStyles, PublicSection, type WhenLine, WhenList } from './public-parts.tsx'

/** The public figures of a deputy's record: counts, and a satisfaction rate only with enough ratings. */
export type PublicRecord = {
  from: string
  to: string
  receptionsHeld: number
  receptionsScheduled: number
  residentsReceived: number
  received: number
  finished: number
  satisfaction: { rate: number | null; n: number; min: number }
}

export type PublicDeputyView = {
  id: number
  name: string
  title: string
  intro: string
  photoUrl: string
  districts: string[]
  station: { id: number; name: string } | null
  placesByKind: { kind: PlaceKind; names: string[] }[]
  receptions: WhenLine[]
  visits: WhenLine[]
  record: PublicRecord
  shareImage: string | undefined
}

function RecordFigures({ r }: { r: PublicRecord }) {
  const { t } = useI18n()
  const rate =
    r.satisfaction.n >= r.satisfaction.min && r.satisfaction.rate !== null
      ? t('pub.record.satisfactionValue', {
          rate: `${Math.round(r.satisfaction.rate * 100)}%`,
          n: r.satisfaction.n,
        })
      : t('pub.record.tooFew', { min: r.satisfaction.min, n: r.satisfaction.n })
  const rows: [string, string, string][] = [
    ['record-receptions', t('pub.record.receptionsHeld'), `${r.receptionsHeld} / ${r.receptionsScheduled}`],
    ['record-residents', t('pub.record.residents'), String(r.residentsReceived)],
    ['record-received', t('pub.record.received'), String(r.received)],
    ['record-finished', t('pub.record.finished'), String(r.finished)],
    ['record-satisfaction', t('pub.record.satisfaction'), rate],
  ]
  return (
    <>
      <p class="pub-note">{t('pub.deputy.recordPeriod', { from: r.from, to: r.to })}</p>
      <dl class="pub-figures">
        {rows.map(([id, label, value]) => (
          <div id={id}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}

/** /m/deputy/:id — a deputy's public page (代表信息公开): nothing of any resident appears here. */
export function PublicDeputyPage({ d }: { d: PublicDeputyView }) {
  const { t, locale } = useI18n()
  const colon = locale === 'en' ? ': ' : '：'
  return (
    <MobileLayout
      title={d.name}
      share={{
        description: t('pub.share.deputy', { name: d.name, districts: d.districts.join('、') }),
        image: d.shareImage,
      }}
    >
      <PublicPagesStyles />
      <div class="pub-head" id="deputy-head">
        <img
          class="pub-photo"
          src={d.photoUrl}
          alt={t('pub.deputy.photoAlt', { name: d.name })}
          width="160"
          height="160"
        />
        <div>
          {d.title ? <p class="pub-title">{d.title}</p> : null}
          <p>
            <span class="pub-label">
              {t('pub.deputy.districts')}
              {colon}
            </span>
            <span id="deputy-districts">{d.districts.join('、')}</span>
          </p>
          {d.station ? (
            <p>
              <span class="pub-label">
                {t('pub.deputy.station')}
                {colon}
              </span>
              <a href={`/m/station/${d.station.id}`} id="deputy-station">
                {d.station.name}
              </a>
            </p>
          ) : null}
        </div>
      </div>
      <p class="pub-actions">
        <a class="m-button pub-primary" href={`/m/raise?deputy=${d.id}`} id="deputy-raise">
          {t('pub.action.raise')}
        </a>
        <a class="m-button" href={`/m/book?deputy=${d.id}`} id="deputy-book">
          {t('pub.action.book')}
        </a>
      </p>
      {d.intro ? (
        <PublicSection id="deputy-intro" title={t('pub.deputy.intro')}>
          {d.intro.split(/\n+/).map((para) => (
            <p>{para}</p>
          ))}
        </PublicSection>
      ) : null}
      <PublicSection id="deputy-receptions" title={t('pub.deputy.receptions')}>
        <WhenList id="deputy-reception-list" lines={d.receptions} empty={t('pub.deputy.noReceptions')} />
      </PublicSection>
      <PublicSection id="deputy-visits" title={t('pub.deputy.visits')}>
        <WhenList id="deputy-visit-list" lines={d.visits} empty={t('pub.deputy.noVisits')} />
      </PublicSection>
      <PublicSection id="deputy-places" title={t('pub.deputy.places')}>
        {d.placesByKind.length === 0 ? (
          <p>{t('pub.deputy.noPlaces')}</p>
        ) : (
          <dl class="pub-places">
            {d.placesByKind.map((g) => (
              <div>
                <dt>{placeKindLabel(t, g.kind)}</dt>
                <dd>{g.names.join('、')}</dd>
              </div>
            ))}
          </dl>
        )}
      </PublicSection>
      <PublicSection id="deputy-record" title={t('pub.deputy.record')}>
        <RecordFigures r={d.record} />
      </PublicSection>
    </MobileLayout>
  )
}

export type DeputiesByStation = {
  station: { id: number; name: string }
  districts: { name: string; deputies: { id: number; name: string; title: string }[] }[]
}

/** /m/deputies — every deputy, by station and district. */
export function PublicDeputiesPage({
  groups,
  shareImage,
}: {
  groups: DeputiesByStation[]
  shareImage: string | undefined
}) {
  const { t } = useI18n()
  return (
    <MobileLayout
      title={t('pub.deputies.title')}
      share={{ description: t('pub.share.deputies'), image: shareImage }}
    >
      <PublicPagesStyles />
      <p>{t('pub.deputies.intro')}</p>
      {groups.length === 0 ? <p>{t('pub.deputies.none')}</p> : null}
      {groups.map((g) => (
        <section class="pub-section" aria-labelledby={`station-${g.station.id}-title`}>
          <h2 id={`station-${g.station.id}-title`}>
            <a href={`/m/station/${g.station.id}`}>{g.station.name}</a>
          </h2>
          {g.districts.map((dist) => (
            <>
              <h3>{dist.name}</h3>
              <ul class="m-list">
                {dist.deputies.map((dep) => (
                  <li>
                    <a href={`/m/deputy/${dep.id}`}>
                      {dep.name}
                      {dep.title ? <span class="pub-note"> · {dep.title}</span> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ))}
        </section>
      ))}
    </MobileLayout>
  )
}
