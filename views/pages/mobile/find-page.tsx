import { PLACE_KINDS } from '../../../db/enums.ts'
import type { PublicDeputy, PublicDistrict } from '../../../db/queries/phone-concerns.ts'
import type { PlaceWithDistrict } from '../../../db/queries/places.ts'
import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { placeKindLabel } from '../places/place-labels.ts'
import { PHONE_STYLES } from './phone-styles.ts'

export type FoundPlace = { place: PlaceWithDistrict; district: PublicDistrict; deputies: PublicDeputy[] }

/**
 * /m/find: type two characters of a place (a plain GET form, server-rendered results) or pick it
 * from the list grouped by kind; a chosen place shows its district and that district's deputies.
 */
export function FindPage({
  query,
  results,
  all,
  chosen,
}: {
  query: string
  results: PlaceWithDistrict[] | null
  all: PlaceWithDistrict[]
  chosen: FoundPlace | null
}) {
  const { t, name } = useI18n()
  return (
    <MobileLayout title={t('m.find.title')} share={{ description: t('m.find.intro') }} styles={PHONE_STYLES}>
      {chosen ? <Chosen found={chosen} /> : null}
      {chosen ? null : <p>{t('m.find.intro')}</p>}
      <form method="get" action="/m/find" id="m-find-form">
        <div class="field">
          <label for="f-q">{t('m.find.query')}</label>
          <input type="search" id="f-q" name="q" value={query} maxlength={40} autocomplete="off" />
        </div>
        <button type="submit">{t('m.find.search')}</button>
      </form>
      {results ? (
        <section aria-labelledby="m-results-h">
          <h2 id="m-results-h">{t('m.find.results')}</h2>
          {results.length === 0 ? (
            <p id="m-find-none">{t('m.find.none')}</p>
          ) : (
            <ul class="m-list" id="m-find-results">
              {results.map((p) => (
                <li>
                  <a href={`/m/find?place=${p.id}`}>
                    {name(p)} <span class="m-aside">· {name(p.district)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {chosen || results ? null : (
        <section aria-labelledby="m-all-h">
          <h2 id="m-all-h">{t('m.find.allPlaces')}</h2>
          {PLACE_KINDS.map((kind) => {
            const ofKind = all.filter((p) => p.kind === kind)
            return ofKind.length === 0 ? null : (
              <details class="m-group">
                <summary>
                  {placeKindLabel(t, kind)} ({ofKind.length})
                </summary>
                <ul class="m-list">
                  {ofKind.map((p) => (
                    <li>
                      <a href={`/m/find?place=${p.id}`}>{name(p)}</a>
                    </li>
                  ))}
                </ul>
              </details>
            )
          })}
        </section>
      )}
    </MobileLayout>
  )
}

function Chosen({ found }: { found: FoundPlace }) {
  const { t, name } = useI18n()
  const { place, district, deputies } = found
  const q = (deputy: number | null) => `?${deputy ? `deputy=${deputy}&` : ''}place=${place.id}`
  return (
    <section aria-labelledby="m-deputies-h" id="m-chosen">
      <p class="m-lead" id="m-district">
        {t('m.find.district', { place: name(place), district: name(district) })}
      </p>
      <h2 id="m-deputies-h">{t('m.find.deputies')}</h2>
      {deputies.length === 0 ? (
        <p>{t('m.find.noDeputies')}</p>
      ) : (
        <ul class="m-cards" id="m-deputies">
          {deputies.map((d) => (
            <li class="m-card">
              <p class="m-card-name">{d.name}</p>
              {d.title ? <p class="m-aside">{d.title}</p> : null}
              <a class="m-button m-primary" href={`/m/raise${q(d.id)}`}>
                {t('m.find.raiseWith')}
              </a>
              <a class="m-button" href={`/m/book${q(d.id)}`}>
                {t('m.find.bookWith')}
              </a>
              <a href={`/m/deputy/${d.id}`}>{t('m.find.profile')}</a>
            </li>
          ))}
        </ul>
      )}
      {deputies.length > 1 ? (
        <a class="m-button" href={`/m/raise${q(null)}`}>
          {t('m.find.raiseAny')}
        </a>
      ) : null}
      <p>
        <a href="/m/find">{t('m.find.otherPlace')}</a>
      </p>
    </section>
  )
}
