import { type Context, Hono } from 'hono'
import { z } from 'zod'
import {
  cancelAbsence,
  findAbsence,
  findSwap,
  insertAbsence,
  insertSwapRequest,
  listAbsences,
  listSlotDefs,
  listSwaps,
  loadRosterInput,
  moveSwap,
  peopleNames,
  publishWeeks,
  type SwapRow,
  stationsOfPeople,
} from '../../db/queries/roster.ts'
import { findStation, listStations, type StationRow } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import type { MyDuty, MyDutyView, MySwap, OpenSwap } from '../../views/pages/roster/my-duty-page.tsx'
import { MyDutyPage } from '../../views/pages/roster/my-duty-page.tsx'
import type { FormValues } from '../../views/pages/roster/roster-form.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { AbsenceIndex, generateRoster } from '../domain/roster/generate.ts'
import type { Problems } from '../domain/roster/rules.ts'
import { checkSwapRequest, checkSwapTake, swapStatusAt } from '../domain/roster/swaps.ts'
import { keysOfAccount, type PersonKey, type RosterInput, type RosterSlot } from '../domain/roster/types.ts'
import { localDate } from '../domain/time.ts'
import { addDays } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { f, idParam, parseForm } from '../validation.ts'
import { dateRangeForm, formValues, readBody } from './roster-shared.ts'

const swapRequestForm = z.object({
  stationId: f.id(),
  date: f.date(),
  code: z.string().trim().min(1).max(12),
})

/** Everything of one station a person's duty page needs: its input, roster and slot names. */
type StationDuty = {
  station: StationRow
  input: RosterInput
  slots: RosterSlot[]
  slotName: (code: string) => string
}

