import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { findActiveDeputy } from '../../db/queries/deputies.ts'
import { followUpSettings, stationById } from '../../db/queries/followup.ts'
import {
  concernVerdicts,
  type FinderCandidate,
  finderCandidates,
  finderDeputies,
  topicAndPlaceNames,
} from '../../db/queries/suggestion-finder.ts'
import { concernsInEvidenceScope } from '../../db/queries/suggestions.ts'
import type { I18n } from '../../views/i18n/index.ts'
import {
  dayLabel,
  type FinderCard,
  FinderPage,
  listJoin,
} from '../../views/pages/suggestions/finder-page.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { type Account, canActForStation } from '../domain/account.ts'
import { describeConcerns, type FinderGroup, findGroups, guessKind } from '../domain/suggestion-finder.ts'
import { localDate } from '../domain/time.ts'
import { addDays } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { createDraft } from '../events/suggestion-drafting.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, parseId } from '../validation.ts'

const WORDS_PER_CARD = 3
/** A page a deputy reads through: the groups raised by the most residents. */
const MAX_CARDS = 20

const finderForm = z.object({ deputy: f.id(), concern: f.ids() })

/**
 * The suggestion finder (issue 18 item 2): GET /suggestions/finder shows a deputy's residents'
 * concerns gathered by matter and place; POST starts a pre-written draft from the ticked ones.
 */
export function suggestionFinderRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  /** The deputy the finder runs for, if the account may run it for them. */
  const deputyFor = (account: Account, id: number | null) => {
    if (account.role === 'deputy') {
      if (id !== null && id !== account.deputyId) return { ok: false as const, status: 403 as const }
      const own = account.deputyId === null ? undefined : findActiveDeputy(db, account.deputyId)
      return own ? { ok: true as const, deputy: own } : { ok: false as const, status: 403 as const }
    }
    if (id === null) return { ok: true as const, deputy: null }
    const d = findActiveDeputy(db, id)
    if (!d) return { ok: false as const, status: 404 as const }
    return canActForStation(account, d.homeStationId)
      ? { ok: true as const, deputy: d }
      : { ok: false as const, status: 403 as const }
  }

  const candidatesOf = (deputy: { id: number; homeStationId: number }) => {
    const tz = stationById(db, deputy.homeStationId)?.timeZone ?? deps.config.defaultTimeZone
    const days = followUpSettings(db).suggestionFinderDays
    return { days, candidates: finderCandidates(db, deputy.id, addDays(localDate(clock.now(), tz), -days)) }
  }

  const page = (
    c: Context<AppEnv>,
    deputy: { id: number; name: string; homeStationId: number } | null,
    opts: { error?: string; ticked?: ReadonlySet<number> } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const account = c.get('account')!
    const i18n = c.get('i18n')
    const chooser =
      account.role === 'deputy'
        ? null
        : finderDeputies(db, account.role === 'admin' ? null : account.stationIds).map((d) => ({
            id: d.id,
            name: d.name,
          }))
    const found = deputy
      ? candidatesOf(deputy)
      : { days: followUpSettings(db).suggestionFinderDays, candidates: [] }
    const { cards, total } = deputy
      ? finderCards(db, i18n, found.candidates, opts.ticked)
      : { cards: [], total: 0 }
    return renderPage(
      c,
      <FinderPage
        deputies={chooser}
        deputy={deputy ? { id: deputy.id, name: deputy.name } : null}
        days={found.days}
        cards={cards}
        total={total}
        error={opts.error}
      />,
      status,
    )
  }

  app.get('/suggestions/finder', (c) => {
    const asked = c.req.query('deputy')
    const id = asked === undefined || asked === '' ? null : parseId(asked)
    if (asked && id === null) return rejectRequest(c, 404, 'error.notFound.body')
    const who = deputyFor(c.get('account')!, id)
    if (!who.ok)
      return rejectRequest(
        c,
        who.status,
        who.status === 404 ? 'error.notFound.body' : 'suggestionFinder.error.forbidden',
      )
    return page(c, who.deputy)
  })

  app.post('/suggestions/finder', async (c) => {
    const account = c.get('account')!
    const i18n = c.get('i18n')
    const parsed = finderForm.safeParse(await readForm(c, { all: true }))
    if (!parsed.success) return rejectRequest(c, 400, 'error.badForm')
    const who = deputyFor(account, parsed.data.deputy)
    if (!who.ok || !who.deputy)
      return rejectRequest(
        c,
        who.ok ? 404 : who.status,
        !who.ok && who.status === 403 ? 'suggestionFinder.error.forbidden' : 'error.notFound.body',
      )
    const deputy = who.deputy
    const ids = [...new Set(parsed.data.concern)]
    if (ids.length === 0)
      return page(c, deputy, { error: i18n.t('suggestionFinder.error.noneTicked'), ticked: new Set() }, 422)
    if (concernsInEvidenceScope(db, deputy.id, ids).length !== ids.length)
      return rejectRequest(c, 403, 'suggestionFinder.error.outOfScope')
    const { candidates } = candidatesOf(deputy)
    const picked = candidates.filter((x) => ids.includes(x.id))
    if (picked.length !== ids.length)
      return page(c, deputy, { error: i18n.t('suggestionFinder.error.gone'), ticked: new Set(ids) }, 409)
    const facts = describeConcerns(picked)!
    const names = topicAndPlaceNames(db, [facts.topicId], facts.placeIds)
    const r = createDraft(
      db,
      account,
      deputy.id,
      {
        kind: guessKind(names.topics.get(facts.topicId)?.nameZhHans ?? ''),
        ...draftText(i18n, facts, names),
        concernIds: ids,
      },
      clock.now(),
    )
    if (!r.ok) {
      if (r.reason === 'unknown_deputy') return rejectRequest(c, 404, 'error.notFound.body')
      if (r.reason === 'forbidden') return rejectRequest(c, 403, 'suggestionFinder.error.forbidden')
      return rejectRequest(c, 403, 'suggestionFinder.error.outOfScope')
    }
    return c.redirect(`/suggestions/${r.suggestion.id}/edit`, 303)
  })

  return app
}

