import type { BookingStatus, ConcernStatus } from '../../../db/schema.ts'
import { formatBookingCode } from '../../../server/domain/booking-rules.ts'
import { SearchForm } from '../../components/search-form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { BookingStatusLabel } from '../kiosk/booking-pages.tsx'
import { formatTrackingCode, statusLabel } from '../track/concern-labels.ts'

/** A found concern as the list shows it: name and phone already masked where the viewer must not see them. */
export type ConcernResult = {
  id: number
  trackingCode: string
  status: ConcernStatus
  station: string
  deputy: string | null
  topic: string
  receivedOn: string
  name: string | null
  phone: string | null
}

export type BookingResult = {
  id: number
  code: string
  status: BookingStatus
  station: string
  deputy: string
  when: string
  name: string | null
  phone: string | null
  href: string
}

/** Results of a staff search, concerns then bookings; an empty box shows the form and what it finds. */
export function SearchPage(p: {
  q: string
  results: { concerns: ConcernResult[]; bookings: BookingResult[]; limit: number } | null
}) {
  const { t } = useI18n()
  const r = p.results
  return (
    <StaffLayout title={r ? t('search.resultsFor', { q: p.q }) : t('search.title')}>
      <SearchForm q={p.q} id="search-page-q" />
      {!r ? <p id="search-intro">{t('search.intro')}</p> : null}
      {r && r.concerns.length === 0 && r.bookings.length === 0 ? (
        <p id="search-none" class="notice">
          {t('search.none', { q: p.q })}
        </p>
      ) : null}
      {r && r.concerns.length > 0 ? (
        <section aria-labelledby="search-concerns-h">
          <h2 id="search-concerns-h">{t('search.concerns', { n: r.concerns.length })}</h2>
          {r.concerns.length >= r.limit ? <p class="hint">{t('search.limited', { n: r.limit })}</p> : null}
          <div class="table-scroll">
            <table id="search-concerns">
              <thead>
                <tr>
                  <th scope="col">{t('followup.col.code')}</th>
                  <th scope="col">{t('followup.col.topic')}</th>
                  <th scope="col">{t('followup.col.station')}</th>
                  <th scope="col">{t('followup.col.deputy')}</th>
                  <th scope="col">{t('followup.col.received')}</th>
                  <th scope="col">{t('followup.col.status')}</th>
                  <th scope="col">{t('booking.field.name')}</th>
                  <th scope="col">{t('booking.field.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {r.concerns.map((c) => (
                  <tr id={`search-concern-${c.id}`}>
                    <th scope="row">
                      <a href={`/concerns/${c.id}`}>{formatTrackingCode(c.trackingCode)}</a>
                    </th>
                    <td>{c.topic}</td>
                    <td>{c.station}</td>
                    <td>{c.deputy ?? ''}</td>
                    <td>{c.receivedOn}</td>
                    <td>{statusLabel(t, c.status)}</td>
                    <td>{c.name ?? ''}</td>
                    <td>{c.phone ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {r && r.bookings.length > 0 ? (
        <section aria-labelledby="search-bookings-h">
          <h2 id="search-bookings-h">{t('search.bookings', { n: r.bookings.length })}</h2>
          {r.bookings.length >= r.limit ? <p class="hint">{t('search.limited', { n: r.limit })}</p> : null}
          <div class="table-scroll">
            <table id="search-bookings">
              <thead>
                <tr>
                  <th scope="col">{t('booking.slip.code')}</th>
                  <th scope="col">{t('search.col.slot')}</th>
                  <th scope="col">{t('followup.col.station')}</th>
                  <th scope="col">{t('followup.col.deputy')}</th>
                  <th scope="col">{t('followup.col.status')}</th>
                  <th scope="col">{t('booking.field.name')}</th>
                  <th scope="col">{t('booking.field.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {r.bookings.map((b) => (
                  <tr id={`search-booking-${b.id}`}>
                    <th scope="row">
                      <a href={b.href}>{formatBookingCode(b.code)}</a>
                    </th>
                    <td>{b.when}</td>
                    <td>{b.station}</td>
                    <td>{b.deputy}</td>
                    <td>
                      <BookingStatusLabel status={b.status} />
                    </td>
                    <td>{b.name ?? ''}</td>
                    <td>{b.phone ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </StaffLayout>
  )
}
