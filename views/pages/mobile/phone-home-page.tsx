import type { StationRow } from '../../../db/queries/stations.ts'
import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { PHONE_STYLES } from './phone-styles.ts'

/** /m/: the residents' start on their own phone (issue 16 item 3). */
export function PhoneHomePage({ stations }: { stations: readonly StationRow[] }) {
  const { t, name } = useI18n()
  return (
    <MobileLayout title={t('m.home.title')} share={{ description: t('m.home.intro') }} styles={PHONE_STYLES}>
      <p>{t('m.home.intro')}</p>
      <nav aria-label={t('m.home.title')}>
        <ul class="m-list" id="m-home-actions">
          <li>
            <a href="/m/find">{t('m.home.find')}</a>
          </li>
          <li>
            <a href="/m/raise">{t('m.home.raise')}</a>
          </li>
          <li>
            <a href="/m/book">{t('m.home.book')}</a>
          </li>
          <li>
            <a href="/m/suggestions" id="m-home-suggestions">
              {t('sgpub.homeLink')}
            </a>
          </li>
        </ul>
      </nav>
      <h2>{t('m.home.track')}</h2>
      <form method="get" action="/m/track" id="m-track-form">
        <div class="field">
          <label for="f-code">{t('m.home.trackCode')}</label>
          <input
            type="text"
            id="f-code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxlength={20}
            required
          />
        </div>
        <button type="submit">{t('m.home.trackGo')}</button>
      </form>
      {stations.length > 0 ? (
        <>
          <h2>{t('m.home.stations')}</h2>
          <ul class="m-list" id="m-stations">
            {stations.map((s) => (
              <li>
                <a href={`/m/station/${s.id}`}>{name(s)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </MobileLayout>
  )
}