type Names = ReturnType<typeof topicAndPlaceNames>

/** The groups of a deputy's candidates as cards, the most residents first (all ticked, or as sent). */
function finderCards(
  db: AppDeps['db'],
  { name }: I18n,
  candidates: readonly FinderCandidate[],
  ticked?: ReadonlySet<number>,
): { cards: FinderCard[]; total: number } {
  const found = findGroups(candidates)
  const groups = found.slice(0, MAX_CARDS)
  const byId = new Map(candidates.map((x) => [x.id, x]))
  // Verdicts come oldest first: the last one per concern is its latest.
  const latestVerdict = new Map(
    concernVerdicts(
      db,
      groups.flatMap((g) => g.concernIds),
    ).map((v) => [v.concernId, v.verdict]),
  )
  const names = topicAndPlaceNames(
    db,
    candidates.map((x) => x.topicId),
    candidates.flatMap((x) => (x.placeId === null ? [] : [x.placeId])),
  )
  const placeName = (id: number | null) => {
    const p = id === null ? undefined : names.places.get(id)
    return p ? name(p) : null
  }
  const topicName = (id: number) => {
    const tp = names.topics.get(id)
    return tp ? name(tp) : ''
  }
  const cards = groups.map((g) => {
    const members = g.concernIds.map((id) => byId.get(id)!)
    // A re-shown page keeps the ticks of the card that was sent; the other cards start ticked.
    const mine = ticked && members.some((m) => ticked.has(m.id)) ? ticked : null
    return {
      residents: g.residents,
      concerns: g.concerns,
      open: g.open,
      keyword: g.keyword,
      topicName: topicName(g.topicId),
      placeName: g.placeIds.length > 0 ? placeName(g.placeIds[0]!) : null,
      firstOn: g.firstOn,
      words: [...members]
        .reverse()
        .map((m) => m.words)
        .filter((w) => w !== '')
        .slice(0, WORDS_PER_CARD),
      items: members.map((m) => ({
        id: m.id,
        receivedOn: m.receivedOn,
        status: m.status,
        topicName: topicName(m.topicId),
        placeName: placeName(m.placeId),
        verdict: latestVerdict.get(m.id) ?? null,
        ticked: mine ? mine.has(m.id) : true,
      })),
    }
  })
  return { cards, total: found.length }
}

/**
 * The draft's title and problem in the reader's language, from the facts of the ticked concerns:
 * "关于解决幸福村电梯问题的建议" and "自2026年3月12日至11月20日，幸福村共13位居民通过联络站反映电梯问题…".
 */
function draftText({ t, name, dateTime, locale }: I18n, g: FinderGroup, names: Names) {
  const placeNames = g.placeIds.flatMap((id) => {
    const p = names.places.get(id)
    return p ? [name(p)] : []
  })
  const topic = names.topics.get(g.topicId)
  const keyword = g.keyword || (topic ? name(topic) : '')
  const place = listJoin(locale, placeNames)
  const title = place
    ? t('suggestionFinder.draftTitle', { place, keyword })
    : t('suggestionFinder.draftTitleNoPlace', { keyword })
  const vars = {
    first: dayLabel(dateTime, g.firstOn),
    last: dayLabel(dateTime, g.lastOn),
    place: place || t('suggestionFinder.placeUnknown'),
    n: g.residents,
    count: g.concerns,
    open: g.open,
    keyword,
  }
  const problem =
    g.firstOn === g.lastOn
      ? t('suggestionFinder.draftProblemOneDay', vars)
      : t('suggestionFinder.draftProblem', vars)
  return { title, problem }
}
