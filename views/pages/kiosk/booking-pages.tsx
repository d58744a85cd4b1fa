import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import type { OpenSession } from '../../../db/queries/reception.ts'
import {
  BOOKING_CODE_LENGTH,
  type BookingStatus,
  type CodeRefusal,
  formatBookingCode,
} from '../../../server/domain/booking-rules.ts'
import { CsrfField, ErrorSummary, type FieldErrors } from '../../components/form.tsx'
import { CodeKeypadField, PhoneKeypadField } from '../../components/keypad-field.tsx'
import { KioskTextField } from '../../components/kiosk-text-field.tsx'
import { SurnamePicker } from '../../components/surname-picker.tsx'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { BookingStyles } from '../staff/reception-assets.tsx'
import { QueueKioskScript, QueueStyles } from './queue-assets.tsx'
import { KeepCodeNotice, SlipActions, SlipContact, type SlipStation } from './slip-parts.tsx'

/** Whom the resident is booking: one deputy, or any deputy of one district. */
export type Who = {
  /** The query value that names it: `d5` (deputy 5) or `g2` (district 2). */
  param: string
  kind: 'deputy' | 'district'
  name: string
  district?: { nameZhHans: string; nameZhHant: string; nameEn: string }
}

export type BookingDraft = {
  stationId: number
  who: string
  sessionId: number
  slotIndex: number
  key: string
  topic: string
  name: string
  phone: string
}

const STEPS = 4

/** A local date written out in the reader's language: 12月2日 星期三 / Wednesday 2 December. */
export function useLocalDate() {
  const { dateTime } = useI18n()
  return (date: string) =>
    dateTime(new Date(`${date}T12:00:00Z`), 'UTC', { month: 'long', day: 'numeric', weekday: 'long' })
}

