import { PLACE_KINDS } from '../../../db/enums.ts'
import type { PlaceWithDistrict } from '../../../db/queries/places.ts'
import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import type { OpenSession } from '../../../db/queries/reception.ts'
import { CheckboxField } from '../../components/checkbox-field.tsx'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { useClock, useLocalDate } from '../kiosk/booking-pages.tsx'
import { placeKindLabel } from '../places/place-labels.ts'

type Names = { nameZhHans: string; nameZhHant: string; nameEn: string }
export type StationInfo = Names & { id: number; address: string; timeZone: string }

/** Whom the resident is booking and from which place, as the query string carries it along. */
export type PhoneWho = {
  kind: 'deputy' | 'district'
  id: number
  /** The deputy's name, or '' for a district. */
  name: string
  district?: Names
  placeId: number | null
}

/** `deputy=1&place=3` or `district=2`: the query naming the choice, for every later step's link. */
export const whoQuery = (w: PhoneWho) => `${w.kind}=${w.id}${w.placeId === null ? '' : `&place=${w.placeId}`}`

const STEPS = 4

function Step({ n }: { n: number }) {
  const { t } = useI18n()
  return <p class="m-step">{t('mbook.step', { n, total: STEPS })}</p>
}

function WhoLine({ who }: { who: PhoneWho }) {
  const { t, name } = useI18n()
  return (
    <p class="m-who" id="booking-who">
      {who.kind === 'deputy'
        ? t('booking.kiosk.withDeputy', { name: who.name })
        : t('booking.kiosk.withDistrict', { district: who.district ? name(who.district) : '' })}
    </p>
  )
}

function Notice({ text }: { text?: string | undefined }) {
  return text ? (
    <p class="m-notice m-notice-error" role="alert" id="booking-notice">
      {text}
    </p>
  ) : null
}

export type WhoGroup = {
  district: Names & { id: number }
  deputies: { id: number; name: string; nextDate: string }[]
}

