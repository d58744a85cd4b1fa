import type { BookingStatus } from '../../../server/domain/booking-rules.ts'
import { CsrfField, ErrorSummary, type FieldErrors } from '../../components/form.tsx'
import { PhoneKeypadField } from '../../components/keypad-field.tsx'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { BookingStyles } from '../staff/reception-assets.tsx'
import { BookingStatusLabel, useClock, useLocalDate } from './booking-pages.tsx'
import { QueueStyles } from './queue-assets.tsx'

/** One booking as the kiosk may show it to whoever holds its code or phone: the name masked. */
export type ListedBooking = {
  code: string
  maskedName: string
  deputyName: string
  date: string
  slotAt: Date
  slotEndsAt: Date
  place: string
  status: BookingStatus
}

/** "I lost my code": the phone number given when booking, on the keypad. */
export function BookingPhonePage({
  stationName,
  phone,
  errors = {},
}: {
  stationName: string
  phone: string
  errors?: FieldErrors
}) {
  const { t } = useI18n()
  return (
    <KioskLayout title={t('booking.phone.title')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <h1>{t('booking.phone.title')}</h1>
      <p class="lead" id="phone-lead">
        {t('booking.phone.lead')}
      </p>
      <form method="post" action="/kiosk/booking/phone" id="phone-lookup-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <PhoneKeypadField
          name="phone"
          label={t('booking.phone.label')}
          hint={t('booking.kiosk.phoneHint')}
          error={errors.phone}
          value={phone}
          describedBy="phone-lead"
        />
        <div class="q-buttons kiosk-action-bar">
          <button type="submit" class="kiosk-button primary q-main" id="phone-lookup-submit">
            {t('booking.code.submit')}
          </button>
        </div>
      </form>
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk/booking/code" id="phone-have-code">
          {t('booking.kiosk.haveCode')}
        </a>
        <a class="kiosk-button" href="/kiosk" id="booking-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}

/**
 * The bookings of a phone number at this station, today and later: tapping one opens it as its
 * code would (check in or cancel there). Names are masked; nothing else personal is shown.
 */
export function BookingPhoneListPage({
  stationName,
  timeZone,
  bookings,
}: {
  stationName: string
  timeZone: string
  bookings: ListedBooking[]
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  return (
    <KioskLayout title={t('booking.phone.listTitle')} stationName={stationName}>
      <QueueStyles />
      <BookingStyles />
      <h1>{t('booking.phone.listTitle')}</h1>
      <p class="lead">{t('booking.phone.listLead')}</p>
      <ul class="b-choices" id="phone-bookings">
        {bookings.map((b) => (
          <li>
            <form method="post" action="/kiosk/booking/code">
              <CsrfField />
              <input type="hidden" name="code" value={b.code} />
              <button type="submit" class="kiosk-button b-choice" id={`phone-booking-${b.code}`}>
                <span class="big">
                  {dateLabel(b.date)} {clock(b.slotAt, timeZone)}–{clock(b.slotEndsAt, timeZone)}
                </span>
                <span class="small">
                  {b.place
                    ? t('booking.kiosk.sessionAt', { name: b.deputyName, place: b.place })
                    : t('booking.kiosk.deputy', { name: b.deputyName })}
                </span>
                <span class="small">
                  {t('booking.phone.bookedBy', { name: b.maskedName })} ·{' '}
                  <BookingStatusLabel status={b.status} />
                </span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk" id="booking-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}

/** The second screen before a cancellation: which booking, and 确认取消 / 不取消. */
export function BookingCancelConfirmPage(p: {
  stationName: string
  code: string
  formKey: string
  deputyName: string
  date: string
  slotAt: Date
  slotEndsAt: Date
  timeZone: string
  place: string
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  const clock = useClock()
  return (
    <KioskLayout title={t('booking.cancelConfirm.title')} stationName={p.stationName}>
      <QueueStyles />
      <BookingStyles />
      <h1 id="cancel-confirm-title">{t('booking.cancelConfirm.title')}</h1>
      <dl class="b-summary" id="booking-summary">
        <dt>{t('booking.field.when')}</dt>
        <dd id="confirm-when">
          {dateLabel(p.date)} {clock(p.slotAt, p.timeZone)}–{clock(p.slotEndsAt, p.timeZone)}
        </dd>
        <dt>{t('booking.field.deputy')}</dt>
        <dd>{p.deputyName}</dd>
        {p.place ? (
          <>
            <dt>{t('booking.field.place')}</dt>
            <dd>{p.place}</dd>
          </>
        ) : null}
      </dl>
      <p class="notice q-notice">{t('booking.cancelConfirm.body')}</p>
      <div class="q-buttons kiosk-action-bar">
        <form method="post" action="/kiosk/booking/cancel" id="cancel-confirm-form">
          <CsrfField />
          <input type="hidden" name="code" value={p.code} />
          <input type="hidden" name="key" value={p.formKey} />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" class="kiosk-button b-danger q-main" id="cancel-confirm">
            {t('booking.cancelConfirm.yes')}
          </button>
        </form>
        <form method="post" action="/kiosk/booking/code" id="cancel-keep-form">
          <CsrfField />
          <input type="hidden" name="code" value={p.code} />
          <button type="submit" class="kiosk-button" id="cancel-keep">
            {t('booking.cancelConfirm.no')}
          </button>
        </form>
      </div>
    </KioskLayout>
  )
}
