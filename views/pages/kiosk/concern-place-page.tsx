import type { PlaceWithDistrict } from '../../../db/queries/places.ts'
import { PLACE_KINDS } from '../../../db/schema.ts'
import { CsrfField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { placeKindLabel } from '../places/place-labels.ts'
import type { ConcernDraft } from './concern-form-page.tsx'
import { QueueStyles } from './queue-assets.tsx'

/** Place buttons on one page of the place step: two columns of six fit 1080×1920 in 大字 too. */
export const PLACES_PER_PAGE = 12

export const PlaceStepStyles = () => <link rel="stylesheet" href="/static/place-step.css" />

/** Places in the order the step shows them: by kind (社区, 村, 小区, 企业…), then by name. */
export function placeStepOrder(places: readonly PlaceWithDistrict[]): PlaceWithDistrict[] {
  const rank = (p: PlaceWithDistrict) => PLACE_KINDS.indexOf(p.kind)
  return [...places].sort(
    (a, b) => rank(a) - rank(b) || a.nameZhHans.localeCompare(b.nameZhHans, 'zh-Hans-CN') || a.id - b.id,
  )
}

/** The page of the step a place is on (1-based), so a resident changing their place starts there. */
export function placePageOf(places: readonly PlaceWithDistrict[], placeId: number | null): number {
  const i = placeId === null ? -1 : places.findIndex((p) => p.id === placeId)
  return i < 0 ? 1 : Math.floor(i / PLACES_PER_PAGE) + 1
}

/** The draft of the drop-in form carried through a step as hidden fields. */
export function DraftFields({ draft, place = true }: { draft: ConcernDraft; place?: boolean }) {
  return (
    <>
      <input type="hidden" name="station" value={String(draft.stationId)} />
      <input type="hidden" name="topic" value={String(draft.topicId)} />
      <input type="hidden" name="key" value={draft.key} />
      <input type="hidden" name="description" value={draft.description} />
      <input type="hidden" name="deputy" value={draft.deputy} />
      {draft.priority ? <input type="hidden" name="priority" value="on" /> : null}
      {draft.phrases.map((id) => (
        <input type="hidden" name="phrase[]" value={String(id)} />
      ))}
      {draft.inPerson ? <input type="hidden" name="inPerson" value="on" /> : null}
      {place && draft.place ? <input type="hidden" name="place" value={draft.place} /> : null}
    </>
  )
}

/**
 * The drop-in's place step, opened from the details page: "您住在哪里，或在哪里工作？" with the
 * places of the station's districts as big buttons grouped by kind, a page at a time, and 跳过 of
 * the same size. One tap on a place or on 跳过 returns to the details with the draft intact.
 */
export function ConcernPlacePage({
  stationName,
  topicName,
  draft,
  places,
  page,
}: {
  stationName: string
  topicName: string
  draft: ConcernDraft
  /** In placeStepOrder. */
  places: readonly PlaceWithDistrict[]
  page: number
}) {
  const { t, name } = useI18n()
  const pages = Math.max(1, Math.ceil(places.length / PLACES_PER_PAGE))
  const current = Math.min(Math.max(1, page), pages)
  const shown = places.slice((current - 1) * PLACES_PER_PAGE, current * PLACES_PER_PAGE)
  const kinds = PLACE_KINDS.filter((k) => shown.some((p) => p.kind === k))
  return (
    <KioskLayout title={t('placeStep.question')} stationName={stationName}>
      <QueueStyles />
      <PlaceStepStyles />
      <p class="q-step">{topicName}</p>
      <h1 id="place-question">{t('placeStep.question')}</h1>
      <p class="lead">{t('placeStep.lead')}</p>
      <form method="post" action="/kiosk/concern/details" id="place-form" novalidate>
        <CsrfField />
        <DraftFields draft={draft} place={false} />
        {kinds.map((kind) => (
          <section class="p-kind" aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{placeKindLabel(t, kind)}</h2>
            <ul class="p-places">
              {shown
                .filter((p) => p.kind === kind)
                .map((p) => (
                  <li>
                    <button
                      type="submit"
                      class={
                        draft.place === String(p.id)
                          ? 'kiosk-button p-place p-chosen'
                          : 'kiosk-button p-place'
                      }
                      name="place"
                      value={String(p.id)}
                      id={`place-${p.id}`}
                      aria-pressed={draft.place === String(p.id) ? 'true' : 'false'}
                    >
                      {name(p)}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
        {pages > 1 ? (
          <div class="p-pager">
            <button
              type="submit"
              class="kiosk-button"
              id="places-prev"
              formaction="/kiosk/concern/place"
              name="placePage"
              value={String(current - 1)}
              disabled={current === 1}
            >
              {t('placeStep.prev')}
            </button>
            <p id="places-page">{t('placeStep.page', { n: current, total: pages })}</p>
            <button
              type="submit"
              class="kiosk-button"
              id="places-next"
              formaction="/kiosk/concern/place"
              name="placePage"
              value={String(current + 1)}
              disabled={current === pages}
            >
              {t('placeStep.next')}
            </button>
          </div>
        ) : null}
        <div class="kiosk-action-bar p-skip-bar">
          <button type="submit" class="kiosk-button p-place p-skip" name="place" value="" id="place-skip">
            {t('placeStep.skip')}
          </button>
        </div>
      </form>
    </KioskLayout>
  )
}