/** Step 1: a deputy, or any deputy of a district; the resident's own district first when known. */
export function PhoneBookWhoPage({
  groups,
  place,
  placeId,
}: {
  groups: WhoGroup[]
  place?: PlaceWithDistrict | undefined
  placeId: number | null
}) {
  const { t, name } = useI18n()
  const dateLabel = useLocalDate()
  const withPlace = placeId === null ? '' : `&place=${placeId}`
  return (
    <MobileLayout title={t('mbook.title')}>
      <Step n={1} />
      {place ? (
        <p class="m-who" id="booking-place">
          {t('mbook.yourPlace', { place: name(place), district: name(place.district) })}
        </p>
      ) : null}
      {groups.length === 0 ? (
        <>
          <p class="m-notice" id="booking-none">
            {t('mbook.none')}
          </p>
          <p>
            <a class="m-button" href="/m/raise">
              {t('mbook.raise')}
            </a>
          </p>
        </>
      ) : (
        <p>{t('mbook.lead')}</p>
      )}
      {groups.map((g) => (
        <section class="m-group" aria-labelledby={`district-${g.district.id}`}>
          <h2 id={`district-${g.district.id}`}>{name(g.district)}</h2>
          <ul class="m-list">
            <li>
              <a id={`who-g${g.district.id}`} href={`/m/book?district=${g.district.id}${withPlace}`}>
                {t('booking.kiosk.anyDeputy', { district: name(g.district) })}
              </a>
            </li>
            {g.deputies.map((d) => (
              <li>
                <a id={`who-d${d.id}`} href={`/m/book?deputy=${d.id}${withPlace}`}>
                  {t('booking.kiosk.deputy', { name: d.name })}
                  <span class="m-small">{t('booking.kiosk.nextDay', { date: dateLabel(d.nextDate) })}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <ul class="m-links">
        {place ? (
          <li>
            <a href="/m/book">{t('mbook.allDistricts')}</a>
          </li>
        ) : (
          <li>
            <a href="/m/find">{t('mbook.findByPlace')}</a>
          </li>
        )}
        <li>
          <a href="/m/book/find" id="booking-have-code">
            {t('mbook.haveCode')}
          </a>
        </li>
      </ul>
    </MobileLayout>
  )
}

/** Step 2: a day with free times. */
export function PhoneBookDaysPage({ who, days }: { who: PhoneWho; days: { date: string; free: number }[] }) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  return (
    <MobileLayout title={t('booking.kiosk.daysTitle')}>
      <Step n={2} />
      <WhoLine who={who} />
      {days.length === 0 ? (
        <p class="m-notice" id="booking-none">
          {t('mbook.none')}
        </p>
      ) : null}
      <ul class="m-list" id="booking-days">
        {days.map((d) => (
          <li>
            <a id={`day-${d.date}`} href={`/m/book/slots?${whoQuery(who)}&date=${d.date}`}>
              {dateLabel(d.date)}
              <span class="m-small">{t('booking.kiosk.freeSlots', { n: d.free })}</span>
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={who.placeId === null ? '/m/book' : `/m/book?place=${who.placeId}`}>{t('mbook.change')}</a>
      </p>
    </MobileLayout>
  )
}

/** Step 3: a free time of that day, under each session's deputy, station and room. */
export function PhoneBookSlotsPage({
  who,
  date,
  sessions,
  stations,
  notice,
}: {
  who: PhoneWho
  date: string
  sessions: OpenSession[]
  stations: Map<number, StationInfo>
  notice?: string | undefined
}) {
  const { t, name } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  return (
    <MobileLayout title={t('booking.kiosk.slotsTitle')}>
      <Step n={3} />
      <WhoLine who={who} />
      <p class="m-who" id="booking-date">
        {dateLabel(date)}
      </p>
      <Notice text={notice} />
      {sessions.length === 0 ? (
        <p class="m-notice" id="booking-no-slots">
          {t('booking.kiosk.noSlotsLeft')}
        </p>
      ) : null}
      {sessions.map((s) => {
        const station = stations.get(s.stationId)!
        return (
          <section class="m-group" aria-labelledby={`session-${s.id}`}>
            <h2 id={`session-${s.id}`}>
              {s.place
                ? t('booking.kiosk.sessionAt', { name: s.deputyName, place: s.place })
                : t('booking.kiosk.deputy', { name: s.deputyName })}
            </h2>
            <p class="m-small">
              {station.address
                ? t('mbook.stationLine', { station: name(station), address: station.address })
                : name(station)}
            </p>
            <ul class="m-slots">
              {s.slots.map((slot) => (
                <li>
                  <a
                    class="m-slot"
                    id={`slot-${s.id}-${slot.index}`}
                    href={`/m/book/details?${whoQuery(who)}&session=${s.id}&slot=${slot.index}`}
                  >
                    {clock(slot.startsAt, station.timeZone)}–{clock(slot.endsAt, station.timeZone)}
                    {s.capacityPerSlot > 1 ? (
                      <span class="m-small">{t('booking.kiosk.seatsLeft', { n: slot.free })}</span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      <p>
        <a href={`/m/book?${whoQuery(who)}`}>{t('booking.kiosk.otherDay')}</a>
      </p>
    </MobileLayout>
  )
}

export type PhoneDraft = {
  session: string
  slot: string
  key: string
  topic: string
  place: string
  name: string
  phone: string
  sms: boolean
}

/** The deputy, day, time and where of a chosen slot, as the details and booking pages list them. */
export function SlotSummary(p: {
  id: string
  deputyName: string
  station: StationInfo
  room: string
  date: string
  slotAt: Date
  slotEndsAt: Date
}) {
  const { t, name } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  return (
    <dl class="m-summary" id={p.id}>
      <dt>{t('booking.field.deputy')}</dt>
      <dd>{p.deputyName}</dd>
      <dt>{t('mbook.day')}</dt>
      <dd>{dateLabel(p.date)}</dd>
      <dt>{t('mbook.time')}</dt>
      <dd>
        {clock(p.slotAt, p.station.timeZone)}–{clock(p.slotEndsAt, p.station.timeZone)}
      </dd>
      <dt>{t('mbook.station')}</dt>
      <dd>{name(p.station)}</dd>
      {p.station.address ? (
        <>
          <dt>{t('mbook.address')}</dt>
          <dd>{p.station.address}</dd>
        </>
      ) : null}
      {p.room ? (
        <>
          <dt>{t('mbook.room')}</dt>
          <dd>{p.room}</dd>
        </>
      ) : null}
    </dl>
  )
}

/** Step 4: topic, place, name, phone (its purpose first), SMS consent, confirm. */
export function PhoneBookDetailsPage(p: {
  who: PhoneWho
  draft: PhoneDraft
  deputyName: string
  station: StationInfo
  room: string
  date: string
  slotAt: Date
  slotEndsAt: Date
  topics: TopicRow[]
  places: PlaceWithDistrict[]
  errors?: FieldErrors
}) {
  const { t, name } = useI18n()
  const errors = p.errors ?? {}
  const byKind = PLACE_KINDS.map((k) => ({ kind: k, list: p.places.filter((pl) => pl.kind === k) })).filter(
    (g) => g.list.length > 0,
  )
  return (
    <MobileLayout title={t('booking.kiosk.detailsTitle')}>
      <Step n={4} />
      <SlotSummary
        id="booking-summary"
        deputyName={p.deputyName}
        station={p.station}
        room={p.room}
        date={p.date}
        slotAt={p.slotAt}
        slotEndsAt={p.slotEndsAt}
      />
      <form method="post" action="/m/book" id="booking-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name={p.who.kind} value={String(p.who.id)} />
        <input type="hidden" name="session" value={p.draft.session} />
        <input type="hidden" name="slot" value={p.draft.slot} />
        <input type="hidden" name="key" value={p.draft.key} />
        <fieldset class="m-choices" id="f-topic" aria-describedby={errors.topic ? 'e-topic' : undefined}>
          <legend>{t('booking.kiosk.topicLegend')}</legend>
          {errors.topic ? (
            <p class="error" id="e-topic">
              {errors.topic}
            </p>
          ) : null}
          {p.topics.map((tp) => (
            <div class="m-choice">
              <input
                type="radio"
                id={`topic-${tp.id}`}
                name="topic"
                value={String(tp.id)}
                checked={p.draft.topic === String(tp.id)}
              />
              <label for={`topic-${tp.id}`}>{name(tp)}</label>
            </div>
          ))}
        </fieldset>
        {byKind.length > 0 ? (
          <div class={errors.place ? 'field has-error' : 'field'}>
            <label for="f-place">
              {t('mbook.placeLabel')}
              <span class="optional"> ({t('form.optional')})</span>
            </label>
            <p class="hint" id="h-place">
              {t('mbook.placeHint')}
            </p>
            {errors.place ? (
              <p class="error" id="e-place">
                {errors.place}
              </p>
            ) : null}
            <select
              id="f-place"
              name="place"
              aria-describedby={errors.place ? 'e-place h-place' : 'h-place'}
              aria-invalid={errors.place ? 'true' : undefined}
            >
              <option value="">{t('mbook.placeNone')}</option>
              {byKind.map((g) => (
                <optgroup label={placeKindLabel(t, g.kind)}>
                  {g.list.map((pl) => (
                    <option value={String(pl.id)} selected={p.draft.place === String(pl.id)}>
                      {name(pl)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        ) : null}
        <p class="m-purpose" id="phone-purpose">
          {t('mbook.purpose')}
        </p>
        <TextField
          name="name"
          label="booking.field.name"
          hint={t('mbook.nameHint')}
          errors={errors}
          value={p.draft.name}
          maxlength={20}
          autocomplete="name"
          required
        />
        <TextField
          name="phone"
          label="booking.field.phone"
          hint={t('mbook.phoneHint')}
          errors={errors}
          value={p.draft.phone}
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          maxlength={40}
          required
        />
        <CheckboxField name="sms" label="mbook.smsLabel" checked={p.draft.sms} hint={t('mbook.smsHint')} />
        <button type="submit" class="m-primary" id="booking-submit">
          {t('mbook.submit')}
        </button>
      </form>
      <p>
        <a href={`/m/book/slots?${whoQuery(p.who)}&date=${p.date}`}>{t('booking.kiosk.otherTime')}</a>
      </p>
    </MobileLayout>
  )
}
