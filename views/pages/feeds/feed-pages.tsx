import { raw } from 'hono/html'
import type { FeedState } from '../../../db/queries/feeds.ts'
import type { FeedKind } from '../../../db/schema.ts'
import { CsrfField } from '../../components/form.tsx'
import { useI18n } from '../../i18n/index.ts'
import { StaffLayout } from '../../layouts/staff-layout.tsx'
import { AdminShell, Notice } from '../admin/admin-shell.tsx'

/** A link just made: shown in this one response only, since only its hash is kept. */
export type IssuedLink = { https: string; webcal: string; google: string; qrSvg: string }

export type FeedPanelProps = {
  kind: FeedKind
  state: FeedState | undefined
  /** Where the panel's forms post: `${action}/issue` and `${action}/revoke`. */
  action: string
  timeZone: string
  issued?: IssuedLink | undefined
}

function KindLabel({ kind }: { kind: FeedKind }) {
  const { t } = useI18n()
  if (kind === 'deputy') return <>{t('feeds.kind.deputy')}</>
  if (kind === 'station') return <>{t('feeds.kind.station')}</>
  return <>{t('feeds.kind.staff')}</>
}

function Contains({ kind }: { kind: FeedKind }) {
  const { t } = useI18n()
  if (kind === 'deputy') return <p class="hint">{t('feeds.contains.deputy')}</p>
  if (kind === 'station') return <p class="hint">{t('feeds.contains.station')}</p>
  return <p class="hint">{t('feeds.contains.staff')}</p>
}

/** The new link: webcal and https, a QR code for the phone, and Google's add link. */
export function IssuedLinks({ kind, link }: { kind: FeedKind; link: IssuedLink }) {
  const { t } = useI18n()
  return (
    <div class="feed-issued" id={`feed-issued-${kind}`}>
      <h3>{t('feeds.issued.heading')}</h3>
      <p class="notice" role="status">
        {t('feeds.issued.once')}
      </p>
      <div class="feed-links">
        <figure class="feed-qr">
          <div class="feed-qr-code" role="img" aria-label={t('feeds.issued.qr')}>
            {raw(link.qrSvg)}
          </div>
          <figcaption>{t('feeds.issued.qr')}</figcaption>
        </figure>
        <div class="feed-urls">
          <p>
            <a class="button" href={link.webcal} id={`feed-webcal-${kind}`}>
              {t('feeds.issued.webcal')}
            </a>
          </p>
          <div class="field">
            <label for={`feed-https-${kind}`}>{t('feeds.issued.https')}</label>
            <input
              type="text"
              readonly
              id={`feed-https-${kind}`}
              class="feed-url"
              value={link.https}
              spellcheck={false}
            />
          </div>
          <p>
            <a
              class="button secondary"
              href={link.google}
              rel="noopener noreferrer"
              id={`feed-google-${kind}`}
            >
              {t('feeds.issued.google')}
            </a>
          </p>
        </div>
      </div>
    </div>
  )
}

