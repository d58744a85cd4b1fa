import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { PublicPagesStyles, PublicSection, type WhenLine, WhenList } from './public-parts.tsx'

export type PublicStationView = {
  id: number
  name: string
  address: string
  phone: string
  hours: string
  /** Today's duty slots: the slot's name and hours, and who holds it (null for a gap). */
  duty: { id: string; slot: string; time: string; person: string | null }[]
  receptions: WhenLine[]
  districts: { name: string; deputies: { id: number; name: string }[] }[]
  shareImage: string | undefined
}

/** /m/station/:id — a liaison station's public page. */
export function PublicStationPage({ s }: { s: PublicStationView }) {
  const { t } = useI18n()
  const unknown = t('pub.station.unknown')
  return (
    <MobileLayout
      title={s.name}
      share={{ description: t('pub.share.station', { station: s.name }), image: s.shareImage }}
    >
      <PublicPagesStyles />
      <dl class="pub-facts" id="station-facts">
        <div>
          <dt>{t('pub.station.address')}</dt>
          <dd id="station-address">{s.address || unknown}</dd>
        </div>
        <div>
          <dt>{t('pub.station.phone')}</dt>
          <dd id="station-phone">
            {s.phone ? <a href={`tel:${s.phone.replace(/[^\d+]/g, '')}`}>{s.phone}</a> : unknown}
          </dd>
        </div>
        <div>
          <dt>{t('pub.station.hours')}</dt>
          <dd id="station-hours">{s.hours || unknown}</dd>
        </div>
      </dl>
      <p class="pub-actions">
        <a class="m-button pub-primary" href="/m/find" id="station-find">
          {t('pub.action.find')}
        </a>
        <a class="m-button" href="/m/suggestions" id="station-suggestions">
          {t('sgpub.homeLink')}
        </a>
      </p>
      <PublicSection id="station-duty" title={t('pub.station.onDuty')}>
        {s.duty.length === 0 ? (
          <p id="station-duty-none">{t('pub.station.noDuty')}</p>
        ) : (
          <ul class="pub-when" id="station-duty-list">
            {s.duty.map((d) => (
              <li id={d.id}>
                <strong>{d.time}</strong> <span>{d.slot}</span>{' '}
                <span class="pub-person">{d.person ?? t('pub.station.dutyGap')}</span>
              </li>
            ))}
          </ul>
        )}
      </PublicSection>
      <PublicSection id="station-receptions" title={t('pub.station.receptions')}>
        <WhenList id="station-reception-list" lines={s.receptions} empty={t('pub.deputy.noReceptions')} />
      </PublicSection>
      <PublicSection id="station-deputies" title={t('pub.station.deputies')}>
        {s.districts.length === 0 ? <p>{t('pub.deputies.none')}</p> : null}
        {s.districts.map((g) => (
          <>
            <h3>{g.name}</h3>
            <ul class="m-list">
              {g.deputies.map((d) => (
                <li>
                  <a href={`/m/deputy/${d.id}`}>{d.name}</a>
                </li>
              ))}
            </ul>
          </>
        ))}
      </PublicSection>
    </MobileLayout>
  )
}