/** Wall-clock time of an instant in the station's zone, 24-hour. */
export function useClock() {
  const { dateTime } = useI18n()
  return (d: Date, timeZone: string) =>
    dateTime(d, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

function Step({ n }: { n: number }) {
  const { t } = useI18n()
  return <p class="q-step">{t('booking.kiosk.step', { n, total: STEPS })}</p>
}

function WhoLine({ who }: { who: Who }) {
  const { t, name } = useI18n()
  return (
    <p class="lead b-who" id="booking-who">
      {who.kind === 'deputy'
        ? t('booking.kiosk.withDeputy', { name: who.name })
        : t('booking.kiosk.withDistrict', { district: who.district ? name(who.district) : '' })}
    </p>
  )
}

function Nav({ back, backLabel }: { back?: string; backLabel?: string }) {
  const { t } = useI18n()
  return (
    <p class="q-nav">
      {back ? (
        <a class="kiosk-button" href={back} id="booking-back">
          {backLabel ?? t('booking.kiosk.back')}
        </a>
      ) : null}
      <a class="kiosk-button" href="/kiosk" id="booking-home">
        {t('kiosk.home')}
      </a>
    </p>
  )
}

/** Booking step 1: one of this station's deputies, or any deputy of a district. */
export function BookingWhoPage({
  stationName,
  deputies,
  districts,
}: {
  stationName: string
  deputies: { id: number; name: string; nextDate: string }[]
  districts: { id: number; nameZhHans: string; nameZhHant: string; nameEn: string }[]
}) {
  const { t, name } = useI18n()
  const dateLabel = useLocalDate()
  return (
    <KioskLayout title={t('booking.kiosk.whoTitle')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <Step n={1} />
      <h1>{t('booking.kiosk.whoTitle')}</h1>
      {deputies.length === 0 ? (
        <p class="notice" id="booking-none">
          {t('booking.kiosk.noneBody')}
        </p>
      ) : (
        <>
          <p class="lead">{t('booking.kiosk.whoLead')}</p>
          <ul class="b-choices" id="booking-deputies">
            {deputies.map((d) => (
              <li>
                <a
                  class="kiosk-button b-choice"
                  id={`who-d${d.id}`}
                  href={`/kiosk/booking/days?who=d${d.id}`}
                >
                  <span class="big">{t('booking.kiosk.deputy', { name: d.name })}</span>
                  <span class="small">{t('booking.kiosk.nextDay', { date: dateLabel(d.nextDate) })}</span>
                </a>
              </li>
            ))}
          </ul>
          {districts.length > 0 ? (
            <>
              <h2 class="b-sub">{t('booking.kiosk.anyTitle')}</h2>
              <ul class="b-choices" id="booking-districts">
                {districts.map((g) => (
                  <li>
                    <a
                      class="kiosk-button b-choice"
                      id={`who-g${g.id}`}
                      href={`/kiosk/booking/days?who=g${g.id}`}
                    >
                      <span class="big">{t('booking.kiosk.anyDeputy', { district: name(g) })}</span>
                      <span class="small">{t('booking.kiosk.anyHint')}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk/booking/code" id="booking-have-code">
          {t('booking.kiosk.haveCode')}
        </a>
        <a class="kiosk-button" href="/kiosk" id="booking-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}

/** Booking step 2: a day with free slots. */
export function BookingDaysPage({
  stationName,
  who,
  days,
}: {
  stationName: string
  who: Who
  days: { date: string; free: number }[]
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  return (
    <KioskLayout title={t('booking.kiosk.daysTitle')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <Step n={2} />
      <h1>{t('booking.kiosk.daysTitle')}</h1>
      <WhoLine who={who} />
      <ul class="b-grid" id="booking-days">
        {days.map((d) => (
          <li>
            <a
              class="kiosk-button b-choice"
              id={`day-${d.date}`}
              href={`/kiosk/booking/slots?who=${who.param}&date=${d.date}`}
            >
              <span class="big">{dateLabel(d.date)}</span>
              <span class="small">{t('booking.kiosk.freeSlots', { n: d.free })}</span>
            </a>
          </li>
        ))}
      </ul>
      <Nav back="/kiosk/booking" />
    </KioskLayout>
  )
}

/** Booking step 3: a free slot of that day (with the deputy's name when any deputy will do). */
export function BookingSlotsPage({
  stationName,
  who,
  date,
  timeZone,
  sessions,
  notice,
}: {
  stationName: string
  who: Who
  date: string
  timeZone: string
  sessions: OpenSession[]
  notice?: string
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  return (
    <KioskLayout title={t('booking.kiosk.slotsTitle')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <Step n={3} />
      <h1>{t('booking.kiosk.slotsTitle')}</h1>
      <WhoLine who={who} />
      <p class="lead" id="booking-date">
        {dateLabel(date)}
      </p>
      {notice ? (
        <div class="notice notice-error q-notice" role="alert" id="booking-notice">
          {notice}
        </div>
      ) : null}
      {sessions.length === 0 ? (
        <p class="notice" id="booking-no-slots">
          {t('booking.kiosk.noSlotsLeft')}
        </p>
      ) : null}
      {sessions.map((s) => (
        <section class="b-session" aria-labelledby={`session-${s.id}`}>
          <h2 class="b-sub" id={`session-${s.id}`}>
            {s.place
              ? t('booking.kiosk.sessionAt', { name: s.deputyName, place: s.place })
              : t('booking.kiosk.deputy', { name: s.deputyName })}
          </h2>
          <ul class="b-grid">
            {s.slots.map((slot) => (
              <li>
                <a
                  class="kiosk-button b-choice b-slot"
                  id={`slot-${s.id}-${slot.index}`}
                  href={`/kiosk/booking/details?who=${who.param}&session=${s.id}&slot=${slot.index}`}
                >
                  <span class="big">
                    {clock(slot.startsAt, timeZone)}–{clock(slot.endsAt, timeZone)}
                  </span>
                  {s.capacityPerSlot > 1 ? (
                    <span class="small">{t('booking.kiosk.seatsLeft', { n: slot.free })}</span>
                  ) : null}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Nav back={`/kiosk/booking/days?who=${who.param}`} backLabel={t('booking.kiosk.otherDay')} />
    </KioskLayout>
  )
}

/** Booking step 4: what it is about, then name and phone (with why the phone is asked). */
export function BookingDetailsPage({
  stationName,
  draft,
  deputyName,
  date,
  startTime,
  endTime,
  place,
  topics,
  errors = {},
}: {
  stationName: string
  draft: BookingDraft
  deputyName: string
  date: string
  startTime: string
  endTime: string
  place: string
  topics: TopicRow[]
  errors?: FieldErrors
}) {
  const { t, name } = useI18n()
  const dateLabel = useLocalDate()
  const topicError = errors.topic
  const nameError = errors.name
  const phoneError = errors.phone
  return (
    <KioskLayout title={t('booking.kiosk.detailsTitle')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <Step n={4} />
      <h1>{t('booking.kiosk.detailsTitle')}</h1>
      <dl class="b-summary" id="booking-summary">
        <dt>{t('booking.field.deputy')}</dt>
        <dd>{deputyName}</dd>
        <dt>{t('booking.field.when')}</dt>
        <dd>
          {dateLabel(date)} {startTime}–{endTime}
        </dd>
        {place ? (
          <>
            <dt>{t('booking.field.place')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
      </dl>
      <form method="post" action="/kiosk/booking" id="booking-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name="station" value={String(draft.stationId)} />
        <input type="hidden" name="who" value={draft.who} />
        <input type="hidden" name="session" value={String(draft.sessionId)} />
        <input type="hidden" name="slot" value={String(draft.slotIndex)} />
        <input type="hidden" name="key" value={draft.key} />
        <fieldset
          class="q-choices b-topics"
          id="f-topic"
          aria-describedby={topicError ? 'e-topic' : undefined}
        >
          <legend>{t('booking.kiosk.topicLegend')}</legend>
          {topicError ? (
            <p class="error" id="e-topic">
              {topicError}
            </p>
          ) : null}
          <div class="b-topic-grid">
            {topics.map((tp) => (
              <div class="q-choice b-topic">
                <input
                  type="radio"
                  id={`topic-${tp.id}`}
                  name="topic"
                  value={String(tp.id)}
                  checked={draft.topic === String(tp.id)}
                />
                <label for={`topic-${tp.id}`}>{name(tp)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <p class="q-purpose" id="phone-purpose">
          {t('booking.kiosk.purpose')}
        </p>
        <SurnamePicker forName="name" value={draft.name} />
        <KioskTextField
          name="name"
          label={t('booking.field.name')}
          hint={t('booking.kiosk.nameHint')}
          error={nameError}
          value={draft.name}
          maxlength={20}
          describedBy="phone-purpose"
        />
        <PhoneKeypadField
          name="phone"
          label={t('booking.field.phone')}
          hint={t('booking.kiosk.phoneHint')}
          error={phoneError}
          value={draft.phone}
          describedBy="phone-purpose"
        />
        <div class="q-buttons kiosk-action-bar">
          <button type="submit" class="kiosk-button primary q-main" id="booking-submit">
            {t('booking.kiosk.submit')}
          </button>
        </div>
      </form>
      <Nav
        back={`/kiosk/booking/slots?who=${draft.who}&date=${date}`}
        backLabel={t('booking.kiosk.otherTime')}
      />
    </KioskLayout>
  )
}

type SlipProps = {
  stationName: string
  address: string
  code: string
  deputyName: string
  date: string
  slotAt: Date
  slotEndsAt: Date
  timeZone: string
  place: string
  topicName: string
  checkInMinutes: number
  station: SlipStation
  /** The kiosk has a receipt printer: the slip prints itself once. */
  printer: boolean
}

/** The booking on screen and, through kiosk/print.css, on a receipt: code and when; nothing personal. */
export function BookingSlipPage(p: SlipProps) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  const code = formatBookingCode(p.code)
  return (
    <KioskLayout title={t('booking.slip.title')} stationName={p.stationName}>
      <QueueStyles />
      <BookingStyles />
      <section class="slip q-slip" id="booking-slip" aria-labelledby="slip-heading">
        <p class="q-slip-station">{p.stationName}</p>
        <h1 id="slip-heading">{t('booking.slip.title')}</h1>
        <p class="b-code-label">{t('booking.slip.code')}</p>
        <p class="b-code" id="booking-code">
          {code}
        </p>
        {p.printer ? null : <KeepCodeNotice message="kiosk.slip.keepBookingCode" />}
        <dl class="b-summary b-slip-summary">
          <dt>{t('booking.field.deputy')}</dt>
          <dd id="slip-deputy">{p.deputyName}</dd>
          <dt>{t('booking.field.when')}</dt>
          <dd id="slip-when">
            {dateLabel(p.date)} {clock(p.slotAt, p.timeZone)}–{clock(p.slotEndsAt, p.timeZone)}
          </dd>
          <dt>{t('booking.field.place')}</dt>
          <dd>{p.place ? `${p.place} · ${p.address || p.stationName}` : p.address || p.stationName}</dd>
          <dt>{t('booking.field.topic')}</dt>
          <dd>{p.topicName}</dd>
        </dl>
        <p class="q-slip-help" id="slip-help">
          {t('booking.slip.checkInHelp', { minutes: p.checkInMinutes })}
        </p>
        <p class="q-slip-help">{t('booking.slip.cancelHelp')}</p>
        <SlipContact station={p.station} />
      </section>
      <SlipActions code={p.code} printer={p.printer} />
      <QueueKioskScript />
    </KioskLayout>
  )
}

/** The code desk: type the booking code to check in or cancel. */
export function BookingCodePage({
  stationName,
  code,
  errors = {},
}: {
  stationName: string
  code: string
  errors?: FieldErrors
}) {
  const { t } = useI18n()
  const error = errors.code
  return (
    <KioskLayout title={t('booking.code.title')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <h1>{t('booking.code.title')}</h1>
      <p class="lead">{t('booking.code.lead')}</p>
      <form method="post" action="/kiosk/booking/code" id="code-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <CodeKeypadField
          name="code"
          label={t('booking.code.label')}
          hint={t('booking.code.hint')}
          error={error}
          value={code}
          length={BOOKING_CODE_LENGTH}
        />
        <div class="q-buttons kiosk-action-bar">
          <button type="submit" class="kiosk-button primary q-main" id="code-submit">
            {t('booking.code.submit')}
          </button>
        </div>
      </form>
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk/booking/phone" id="code-lost">
          {t('booking.code.lost')}
        </a>
        <a class="kiosk-button" href="/kiosk" id="booking-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}

/** A booking found by its code: when and with whom, and check in or cancel as the time allows. */
export function BookingFoundPage(p: {
  stationName: string
  code: string
  formKey: string
  deputyName: string
  date: string
  slotAt: Date
  slotEndsAt: Date
  timeZone: string
  place: string
  status: BookingStatus
  canCheckIn: boolean
  checkInRefusal: CodeRefusal | null
  canCancel: boolean
  checkInMinutes: number
  notice?: string
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  const opensAt = new Date(p.slotAt.getTime() - p.checkInMinutes * 60_000)
  const hidden = (
    <>
      <CsrfField />
      <input type="hidden" name="code" value={p.code} />
      <input type="hidden" name="key" value={p.formKey} />
    </>
  )
  return (
    <KioskLayout title={t('booking.found.title')} stationName={p.stationName}>
      <QueueStyles />
      <BookingStyles />
      <h1>{t('booking.found.title')}</h1>
      {p.notice ? (
        <div class="notice notice-error q-notice" role="alert" id="booking-notice">
          {p.notice}
        </div>
      ) : null}
      <dl class="b-summary" id="booking-summary">
        <dt>{t('booking.slip.code')}</dt>
        <dd id="found-code">{formatBookingCode(p.code)}</dd>
        <dt>{t('booking.field.deputy')}</dt>
        <dd>{p.deputyName}</dd>
        <dt>{t('booking.field.when')}</dt>
        <dd>
          {dateLabel(p.date)} {clock(p.slotAt, p.timeZone)}–{clock(p.slotEndsAt, p.timeZone)}
        </dd>
        {p.place ? (
          <>
            <dt>{t('booking.field.place')}</dt>
            <dd>{p.place}</dd>
          </>
        ) : null}
        <dt>{t('booking.field.status')}</dt>
        <dd id="found-status">
          <BookingStatusLabel status={p.status} />
        </dd>
      </dl>
      {p.status === 'booked' && p.checkInRefusal === 'too_early' ? (
        <p class="notice q-notice" id="check-in-opens">
          {t('booking.found.opensAt', { date: dateLabel(p.date), time: clock(opensAt, p.timeZone) })}
        </p>
      ) : null}
      <div class="q-buttons kiosk-action-bar">
        {p.canCheckIn ? (
          <form method="post" action="/kiosk/booking/check-in" id="check-in-form">
            {hidden}
            <button type="submit" class="kiosk-button primary q-main" id="check-in">
              {t('booking.found.checkIn')}
            </button>
          </form>
        ) : null}
        {p.canCancel ? (
          <a class="kiosk-button b-danger" href={`/kiosk/booking/cancel?code=${p.code}`} id="cancel-booking">
            {t('booking.found.cancel')}
          </a>
        ) : null}
      </div>
      <Nav />
    </KioskLayout>
  )
}

/** After a resident cancelled with their code. */
export function BookingDonePage({ stationName, code }: { stationName: string; code: string }) {
  const { t } = useI18n()
  return (
    <KioskLayout title={t('booking.done.title')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <div class="notice q-message" role="status" id="booking-done">
        <h1>{t('booking.done.title')}</h1>
        <p>{t('booking.done.body', { code: formatBookingCode(code) })}</p>
      </div>
      <Nav />
    </KioskLayout>
  )
}

/** A booking's status in the reader's language. */
export function BookingStatusLabel({ status }: { status: BookingStatus }) {
  const { t } = useI18n()
  switch (status) {
    case 'booked':
      return <>{t('booking.status.booked')}</>
    case 'checked_in':
      return <>{t('booking.status.checkedIn')}</>
    case 'served':
      return <>{t('booking.status.served')}</>
    case 'no_show':
      return <>{t('booking.status.noShow')}</>
    case 'cancelled':
      return <>{t('booking.status.cancelled')}</>
  }
}