/** /me/duty: a person's own duty, swap requests and absences, for any signed-in account. */
export function myDutyRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  const load = (c: Context<AppEnv>, station: StationRow, from: string, to: string): StationDuty => {
    const input = loadRosterInput(db, station)
    const defs = listSlotDefs(db, station.id)
    return {
      station,
      input,
      slots: generateRoster(input, from, to),
      slotName: (code) => {
        const d = defs.findLast((x) => x.code === code)
        return d ? c.get('i18n').name(d) : code
      },
    }
  }

  /** The rotation people who may take a slot: the participants of the version serving it. */
  const eligible = (d: StationDuty, slot: RosterSlot): PersonKey[] =>
    d.input.rules.find((r) => r.id === slot.ruleId)?.participants.slice() ?? []

  const page = (
    c: Context<AppEnv>,
    extra: { values?: FormValues; errors?: FieldErrors; problem?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const account = c.get('account')!
    const keys = keysOfAccount(account)
    const now = clock.now()
    const stations = stationsOfPeople(db, keys)
    const today = localDate(now, stations[0]?.timeZone ?? deps.config.defaultTimeZone)
    const until = addDays(today, 7 * (publishWeeks(db) + 2) - 1)
    const duties: MyDuty[] = []
    const openSwaps: OpenSwap[] = []
    const mySwaps: MySwap[] = []
    const people = new Set<PersonKey>()
    for (const station of stations) {
      const d = load(c, station, today, until)
      const bySlot = new Map(d.slots.map((s) => [s.key, s]))
      const swaps = listSwaps(db, { stationId: station.id, since: addDays(today, -14) })
      const live = new Map<string, SwapRow>()
      for (const s of swaps) {
        const slot = bySlot.get(`${s.date}|${s.slotCode}`)
        const status = slot
          ? swapStatusAt(s.status, slot.startsAt, now)
          : s.status === 'approved'
            ? 'approved'
            : 'expired'
        if (status === 'open' || status === 'taken') live.set(`${s.date}|${s.slotCode}`, s)
        const base = {
          id: s.id,
          stationName: c.get('i18n').name(station),
          slotName: d.slotName(s.slotCode),
          date: s.date,
          start: slot?.start ?? '',
          end: slot?.end ?? '',
          from: s.from,
        }
        const mine = keys.includes(s.from) || (s.to !== null && keys.includes(s.to))
        if (mine) {
          mySwaps.push({ ...base, status, to: s.to, requestedByMe: keys.includes(s.from) })
          people.add(s.from)
          if (s.to) people.add(s.to)
        } else if (status === 'open' && slot && eligible(d, slot).some((k) => keys.includes(k))) {
          openSwaps.push(base)
          people.add(s.from)
        }
      }
      for (const slot of d.slots) {
        if (!slot.person || !keys.includes(slot.person) || slot.endsAt.getTime() <= now.getTime()) continue
        const swap = live.get(slot.key)
        duties.push({
          stationId: station.id,
          stationName: c.get('i18n').name(station),
          slotName: d.slotName(slot.code),
          slot,
          swap: swap && keys.includes(swap.from) ? { id: swap.id, status: swap.status } : null,
        })
      }
    }
    duties.sort((a, b) => a.slot.startsAt.getTime() - b.slot.startsAt.getTime())
    const view: MyDutyView = {
      duties,
      openSwaps,
      mySwaps,
      absences: listAbsences(db, keys, today),
      stations: (account.role === 'admin' || account.role === 'staff'
        ? listStations(db, account.role === 'admin' ? undefined : account.stationIds)
        : []
      ).map((s) => ({ id: s.id, name: c.get('i18n').name(s) })),
      people: peopleNames(db, people),
      until,
      values: extra.values ?? { from: today, to: today },
      errors: extra.errors,
      problem: extra.problem,
      notice: c.req.query('saved') ? c.get('i18n').t('form.saved') : undefined,
    }
    return renderPage(c, <MyDutyPage {...view} />, status)
  }

  const problemText = (c: Context<AppEnv>, problems: Problems) => {
    const first = Object.values(problems)[0]
    return first ? c.get('i18n').t(first) : undefined
  }
  const done = (c: Context<AppEnv>) => c.redirect('/me/duty?saved=1', 303)

  app.get('/me/duty', (c) => page(c))

  app.post('/me/duty/swaps', async (c) => {
    const { t } = c.get('i18n')
    const parsed = parseForm(swapRequestForm, await readBody(c), t)
    if (!parsed.ok) return page(c, { problem: Object.values(parsed.errors)[0] }, 422)
    const { stationId, date, code } = parsed.data
    const station = findStation(db, stationId)
    if (!station) return page(c, { problem: t('error.unknownChoice') }, 422)
    const keys = keysOfAccount(c.get('account')!)
    const slot = load(c, station, date, date).slots.find((s) => s.code === code)
    const mine = keys.find((k) => k === slot?.person) ?? keys[0]!
    const problems = checkSwapRequest(slot, mine, clock.now())
    if (Object.keys(problems).length) return page(c, { problem: problemText(c, problems) }, 422)
    const id = insertSwapRequest(db, { stationId, date, code, from: mine }, c.get('account')!.id, clock.now())
    if (id === null) return page(c, { problem: t('roster.error.swapExists') }, 409)
    return done(c)
  })

  /** A swap, its station's roster for that day and its slot, or null when any is missing. */
  const swapContext = (c: Context<AppEnv>, swap: SwapRow | undefined) => {
    if (!swap) return null
    const station = findStation(db, swap.stationId)
    if (!station) return null
    const d = load(c, station, swap.date, swap.date)
    return { swap, d, slot: d.slots.find((s) => s.code === swap.slotCode) }
  }

  app.post('/me/duty/swaps/:id/take', (c) => {
    const { t } = c.get('i18n')
    const ctx = swapContext(c, findSwap(db, idParam(c, 'id') ?? 0))
    if (!ctx) return c.notFound()
    const { swap, d, slot } = ctx
    const now = clock.now()
    if (!slot || swapStatusAt(swap.status, slot.startsAt, now) !== 'open')
      return page(c, { problem: t('roster.error.swapNotOpen') }, 409)
    const keys = keysOfAccount(c.get('account')!)
    const pool = eligible(d, slot)
    const taker = keys.includes(swap.from) ? swap.from : (keys.find((k) => pool.includes(k)) ?? keys[0]!)
    const absences = new AbsenceIndex(d.input.absences)
    const problems = checkSwapTake({
      slot,
      from: swap.from,
      taker,
      eligible: pool,
      takerAbsent: absences.isAbsent(taker, swap.date),
      now,
    })
    if (Object.keys(problems).length) return page(c, { problem: problemText(c, problems) }, 422)
    if (!moveSwap(db, swap.id, 'open', 'taken', c.get('account')!.id, now, taker))
      return page(c, { problem: t('roster.error.swapNotOpen') }, 409)
    return done(c)
  })

  app.post('/me/duty/swaps/:id/cancel', (c) => {
    const swap = findSwap(db, idParam(c, 'id') ?? 0)
    if (!swap || !keysOfAccount(c.get('account')!).includes(swap.from)) return c.notFound()
    const now = clock.now()
    const moved =
      moveSwap(db, swap.id, 'open', 'cancelled', c.get('account')!.id, now) ||
      moveSwap(db, swap.id, 'taken', 'cancelled', c.get('account')!.id, now)
    if (!moved) return page(c, { problem: c.get('i18n').t('roster.error.swapNotOpen') }, 409)
    return done(c)
  })

  app.post('/me/duty/absences', async (c) => {
    const { t } = c.get('i18n')
    const body = await readBody(c)
    const values = formValues(body)
    const parsed = parseForm(dateRangeForm, body, t)
    if (!parsed.ok) return page(c, { values, errors: parsed.errors }, 422)
    if (parsed.data.to < parsed.data.from)
      return page(c, { values, errors: { to: t('roster.error.toBeforeFrom') } }, 422)
    const keys = keysOfAccount(c.get('account')!)
    insertAbsence(db, { person: keys.at(-1)!, ...parsed.data }, c.get('account')!.id, clock.now())
    return done(c)
  })

  app.post('/me/duty/absences/:id/cancel', (c) => {
    const absence = findAbsence(db, idParam(c, 'id') ?? 0)
    if (!absence || !keysOfAccount(c.get('account')!).includes(absence.person)) return c.notFound()
    cancelAbsence(db, absence.id, c.get('account')!.id, clock.now())
    return done(c)
  })

  return app
}
