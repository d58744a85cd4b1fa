import {
  BOOKING_CODE_LENGTH,
  type BookingStatus,
  formatBookingCode,
} from '../../../server/domain/booking-rules.ts'
import { CsrfField, ErrorSummary, type FieldErrors, TextField } from '../../components/form.tsx'
import { type MessageKey, useI18n } from '../../i18n/index.ts'
import { MobileLayout } from '../../layouts/mobile-layout.tsx'
import { BookingStatusLabel } from '../kiosk/booking-pages.tsx'
import { SlotSummary, type StationInfo } from './phone-booking-pages.tsx'

export type PhoneBookingView = {
  code: string
  status: BookingStatus
  deputyName: string
  station: StationInfo
  room: string
  date: string
  slotAt: Date
  slotEndsAt: Date
}

function CodeBlock({ code }: { code: string }) {
  const { t } = useI18n()
  return (
    <div class="m-code-box">
      <p class="m-code-label">{t('mbook.codeLabel')}</p>
      <p class="m-code" id="booking-code">
        {formatBookingCode(code)}
      </p>
    </div>
  )
}

/**
 * /m/booking/CODE: the booking with its code large, for check-in on the day at the station; just
 * booked (`fresh`) it says so, just cancelled it says that; Cancel while the rules allow it.
 */
export function PhoneBookingPage(p: {
  booking: PhoneBookingView
  fresh: boolean
  cancelled: boolean
  canCancel: boolean
  notice?: string | undefined
  checkInMinutes: number
}) {
  const { t } = useI18n()
  const b = p.booking
  const link = `/m/booking/${b.code}`
  return (
    <MobileLayout title={p.fresh ? t('mbook.bookedTitle') : t('mbook.bookingTitle')}>
      {p.notice ? (
        <p class="m-notice m-notice-error" role="alert" id="booking-notice">
          {p.notice}
        </p>
      ) : null}
      {p.cancelled ? (
        <p class="m-notice" role="status" id="booking-cancelled">
          {t('mbook.cancelledNotice')}
        </p>
      ) : null}
      <CodeBlock code={b.code} />
      {b.status === 'booked' ? (
        <p id="booking-show">{t('mbook.showCode', { minutes: p.checkInMinutes })}</p>
      ) : null}
      <dl class="m-summary" id="booking-status">
        <dt>{t('booking.field.status')}</dt>
        <dd>
          <BookingStatusLabel status={b.status} />
        </dd>
      </dl>
      <SlotSummary
        id="booking-summary"
        deputyName={b.deputyName}
        station={b.station}
        room={b.room}
        date={b.date}
        slotAt={b.slotAt}
        slotEndsAt={b.slotEndsAt}
      />
      {p.fresh ? (
        <p class="m-save" id="booking-save">
          {t('mbook.saveLink')} <a href={link}>{link}</a>
        </p>
      ) : null}
      {p.canCancel ? (
        <p>
          <a class="m-button m-secondary" id="booking-cancel" href={`${link}/cancel`}>
            {t('mbook.cancel')}
          </a>
        </p>
      ) : null}
      {b.status === 'cancelled' ? (
        <p>
          <a class="m-button" href="/m/book">
            {t('mbook.bookAgain')}
          </a>
        </p>
      ) : null}
    </MobileLayout>
  )
}

/** The confirmation step of a cancellation: changes nothing until "Yes, cancel it" is posted. */
export function PhoneCancelPage({ booking, formKey }: { booking: PhoneBookingView; formKey: string }) {
  const { t } = useI18n()
  const link = `/m/booking/${booking.code}`
  return (
    <MobileLayout title={t('booking.cancelConfirm.title')}>
      <p>{t('booking.cancelConfirm.body')}</p>
      <CodeBlock code={booking.code} />
      <SlotSummary
        id="booking-summary"
        deputyName={booking.deputyName}
        station={booking.station}
        room={booking.room}
        date={booking.date}
        slotAt={booking.slotAt}
        slotEndsAt={booking.slotEndsAt}
      />
      <form method="post" action={`${link}/cancel`} id="cancel-form">
        <CsrfField />
        <input type="hidden" name="key" value={formKey} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="m-danger" id="cancel-yes">
          {t('booking.cancelConfirm.yes')}
        </button>
      </form>
      <p>
        <a class="m-button m-secondary" href={link} id="cancel-no">
          {t('booking.cancelConfirm.no')}
        </a>
      </p>
    </MobileLayout>
  )
}

/** /m/book/find: the code typed on the phone leads to /m/booking/CODE. */
export function PhoneFindBookingPage({ code, errors = {} }: { code: string; errors?: FieldErrors }) {
  const { t } = useI18n()
  return (
    <MobileLayout title={t('mbook.findTitle')}>
      <p>{t('mbook.findLead')}</p>
      <form method="get" action="/m/book/find" id="find-form" novalidate>
        <ErrorSummary errors={errors} />
        <TextField
          name="code"
          label="booking.code.label"
          hint={t('booking.code.hint')}
          errors={errors}
          value={code}
          maxlength={BOOKING_CODE_LENGTH + 4}
          autocomplete="off"
          required
        />
        <button type="submit" class="m-primary" id="find-submit">
          {t('mbook.findSubmit')}
        </button>
      </form>
      <p>
        <a href="/m/book">{t('mbook.title')}</a>
      </p>
    </MobileLayout>
  )
}

/** A refusal on the phone pages (unknown code, too many tries, a time gone): title, text, a way on. */
export function PhoneBookMessagePage({
  title,
  body,
  next,
}: {
  title: MessageKey
  body: string
  next: { href: string; label: MessageKey }
}) {
  const { t } = useI18n()
  return (
    <MobileLayout title={t(title)}>
      <p class="m-notice" role="alert" id="booking-message">
        {body}
      </p>
      <p>
        <a class="m-button" href={next.href}>
          {t(next.label)}
        </a>
      </p>
    </MobileLayout>
  )
}