/** One feed: what it holds, whether it has a link, and the buttons to make, replace or stop it. */
export function FeedPanel(p: FeedPanelProps) {
  const { t, dateTime } = useI18n()
  const headingId = `feed-${p.kind}-title`
  return (
    <section class="feed-panel" id={`feed-${p.kind}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <KindLabel kind={p.kind} />
      </h2>
      <Contains kind={p.kind} />
      {p.issued ? <IssuedLinks kind={p.kind} link={p.issued} /> : null}
      {p.state ? (
        <>
          <p class="feed-state" id={`feed-state-${p.kind}`}>
            {t('feeds.state.live', { time: dateTime(p.state.createdAt, p.timeZone) })}{' '}
            {p.state.lastFetchedAt
              ? t('feeds.state.fetched', { time: dateTime(p.state.lastFetchedAt, p.timeZone) })
              : t('feeds.state.neverFetched')}
          </p>
          {p.issued ? null : <p class="hint">{t('feeds.state.hidden')}</p>}
        </>
      ) : (
        <p class="feed-state" id={`feed-state-${p.kind}`}>
          {t('feeds.state.none')}
        </p>
      )}
      <div class="actions">
        <form method="post" action={`${p.action}/issue`} class="inline-form">
          <CsrfField />
          <button type="submit" id={`feed-issue-${p.kind}`}>
            {p.state ? t('feeds.action.rotate') : t('feeds.action.issue')}
          </button>
        </form>
        {p.state ? (
          <form method="post" action={`${p.action}/revoke`} class="inline-form">
            <CsrfField />
            <button type="submit" class="button danger" id={`feed-revoke-${p.kind}`}>
              {t('feeds.action.revoke')}
            </button>
          </form>
        ) : null}
      </div>
    </section>
  )
}

/** One line for each kind of phone, and how soon each notices a change. */
export function HowToSubscribe() {
  const { t } = useI18n()
  return (
    <section class="feed-howto" id="feed-howto" aria-labelledby="feed-howto-title">
      <h2 id="feed-howto-title">{t('feeds.howto.heading')}</h2>
      <ul>
        <li>{t('feeds.howto.iphone')}</li>
        <li>{t('feeds.howto.google')}</li>
        <li>{t('feeds.howto.outlook')}</li>
      </ul>
      <p>{t('feeds.howto.refresh')}</p>
      <p class="hint">{t('feeds.howto.reachable')}</p>
      <h3 id="feed-phones-title">{t('feeds.phones.heading')}</h3>
      <ul id="feed-phones">
        <li>{t('feeds.phones.iphone')}</li>
        <li>{t('feeds.phones.huawei')}</li>
        <li>{t('feeds.phones.xiaomi')}</li>
        <li>{t('feeds.phones.oppoVivo')}</li>
        <li>{t('feeds.phones.googleChina')}</li>
      </ul>
    </section>
  )
}

/** For phones that cannot subscribe and people without one: a printed month, and the weekly SMS. */
export function WithoutSubscribing({ printHref }: { printHref: string }) {
  const { t } = useI18n()
  return (
    <section class="feed-howto" id="feed-everyone" aria-labelledby="feed-everyone-title">
      <h2 id="feed-everyone-title">{t('feeds.everyone.heading')}</h2>
      <p>
        <a class="button secondary" href={printHref} id="feed-print-schedule">
          {t('feeds.everyone.print')}
        </a>
      </p>
      <p class="hint">{t('feeds.everyone.printHint')}</p>
      <p id="feed-sms">{t('feeds.everyone.sms')}</p>
    </section>
  )
}

/** /me/calendar: the signed-in person's own feeds. */
export function MyCalendarPage({
  panels,
  isAdmin,
  notice,
}: {
  panels: readonly FeedPanelProps[]
  isAdmin: boolean
  notice?: string | undefined
}) {
  const { t } = useI18n()
  return (
    <StaffLayout title={t('feeds.me.title')}>
      <Notice text={notice} />
      <p>{t('feeds.me.intro')}</p>
      {panels.length === 0 ? <p id="feed-none">{t('feeds.me.none')}</p> : null}
      {panels.map((p) => (
        <FeedPanel {...p} />
      ))}
      {panels.length ? <HowToSubscribe /> : null}
      {panels.length ? <WithoutSubscribing printHref="/me/schedule/print" /> : null}
      {isAdmin ? (
        <p>
          <a href="/admin/feeds" class="row-link" id="feed-admin-link">
            {t('feeds.me.adminLink')}
          </a>
        </p>
      ) : null}
    </StaffLayout>
  )
}

export type FeedListRow = { id: number; name: string; state: FeedState | undefined }

function FeedTable({
  kind,
  caption,
  rows,
  timeZone,
}: {
  kind: FeedKind
  caption: string
  rows: readonly FeedListRow[]
  timeZone: string
}) {
  const { t, dateTime } = useI18n()
  return (
    <div class="table-scroll">
      <table id={`feeds-${kind}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feeds.admin.col.name')}</th>
            <th scope="col">{t('feeds.admin.col.state')}</th>
            <th scope="col">{t('feeds.admin.col.fetched')}</th>
            <th scope="col">{t('feeds.admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr id={`feed-row-${kind}-${r.id}`}>
              <td>{r.name}</td>
              <td class={r.state ? '' : 'state-off'}>
                {r.state
                  ? t('feeds.admin.state.live', { time: dateTime(r.state.createdAt, timeZone) })
                  : t('feeds.admin.state.none')}
              </td>
              <td>
                {r.state?.lastFetchedAt ? dateTime(r.state.lastFetchedAt, timeZone) : t('feeds.admin.never')}
              </td>
              <td>
                <a href={`/admin/feeds/${kind}/${r.id}`} class="row-link">
                  {t('feeds.admin.manage')}
                  <span class="visually-hidden"> {r.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** /admin/feeds: every deputy, station and staff member with the state of their feed. */
export function AdminFeedsPage(p: {
  deputies: readonly FeedListRow[]
  stations: readonly FeedListRow[]
  staff: readonly FeedListRow[]
  timeZone: string
  notice?: string | undefined
}) {
  const { t } = useI18n()
  return (
    <AdminShell title={t('feeds.admin.title')}>
      <Notice text={p.notice} />
      <p class="hint">{t('feeds.admin.intro')}</p>
      <FeedTable kind="deputy" caption={t('feeds.admin.deputies')} rows={p.deputies} timeZone={p.timeZone} />
      <FeedTable kind="station" caption={t('feeds.admin.stations')} rows={p.stations} timeZone={p.timeZone} />
      <FeedTable kind="staff" caption={t('feeds.admin.staff')} rows={p.staff} timeZone={p.timeZone} />
    </AdminShell>
  )
}

/** /admin/feeds/:kind/:id: one feed managed by an administrator. */
export function AdminFeedPage({
  panel,
  subjectName,
  notice,
}: {
  panel: FeedPanelProps
  subjectName: string
  notice?: string | undefined
}) {
  const { t } = useI18n()
  const kind =
    panel.kind === 'deputy'
      ? t('feeds.kind.deputy')
      : panel.kind === 'station'
        ? t('feeds.kind.station')
        : t('feeds.kind.staff')
  return (
    <AdminShell
      title={t('feeds.admin.subject', { kind, name: subjectName })}
      trail={[{ href: '/admin/feeds', label: t('feeds.admin.title') }]}
    >
      <Notice text={notice} />
      <FeedPanel {...panel} />
      <HowToSubscribe />
    </AdminShell>
  )
}
