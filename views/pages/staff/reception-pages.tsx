import type { Child } from 'hono/jsx'
import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import type { PlanWithDeputy, SessionWithDeputy } from '../../../db/queries/reception.ts'
import type { StationRow } from '../../../db/queries/stations.ts'
import type { BookingChannel } from '../../../db/schema.ts'
import type { BookingSettings, BookingStatus } from '../../../server/domain/booking-rules.ts'
import type { Slot } from '../../../server/domain/reception-sessions.ts'
import { CheckboxField } from '../../components/checkbox-field.tsx'
import { CsrfField, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { type PlaceOptions, PlaceSelectField } from '../../components/place-select.tsx'
import { type I18n, useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { BookingStatusLabel, useLocalDate } from '../kiosk/booking-pages.tsx'
import { BookingStyles } from './reception-assets.tsx'

export type StationInfo = { id: number; name: string; timeZone: string }

export type SeatBooking = {
  id: number
  code: string
  status: BookingStatus
  channel: BookingChannel
  topic: { nameZhHans: string; nameZhHant: string; nameEn: string }
  /** Already masked when the viewer may not see it in full (DESIGN §4.8). */
  name: string
  phone: string
  cancellable: boolean
}

export type SessionDay = {
  session: SessionWithDeputy
  station: StationRow
  slots: { slot: Slot; seats: ({ booking: SeatBooking } | { booking: null; bookable: boolean })[] }[]
  cancelled: { id: number; code: string; slotAt: Date; by: string | null; name: string; phone: string }[]
  canChange: boolean
}

export type BookValues = {
  session: string
  slot: string
  topic?: string
  name?: string
  phone?: string
  place?: string
}

export type PlanFormValues = {
  deputy?: string
  pattern?: string
  weekdays?: string[]
  nthOfMonth?: string
  dayOfMonth?: string
  months?: string[]
  startTime?: string
  endTime?: string
  slotMinutes?: string
  capacityPerSlot?: string
  place?: string
  validFrom?: string
  validUntil?: string
}

type Tab = 'day' | 'callbacks' | 'plans'

/** Frame of a station's reception pages: the staff layout, the station and the section's tabs. */
function ReceptionShell({
  station,
  tab,
  title,
  children,
}: {
  station: StationInfo
  tab: Tab
  title: string
  children: Child
}) {
  const { t } = useI18n()
  const base = `/staff/stations/${station.id}/reception`
  const tabs: [Tab, string, string][] = [
    ['day', base, t('booking.nav.day')],
    ['callbacks', `${base}/callbacks`, t('booking.nav.callbacks')],
    ['plans', `${base}/plans`, t('booking.nav.plans')],
  ]
  return (
    <StaffLayout title={title}>
      <BookingStyles />
      <p class="r-station">{station.name}</p>
      <nav class="r-nav" aria-label={t('booking.nav.label')} id="reception-nav">
        <ul>
          {tabs.map(([key, href, label]) => (
            <li>
              <a href={href} aria-current={key === tab ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
          <li>
            <a href={`/staff/stations/${station.id}/today`}>{t('booking.nav.queue')}</a>
          </li>
        </ul>
      </nav>
      {children}
    </StaffLayout>
  )
}

const hm = (i18n: I18n, d: Date, timeZone: string) =>
  i18n.dateTime(d, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

function Notice({ text }: { text?: string }) {
  return text ? (
    <p class="notice notice-ok" role="status" id="reception-notice">
      {text}
    </p>
  ) : null
}

/** The clerks' day view: each session of the day with its slots' seats, and what can be done. */
export function ReceptionDayPage({
  station,
  date,
  today,
  prev,
  next,
  days,
  notice,
  errors = {},
  moveValues,
}: {
  station: StationInfo
  date: string
  today: string
  prev: string
  next: string
  days: SessionDay[]
  notice?: string
  errors?: FieldErrors
  moveValues?: Record<string, string>
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  const base = `/staff/stations/${station.id}/reception`
  return (
    <ReceptionShell station={station} tab="day" title={t('booking.day.title', { date: dateLabel(date) })}>
      <Notice text={notice} />
      <ErrorSummary errors={errors} />
      <DayPager base={base} prev={prev} next={next} today={today} date={date} />
      {days.length === 0 ? (
        <p id="reception-empty">
          {t('booking.day.none')} <a href={`${base}/plans`}>{t('booking.day.toPlans')}</a>
        </p>
      ) : null}
      {days.map((d) => (
        <SessionBlock day={d} base={base} moveValues={moveValues} errors={errors} />
      ))}
    </ReceptionShell>
  )
}

function DayPager({
  base,
  prev,
  next,
  today,
  date,
}: {
  base: string
  prev: string
  next: string
  today: string
  date: string
}) {
  const { t } = useI18n()
  return (
    <div class="r-pager">
      <a class="row-action" href={`${base}?date=${prev}`} id="day-prev">
        {t('booking.day.prev')}
      </a>
      {date !== today ? (
        <a class="row-action" href={`${base}?date=${today}`} id="day-today">
          {t('booking.day.today')}
        </a>
      ) : null}
      <a class="row-action" href={`${base}?date=${next}`} id="day-next">
        {t('booking.day.next')}
      </a>
      <form method="get" action={base} class="r-goto">
        <label for="f-goto">{t('booking.day.goto')}</label>
        <input type="date" id="f-goto" name="date" value={date} />
        <button type="submit">{t('booking.day.go')}</button>
      </form>
    </div>
  )
}

function SessionHeading({ day }: { day: SessionDay }) {
  const { t, name } = useI18n()
  const dateLabel = useLocalDate()
  const s = day.session
  return (
    <h2 id={`session-${s.id}`}>
      {t('booking.day.session', { name: s.deputyName, start: s.startTime, end: s.endTime })}
      {s.place ? ` · ${s.place}` : ''}
      <span class="r-station-tag"> · {name(day.station)}</span>
      {s.status === 'cancelled' ? (
        <span class="tag r-tag-cancelled"> {t('booking.session.cancelled')}</span>
      ) : null}
      {s.movedAt ? (
        <span class="tag">
          {' '}
          {t('booking.session.movedFrom', {
            date: s.movedFromDate ? dateLabel(s.movedFromDate) : '',
            time: s.movedFromStartTime ?? '',
          })}
        </span>
      ) : null}
    </h2>
  )
}

function SessionBlock({
  day,
  base,
  moveValues,
  errors,
}: {
  day: SessionDay
  base?: string
  moveValues?: Record<string, string>
  errors?: FieldErrors
}) {
  const i18n = useI18n()
  const { t, name } = i18n
  const s = day.session
  const seats = day.slots.flatMap((x) => x.seats)
  const booked = seats.filter((x) => x.booking?.status === 'booked').length
  const checkedIn = seats.filter((x) => x.booking && x.booking.status !== 'booked').length
  const free = seats.filter((x) => !x.booking).length
  const mine = moveValues?.session === String(s.id)
  return (
    <section class="r-session" aria-labelledby={`session-${s.id}`} id={`session-block-${s.id}`}>
      <SessionHeading day={day} />
      <p class="r-counts" id={`counts-${s.id}`}>
        {t('booking.day.counts', { booked, checkedIn, free })}
      </p>
      <table class="r-slots">
        <caption class="visually-hidden">
          {t('booking.day.caption', { name: s.deputyName, start: s.startTime, end: s.endTime })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('booking.field.slot')}</th>
            <th scope="col">{t('booking.field.status')}</th>
            <th scope="col">{t('booking.field.name')}</th>
            <th scope="col">{t('booking.field.phone')}</th>
            <th scope="col">{t('booking.field.topic')}</th>
            <th scope="col">{t('booking.slip.code')}</th>
            {base ? <th scope="col">{t('booking.field.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {day.slots.flatMap(({ slot, seats }) =>
            seats.map((seat, i) => (
              <tr class={seat.booking ? `r-${seat.booking.status}` : 'r-free'}>
                <td>
                  {i === 0
                    ? `${hm(i18n, slot.startsAt, day.station.timeZone)}–${hm(i18n, slot.endsAt, day.station.timeZone)}`
                    : ''}
                </td>
                {seat.booking ? (
                  <>
                    <td>
                      <BookingStatusLabel status={seat.booking.status} />
                    </td>
                    <td>{seat.booking.name}</td>
                    <td>{seat.booking.phone}</td>
                    <td>{name(seat.booking.topic)}</td>
                    <td class="r-code">{seat.booking.code}</td>
                    {base ? (
                      <td>
                        {seat.booking.cancellable ? (
                          <form
                            method="post"
                            action={`${base}/bookings/${seat.booking.id}/cancel`}
                            class="inline-form"
                          >
                            <CsrfField />
                            <button
                              type="submit"
                              class="link-button danger-link row-action"
                              id={`cancel-booking-${seat.booking.id}`}
                            >
                              {t('booking.clerk.cancelBooking')}
                            </button>
                          </form>
                        ) : null}
                      </td>
                    ) : null}
                  </>
                ) : (
                  <>
                    <td>{t('booking.status.free')}</td>
                    <td></td>
                    <td></td>
                    <td></td>
                    <td></td>
                    {base ? (
                      <td>
                        {seat.bookable ? (
                          <a
                            class="row-action"
                            href={`${base}/book?session=${s.id}&slot=${slot.index}`}
                            id={`book-${s.id}-${slot.index}-${i}`}
                          >
                            {t('booking.clerk.bookFor')}
                          </a>
                        ) : null}
                      </td>
                    ) : null}
                  </>
                )}
              </tr>
            )),
          )}
        </tbody>
      </table>
      {day.cancelled.length > 0 ? (
        <details class="r-cancelled">
          <summary>{t('booking.day.cancelledBookings', { n: day.cancelled.length })}</summary>
          <ul>
            {day.cancelled.map((b) => (
              <li>
                {hm(i18n, b.slotAt, day.station.timeZone)} · {b.code} · {b.name} · {b.phone}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {base && day.canChange ? (
        <div class="r-session-actions">
          <form method="post" action={`${base}/sessions/${s.id}/move`} class="r-move" id={`move-${s.id}`}>
            <CsrfField />
            <fieldset>
              <legend>{t('booking.clerk.moveLegend')}</legend>
              {mine && errors?.date ? (
                <p class="error" id={`e-move-${s.id}`}>
                  {errors.date}
                </p>
              ) : null}
              <label for={`move-date-${s.id}`}>{t('booking.clerk.moveDate')}</label>
              <input
                type="date"
                id={`move-date-${s.id}`}
                name="date"
                value={mine ? moveValues?.date : s.date}
                aria-describedby={mine && errors?.date ? `e-move-${s.id}` : undefined}
              />
              <label for={`move-time-${s.id}`}>{t('booking.clerk.moveTime')}</label>
              <input
                type="time"
                id={`move-time-${s.id}`}
                name="startTime"
                value={mine ? moveValues?.startTime : s.startTime}
              />
              <button type="submit" id={`move-submit-${s.id}`}>
                {t('booking.clerk.move')}
              </button>
            </fieldset>
          </form>
          <form
            method="post"
            action={`${base}/sessions/${s.id}/cancel`}
            class="r-cancel"
            id={`cancel-form-${s.id}`}
          >
            <CsrfField />
            <label class="check" for={`confirm-${s.id}`}>
              <input type="checkbox" id={`confirm-${s.id}`} name="confirm" value="on" />
              <span>{t('booking.clerk.confirmCancel', { n: booked })}</span>
            </label>
            <button type="submit" class="danger" id={`cancel-session-${s.id}`}>
              {t('booking.clerk.cancelSession')}
            </button>
          </form>
          <p class="hint">{t('booking.clerk.changeHint')}</p>
        </div>
      ) : null}
    </section>
  )
}

/** Booking for someone who phoned or came to the desk: the same rules as at the kiosk. */
export function ClerkBookPage({
  station,
  session,
  deputyName,
  slot,
  topics,
  places,
  values,
  errors = {},
}: {
  station: StationInfo
  session: SessionWithDeputy | { id: number; date: string; place: string }
  deputyName: string
  slot: Slot
  topics: TopicRow[]
  places: PlaceOptions
  values: BookValues
  errors?: FieldErrors
}) {
  const i18n = useI18n()
  const { t, name } = i18n
  const dateLabel = useLocalDate()
  const base = `/staff/stations/${station.id}/reception`
  return (
    <ReceptionShell station={station} tab="day" title={t('booking.clerk.bookTitle')}>
      <p>
        <a href={`${base}?date=${session.date}`}>{t('booking.clerk.backToDay')}</a>
      </p>
      <dl class="r-summary" id="book-summary">
        <dt>{t('booking.field.deputy')}</dt>
        <dd>{deputyName}</dd>
        <dt>{t('booking.field.when')}</dt>
        <dd>
          {dateLabel(session.date)} {hm(i18n, slot.startsAt, station.timeZone)}–
          {hm(i18n, slot.endsAt, station.timeZone)}
        </dd>
        {session.place ? (
          <>
            <dt>{t('booking.field.place')}</dt>
            <dd>{session.place}</dd>
          </>
        ) : null}
      </dl>
      <form method="post" action={`${base}/book`} id="clerk-book-form" novalidate>
        <ErrorSummary errors={errors} />
        <CsrfField />
        <input type="hidden" name="session" value={String(session.id)} />
        <input type="hidden" name="slot" value={String(slot.index)} />
        <SelectField
          name="topic"
          label="booking.field.topic"
          required
          value={values.topic}
          placeholder={t('booking.clerk.choose')}
          options={topics.map((tp) => ({ value: tp.id, label: name(tp) }))}
          errors={errors}
        />
        <p class="hint" id="clerk-purpose">
          {t('booking.clerk.purpose')}
        </p>
        <TextField
          name="name"
          label="booking.field.name"
          required
          value={values.name}
          maxlength={20}
          autocomplete="off"
          errors={errors}
        />
        <TextField
          name="phone"
          label="booking.field.phone"
          required
          type="tel"
          inputmode="tel"
          value={values.phone}
          maxlength={20}
          autocomplete="off"
          errors={errors}
        />
        <PlaceSelectField places={places} value={values.place} errors={errors} />
        <button type="submit" id="clerk-book-submit">
          {t('booking.clerk.bookSubmit')}
        </button>
      </form>
    </ReceptionShell>
  )
}

/** Residents to ring back: their session was cancelled or moved. */
export function CallbacksPage({
  station,
  rows,
  notice,
}: {
  station: StationInfo
  rows: {
    id: number
    code: string
    deputyName: string
    name: string
    phone: string
    reason: 'session_cancelled' | 'session_moved' | 'slot_removed'
    status: BookingStatus
    slotAt: Date
    requestedAt: Date
  }[]
  notice?: string
}) {
  const i18n = useI18n()
  const { t } = i18n
  const base = `/staff/stations/${station.id}/reception`
  return (
    <ReceptionShell station={station} tab="callbacks" title={t('booking.callbacks.title')}>
      <Notice text={notice} />
      <p>{t('booking.callbacks.lead')}</p>
      {rows.length === 0 ? (
        <p id="callbacks-empty">{t('booking.callbacks.none')}</p>
      ) : (
        <table id="callbacks">
          <thead>
            <tr>
              <th scope="col">{t('booking.field.name')}</th>
              <th scope="col">{t('booking.field.phone')}</th>
              <th scope="col">{t('booking.field.deputy')}</th>
              <th scope="col">{t('booking.callbacks.when')}</th>
              <th scope="col">{t('booking.callbacks.reason')}</th>
              <th scope="col">{t('booking.slip.code')}</th>
              <th scope="col">{t('booking.field.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr id={`callback-${r.id}`}>
                <td>{r.name}</td>
                <td>{r.phone}</td>
                <td>{r.deputyName}</td>
                <td>
                  {i18n.dateTime(r.slotAt, station.timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
                </td>
                <td>
                  {r.reason === 'session_moved'
                    ? t('booking.callbacks.moved')
                    : r.reason === 'slot_removed'
                      ? t('booking.callbacks.slotRemoved')
                      : t('booking.callbacks.cancelled')}
                </td>
                <td class="r-code">{r.code}</td>
                <td>
                  <form method="post" action={`${base}/callbacks/${r.id}/done`} class="inline-form">
                    <CsrfField />
                    <button type="submit" id={`called-${r.id}`}>
                      {t('booking.callbacks.done')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ReceptionShell>
  )
}

type DeputyOption = { id: number; name: string; ownDistrict: boolean }

/** "每周三" / "每月第 2 个周四" / "每月 15 日（1、3、5 月）", in the reader's language. */
export function usePlanSummary() {
  const { t, dateTime, locale } = useI18n()
  const sep = locale === 'en' ? ', ' : '、'
  const weekday = (d: number) =>
    dateTime(new Date(Date.UTC(2026, 10, 22 + d, 12)), 'UTC', { weekday: 'long' })
  return (p: Pick<PlanWithDeputy, 'pattern' | 'weekdays' | 'nthOfMonth' | 'dayOfMonth' | 'months'>) => {
    const days = p.weekdays === '' ? '' : p.weekdays.split(',').map(Number).map(weekday).join(sep)
    const months = p.months === '' ? '' : p.months.split(',').join(sep)
    const monthPart = months ? t('booking.plan.inMonths', { months }) : ''
    if (p.pattern === 'weekly')
      return p.weekdays.split(',').length === 7 ? t('booking.plan.daily') : t('booking.plan.weekly', { days })
    if (p.pattern === 'nth_weekday')
      return (
        (p.nthOfMonth === -1
          ? t('booking.plan.lastWeekday', { days })
          : t('booking.plan.nthWeekday', { n: p.nthOfMonth ?? 0, days })) + monthPart
      )
    return t('booking.plan.monthDay', { day: p.dayOfMonth ?? 0 }) + monthPart
  }
}

/** The station's reception plans, a form for a new one, and the booking rules. */
export function PlansPage({
  station,
  plans,
  deputies,
  values,
  errors = {},
  settings,
  settingsErrors = {},
  notice,
}: {
  station: StationInfo
  plans: PlanWithDeputy[]
  deputies: DeputyOption[]
  values: PlanFormValues
  errors?: FieldErrors
  settings: BookingSettings
  settingsErrors?: FieldErrors
  notice?: string
}) {
  const { t } = useI18n()
  const summary = usePlanSummary()
  const base = `/staff/stations/${station.id}/reception`
  return (
    <ReceptionShell station={station} tab="plans" title={t('booking.plans.title')}>
      <Notice text={notice} />
      {plans.length === 0 ? (
        <p id="plans-empty">{t('booking.plans.none')}</p>
      ) : (
        <table id="plans">
          <thead>
            <tr>
              <th scope="col">{t('booking.field.deputy')}</th>
              <th scope="col">{t('booking.plans.rule')}</th>
              <th scope="col">{t('booking.plans.hours')}</th>
              <th scope="col">{t('booking.plans.slots')}</th>
              <th scope="col">{t('booking.field.place')}</th>
              <th scope="col">{t('booking.plans.valid')}</th>
              <th scope="col">{t('booking.field.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr id={`plan-${p.id}`} class={p.endedAt ? 'r-ended' : undefined}>
                <td>{p.deputyName}</td>
                <td>{summary(p)}</td>
                <td>
                  {p.startTime}–{p.endTime}
                </td>
                <td>{t('booking.plans.slotShape', { minutes: p.slotMinutes, n: p.capacityPerSlot })}</td>
                <td>{p.place}</td>
                <td>
                  {p.endedAt
                    ? t('booking.plans.ended')
                    : p.validUntil
                      ? t('booking.plans.validRange', { from: p.validFrom, to: p.validUntil })
                      : t('booking.plans.validFrom', { from: p.validFrom })}
                </td>
                <td>
                  <a class="row-action" href={`${base}/plans/${p.id}`} id={`edit-plan-${p.id}`}>
                    {t('booking.plans.edit')}
                  </a>
                  {p.endedAt ? null : (
                    <form method="post" action={`${base}/plans/${p.id}/end`} class="inline-form">
                      <CsrfField />
                      <button
                        type="submit"
                        class="link-button danger-link row-action"
                        id={`end-plan-${p.id}`}
                      >
                        {t('booking.plans.endPlan')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="new-plan">{t('booking.plans.new')}</h2>
      <PlanForm
        action={`${base}/plans`}
        deputies={deputies}
        values={values}
        errors={errors}
        submitId="plan-submit"
      />
      <h2 id="settings">{t('booking.settings.title')}</h2>
      <form method="post" action={`${base}/settings`} id="settings-form" novalidate>
        <ErrorSummary errors={settingsErrors} />
        <CsrfField />
        <TextField
          name="minNoticeMinutes"
          label="booking.settings.minNotice"
          required
          type="number"
          inputmode="numeric"
          value={settings.minNoticeMinutes}
          hint={t('booking.settings.minNoticeHint')}
          errors={settingsErrors}
        />
        <TextField
          name="horizonDays"
          label="booking.settings.horizon"
          required
          type="number"
          inputmode="numeric"
          value={settings.horizonDays}
          hint={t('booking.settings.horizonHint')}
          errors={settingsErrors}
        />
        <CheckboxField
          name="onePerPhonePerDeputy"
          label="booking.settings.onePerPhone"
          checked={settings.onePerPhonePerDeputy}
          errors={settingsErrors}
        />
        <button type="submit" id="settings-submit">
          {t('booking.settings.save')}
        </button>
      </form>
    </ReceptionShell>
  )
}

export function PlanEditPage({
  station,
  planId,
  ended,
  deputies,
  values,
  errors = {},
}: {
  station: StationInfo
  planId: number
  ended: boolean
  deputies: DeputyOption[]
  values: PlanFormValues
  errors?: FieldErrors
}) {
  const { t } = useI18n()
  const base = `/staff/stations/${station.id}/reception`
  return (
    <ReceptionShell station={station} tab="plans" title={t('booking.plans.editTitle')}>
      <p>
        <a href={`${base}/plans`}>{t('booking.plans.back')}</a>
      </p>
      {ended ? <p class="notice">{t('booking.plans.endedNotice')}</p> : null}
      <p class="hint">{t('booking.plans.editHint')}</p>
      <PlanForm
        action={`${base}/plans/${planId}`}
        deputies={deputies}
        values={values}
        errors={errors}
        submitId="plan-save"
      />
    </ReceptionShell>
  )
}

function PlanForm({
  action,
  deputies,
  values,
  errors,
  submitId,
}: {
  action: string
  deputies: DeputyOption[]
  values: PlanFormValues
  errors: FieldErrors
  submitId: string
}) {
  const { t, dateTime } = useI18n()
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: dateTime(new Date(Date.UTC(2026, 10, 22 + d, 12)), 'UTC', { weekday: 'long' }),
  }))
  const pattern = values.pattern ?? 'weekly'
  const checked = (list: string[] | undefined, v: string) => (list ?? []).includes(v)
  const groupError = (name: string) =>
    errors[name] ? (
      <p class="error" id={`e-${name}`}>
        {errors[name]}
      </p>
    ) : null
  return (
    <form method="post" action={action} id="plan-form" novalidate>
      <ErrorSummary errors={errors} />
      <CsrfField />
      <SelectField
        name="deputy"
        label="booking.field.deputy"
        required
        value={values.deputy}
        placeholder={t('booking.clerk.choose')}
        options={deputies.map((d) => ({
          value: d.id,
          label: d.ownDistrict ? t('booking.plans.districtDeputy', { name: d.name }) : d.name,
        }))}
        errors={errors}
      />
      <fieldset class="field r-fieldset" id="f-pattern">
        <legend>{t('booking.plans.pattern')}</legend>
        {groupError('pattern')}
        {(
          [
            ['weekly', t('booking.plans.patternWeekly')],
            ['nth_weekday', t('booking.plans.patternNth')],
            ['month_day', t('booking.plans.patternMonthDay')],
          ] as const
        ).map(([v, label]) => (
          <label class="check">
            <input type="radio" name="pattern" value={v} checked={pattern === v} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset
        class="field r-fieldset"
        id="f-weekdays"
        aria-describedby={errors.weekdays ? 'e-weekdays h-weekdays' : 'h-weekdays'}
      >
        <legend>{t('booking.plans.weekdays')}</legend>
        <p class="hint" id="h-weekdays">
          {t('booking.plans.weekdaysHint')}
        </p>
        {groupError('weekdays')}
        <div class="r-checks">
          {weekdays.map((w) => (
            <label class="check">
              <input
                type="checkbox"
                name="weekdays"
                value={w.value}
                checked={checked(values.weekdays, w.value)}
              />
              <span>{w.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        name="nthOfMonth"
        label="booking.plans.nth"
        value={values.nthOfMonth}
        placeholder={t('booking.plans.notUsed')}
        hint={t('booking.plans.nthHint')}
        options={[
          ...[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('booking.plans.nthOption', { n }) })),
          { value: -1, label: t('booking.plans.lastOption') },
        ]}
        errors={errors}
      />
      <TextField
        name="dayOfMonth"
        label="booking.plans.dayOfMonth"
        type="number"
        inputmode="numeric"
        value={values.dayOfMonth}
        hint={t('booking.plans.dayOfMonthHint')}
        errors={errors}
      />
      <fieldset
        class="field r-fieldset"
        id="f-months"
        aria-describedby={errors.months ? 'e-months h-months' : 'h-months'}
      >
        <legend>{t('booking.plans.months')}</legend>
        <p class="hint" id="h-months">
          {t('booking.plans.monthsHint')}
        </p>
        {groupError('months')}
        <div class="r-checks">
          {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => (
            <label class="check">
              <input
                type="checkbox"
                name="months"
                value={String(m)}
                checked={checked(values.months, String(m))}
              />
              <span>{t('booking.plans.month', { n: m })}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="r-row">
        <TextField
          name="startTime"
          label="booking.plans.startTime"
          required
          type="time"
          value={values.startTime}
          errors={errors}
        />
        <TextField
          name="endTime"
          label="booking.plans.endTime"
          required
          type="time"
          value={values.endTime}
          errors={errors}
        />
      </div>
      <div class="r-row">
        <TextField
          name="slotMinutes"
          label="booking.plans.slotMinutes"
          required
          type="number"
          inputmode="numeric"
          value={values.slotMinutes}
          errors={errors}
        />
        <TextField
          name="capacityPerSlot"
          label="booking.plans.capacity"
          required
          type="number"
          inputmode="numeric"
          value={values.capacityPerSlot}
          errors={errors}
        />
      </div>
      <TextField
        name="place"
        label="booking.field.place"
        value={values.place}
        maxlength={40}
        errors={errors}
      />
      <div class="r-row">
        <TextField
          name="validFrom"
          label="booking.plans.validFromLabel"
          required
          type="date"
          value={values.validFrom}
          errors={errors}
        />
        <TextField
          name="validUntil"
          label="booking.plans.validUntilLabel"
          type="date"
          value={values.validUntil}
          errors={errors}
        />
      </div>
      <button type="submit" id={submitId}>
        {t('booking.plans.save')}
      </button>
    </form>
  )
}

/** A deputy's own reception days: the chosen day's sessions with who booked, in full. */
export function DeputyReceptionPage({
  date,
  prev,
  next,
  days,
  upcoming,
}: {
  date: string
  prev: string
  next: string
  days: SessionDay[]
  upcoming: string[]
}) {
  const { t } = useI18n()
  const dateLabel = useLocalDate()
  return (
    <StaffLayout title={t('booking.deputy.title', { date: dateLabel(date) })}>
      <BookingStyles />
      <div class="r-pager">
        <a class="row-action" href={`/deputy/reception?date=${prev}`} id="day-prev">
          {t('booking.day.prev')}
        </a>
        <a class="row-action" href={`/deputy/reception?date=${next}`} id="day-next">
          {t('booking.day.next')}
        </a>
      </div>
      {upcoming.length > 0 ? (
        <nav aria-label={t('booking.deputy.upcoming')} class="r-upcoming">
          <h2>{t('booking.deputy.upcoming')}</h2>
          <ul>
            {upcoming.map((d) => (
              <li>
                <a
                  class="row-action"
                  href={`/deputy/reception?date=${d}`}
                  aria-current={d === date ? 'page' : undefined}
                >
                  {dateLabel(d)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {days.length === 0 ? <p id="reception-empty">{t('booking.deputy.none')}</p> : null}
      {days.map((d) => (
        <SessionBlock day={d} />
      ))}
    </StaffLayout>
  )
}
