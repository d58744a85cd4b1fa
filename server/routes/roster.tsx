import { type Context, Hono } from 'hono'
import { z } from 'zod'
import {
  cancelAbsence,
  candidatePeople,
  deleteRuleVersion,
  findAbsence,
  findSwap,
  insertAbsence,
  insertOverride,
  insertRuleVersion,
  insertSlotDef,
  listAbsences,
  listOverrides,
  listRules,
  listSlotDefs,
  listSwaps,
  loadRosterInput,
  moveSwap,
  peopleNames,
  publishedThrough,
  publishRoster,
  publishTarget,
  publishWeeks,
  removeOverride,
  retireSlotDef,
  setPublishWeeks,
  stationClosures,
  stationRoster,
} from '../../db/queries/roster.ts'
import { findStation } from '../../db/queries/stations.ts'
import type { FieldErrors } from '../../views/components/form.tsx'
import type { T } from '../../views/i18n/index.ts'
import { AbsencesPage, OverridesPage, SwapsPage } from '../../views/pages/roster/change-pages.tsx'
import { FairnessPage } from '../../views/pages/roster/fairness-page.tsx'
import { GapsPage } from '../../views/pages/roster/gaps-page.tsx'
import { MonthPage } from '../../views/pages/roster/month-page.tsx'
import type { FormValues } from '../../views/pages/roster/roster-form.tsx'
import type { StationInfo } from '../../views/pages/roster/roster-shell.tsx'
import { PARTICIPANT_PLACES, RuleFormPage, SetupPage } from '../../views/pages/roster/setup-pages.tsx'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import { canActForStation } from '../domain/account.ts'
import { fairnessTable } from '../domain/roster/fairness.ts'
import { AbsenceIndex, generateRoster } from '../domain/roster/generate.ts'
import {
  carriedStartPosition,
  checkRuleVersion,
  checkSlotDef,
  diffRosters,
  firstChangeableDay,
  type Problems,
} from '../domain/roster/rules.ts'
import { checkSwapApproval, swapStatusAt } from '../domain/roster/swaps.ts'
import {
  isPersonKey,
  keysOfAccount,
  type PersonKey,
  ROTATION_UNITS,
  type RotationRule,
} from '../domain/roster/types.ts'
import { localDate, parseQuarter } from '../domain/time.ts'
import { addDays, monthRange, weekStart } from '../domain/zoned-time.ts'
import type { AppEnv } from '../env.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, idParam, parseForm, parseWhole, queryDate, queryMonth } from '../validation.ts'
import {
  formValues,
  listField,
  personField,
  readBody,
  rememberStation,
  slotStartsAt,
  stationOf,
  timeField,
  weekdaysField,
} from './roster-shared.ts'

const slotForm = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,11}$/, 'roster.error.code'),
  nameZhHans: f.text(20),
  nameZhHant: f.optionalText(20),
  nameEn: f.optionalText(30),
  start: timeField(),
  end: timeField(),
  weekdays: weekdaysField(1),
  validFrom: f.date(),
})

const ruleForm = z.object({
  layer: f.whole(1, 5, 'error.unknownChoice'),
  effectiveFrom: f.date(),
  unit: z.enum(ROTATION_UNITS),
  interval: f.whole(1, 52, 'roster.error.interval'),
  participants: listField(),
  slotCodes: listField(),
  weekdays: weekdaysField(0),
})

const overrideForm = z.object({ from: f.date(), to: f.date(), slotCodes: listField(), person: personField() })
const absenceForm = z.object({ person: personField(), from: f.date(), to: f.date() })
const weeksForm = z.object({
  weeks: f.whole(1, 26, 'roster.error.weeks'),
})
const retireForm = z.object({ until: f.date() })

const translate = (problems: Problems, t: T): FieldErrors =>
  Object.fromEntries(Object.entries(problems).flatMap(([k, v]) => (v ? [[k, t(v)]] : [])))

/** The confirmation after a change; each change redirects with `?saved=<what>`. */
function savedNotice(c: Context<AppEnv>): string | undefined {
  const { t } = c.get('i18n')
  switch (c.req.query('saved')) {
    case 'published':
      return t('roster.notice.published', { n: c.req.query('n') ?? '0' })
    case 'unchanged':
      return t('roster.notice.alreadyPublished')
    case 'removed':
      return t('roster.notice.removed')
    case 'approved':
      return t('roster.notice.approved')
    case 'declined':
      return t('roster.notice.declined')
    case '1':
      return t('form.saved')
    default:
      return undefined
  }
}

/** A station's roster screens: /staff/stations/:id/roster… (staff of that station, or an admin). */
export function rosterRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    const station = findStation(db, idParam(c, 'id') ?? 0)
    if (!station) return c.notFound()
    if (!canActForStation(c.get('account')!, station.id)) return rejectRequest(c, 403, 'error.forbidden.body')
    rememberStation(c, station)
    return next()
  })

  const info = (c: Context<AppEnv>): StationInfo => ({
    id: stationOf(c).id,
    name: c.get('i18n').name(stationOf(c)),
    timeZone: stationOf(c).timeZone,
  })
  const today = (c: Context<AppEnv>) => localDate(clock.now(), stationOf(c).timeZone)
  const firstChangeable = (c: Context<AppEnv>) =>
    firstChangeableDay(today(c), publishedThrough(db, stationOf(c).id))
  const back = (c: Context<AppEnv>, path: string, saved = '1') =>
    c.redirect(`/staff/stations/${stationOf(c).id}/roster${path}?saved=${saved}`, 303)

  /** People the station may put on duty: its staff, its deputies and anyone already in a rotation. */
  const candidates = (stationId: number) => {
    const list = candidatePeople(db, stationId)
    const known = new Set(list.map((p) => p.key))
    const extra = listRules(db, stationId)
      .flatMap((r) => r.participants)
      .filter((p) => !known.has(p))
    const names = peopleNames(db, extra)
    return [...list, ...[...new Set(extra)].flatMap((k) => (names.has(k) ? [names.get(k)!] : []))]
  }

  // ── month grid ────────────────────────────────────────────────────────────────────────────
  app.get('/', (c) => {
    const station = stationOf(c)
    const now = today(c)
    const asked = queryMonth(c.req.query('month'))
    if (asked === null) return rejectRequest(c, 400, 'error.invalidMonth')
    const month = asked ?? now.slice(0, 7)
    const { first, last } = monthRange(month)
    const slots = stationRoster(db, station, first, last)
    const weeks: (string | null)[][] = []
    for (let d = weekStart(first); d <= last; d = addDays(d, 7))
      weeks.push(
        Array.from({ length: 7 }, (_, i) => addDays(d, i)).map((x) => (x.slice(0, 7) === month ? x : null)),
      )
    const closures = new Map(
      stationClosures(db, station.id)
        .filter((x) => x.date >= first && x.date <= last)
        .map((x) => [x.date, { kind: x.kind, name: x.name }]),
    )
    return renderPage(
      c,
      <MonthPage
        station={info(c)}
        month={month}
        prevMonth={addDays(first, -1).slice(0, 7)}
        nextMonth={addDays(last, 1).slice(0, 7)}
        weeks={weeks}
        slots={slots}
        closures={closures}
        defs={listSlotDefs(db, station.id)}
        people={peopleNames(
          db,
          slots.flatMap((s) => (s.person ? [s.person] : [])),
        )}
        publishedThrough={publishedThrough(db, station.id)}
        today={now}
      />,
    )
  })

  // ── gaps ──────────────────────────────────────────────────────────────────────────────────
  app.get('/gaps', (c) => {
    const station = stationOf(c)
    const from = today(c)
    const target = publishTarget(from, publishWeeks(db))
    const through = publishedThrough(db, station.id)
    const to = through && through > target ? through : target
    const now = clock.now().getTime()
    const gaps = stationRoster(db, station, from, to).filter((s) => s.gap && s.endsAt.getTime() > now)
    return renderPage(
      c,
      <GapsPage
        station={info(c)}
        from={from}
        to={to}
        gaps={gaps}
        defs={listSlotDefs(db, station.id)}
        people={peopleNames(
          db,
          gaps.flatMap((s) => (s.person ? [s.person] : [])),
        )}
      />,
    )
  })

  // ── fairness ──────────────────────────────────────────────────────────────────────────────
  app.get('/fairness', (c) => {
    const station = stationOf(c)
    const askedQuarter = c.req.query('quarter')
    const asked = askedQuarter ? parseQuarter(askedQuarter) : undefined
    if (asked === null) return rejectRequest(c, 400, 'error.invalidQuarter')
    const now = today(c)
    const year = asked ? asked.year : Number(now.slice(0, 4))
    const q = asked ? asked.quarter : Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1
    const months = [0, 1, 2].map((i) => `${year}-${String((q - 1) * 3 + i + 1).padStart(2, '0')}`)
    const slots = stationRoster(db, station, monthRange(months[0]!).first, monthRange(months[2]!).last)
    const participants = [...new Set(listRules(db, station.id).flatMap((r) => r.participants))]
    const { rows, gaps } = fairnessTable(slots, months, participants)
    const quarter = (y: number, n: number) => (n < 1 ? `${y - 1}-Q4` : n > 4 ? `${y + 1}-Q1` : `${y}-Q${n}`)
    return renderPage(
      c,
      <FairnessPage
        station={info(c)}
        quarter={`${year}-Q${q}`}
        prevQuarter={quarter(year, q - 1)}
        nextQuarter={quarter(year, q + 1)}
        months={months}
        rows={rows}
        gaps={gaps}
        people={peopleNames(
          db,
          rows.map((r) => r.person),
        )}
      />,
    )
  })

  // ── setup: publishing, slots, rotation versions ───────────────────────────────────────────
  const setupPage = (
    c: Context<AppEnv>,
    extra: { slotValues?: FormValues; slotErrors?: FieldErrors; problem?: string } = {},
    status: 200 | 422 = 200,
  ) => {
    const station = stationOf(c)
    const fc = firstChangeable(c)
    const rules = listRules(db, station.id)
    const weeks = publishWeeks(db)
    return renderPage(
      c,
      <SetupPage
        station={info(c)}
        firstChangeable={fc}
        publishedThrough={publishedThrough(db, station.id)}
        publishTarget={publishTarget(today(c), weeks)}
        weeks={weeks}
        defs={listSlotDefs(db, station.id)}
        rules={rules}
        people={peopleNames(
          db,
          rules.flatMap((r) => r.participants),
        )}
        slotValues={extra.slotValues ?? { validFrom: fc, weekdays: ['1', '2', '3', '4', '5'] }}
        slotErrors={extra.slotErrors}
        problem={extra.problem}
        notice={savedNotice(c)}
      />,
      status,
    )
  }

  app.get('/setup', (c) => setupPage(c))

  app.post('/publish', (c) => {
    const station = stationOf(c)
    const through = publishTarget(today(c), publishWeeks(db))
    const n = publishRoster(db, station, through, c.get('account')!.id, clock.now())
    return n === null ? back(c, '/setup', 'unchanged') : back(c, '/setup', `published&n=${n}`)
  })

  app.post('/publish-weeks', async (c) => {
    if (c.get('account')!.role !== 'admin') return rejectRequest(c, 403, 'error.forbidden.body')
    const parsed = parseForm(weeksForm, await readBody(c), c.get('i18n').t)
    if (!parsed.ok) return setupPage(c, { problem: parsed.errors.weeks }, 422)
    setPublishWeeks(db, parsed.data.weeks, c.get('account')!.id, clock.now())
    return back(c, '/setup')
  })

  app.post('/slots', async (c) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)
    const body = await readBody(c)
    const values = formValues(body)
    const parsed = parseForm(slotForm, body, t)
    if (!parsed.ok) return setupPage(c, { slotValues: values, slotErrors: parsed.errors }, 422)
    const d = parsed.data
    const existing = listSlotDefs(db, station.id).map((r) => ({
      code: r.code,
      start: r.startTime,
      end: r.endTime,
      weekdays: [],
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      sortOrder: r.sortOrder,
    }))
    const problems = checkSlotDef(d, existing, firstChangeable(c))
    if (Object.keys(problems).length)
      return setupPage(c, { slotValues: values, slotErrors: translate(problems, t) }, 422)
    insertSlotDef(db, station.id, d, c.get('account')!.id, clock.now())
    return back(c, '/setup')
  })

  app.post('/slots/:slotId/retire', async (c) => {
    const { t } = c.get('i18n')
    const def = listSlotDefs(db, stationOf(c).id).find((d) => d.id === idParam(c, 'slotId'))
    if (!def) return c.notFound()
    const parsed = parseForm(retireForm, await readBody(c), t)
    if (!parsed.ok) return setupPage(c, { problem: parsed.errors.until }, 422)
    if (parsed.data.until < addDays(firstChangeable(c), -1))
      return setupPage(c, { problem: t('roster.error.afterPublished') }, 422)
    retireSlotDef(db, def.id, parsed.data.until, c.get('account')!.id, clock.now())
    return back(c, '/setup')
  })

  // ── rotation versions, with a preview before saving ───────────────────────────────────────
  const ruleFormPage = (
    c: Context<AppEnv>,
    values: FormValues,
    extra: { errors?: FieldErrors; preview?: Parameters<typeof RuleFormPage>[0]['preview'] } = {},
    status: 200 | 422 = 200,
  ) => {
    const station = stationOf(c)
    const people = candidates(station.id)
    const previewPeople = extra.preview
      ? extra.preview.changes.flatMap((x) => [x.before, x.after]).filter((p): p is PersonKey => p !== null)
      : []
    const startPerson = extra.preview?.startsWith ? [extra.preview.startsWith] : []
    return renderPage(
      c,
      <RuleFormPage
        station={info(c)}
        firstChangeable={firstChangeable(c)}
        values={values}
        errors={extra.errors}
        candidates={people}
        defs={listSlotDefs(db, station.id)}
        people={peopleNames(db, [...previewPeople, ...startPerson])}
        preview={extra.preview}
      />,
      status,
    )
  }

  app.get('/rules/new', (c) => {
    const layer = Math.min(5, Math.max(1, parseWhole(c.req.query('layer')) ?? 1))
    const current = listRules(db, stationOf(c).id)
      .filter((r) => r.layer === layer)
      .at(-1)
    const fc = firstChangeable(c)
    const from = current && current.effectiveFrom >= fc ? addDays(current.effectiveFrom, 1) : fc
    return ruleFormPage(c, {
      layer: String(layer),
      effectiveFrom: from,
      unit: current?.unit ?? 'week',
      interval: String(current?.interval ?? 1),
      participants: [...(current?.participants ?? [])],
      slotCodes: [...(current?.slotCodes ?? [])],
      weekdays: (current?.weekdays ?? []).map(String),
    })
  })

  /** Parses and checks a rule version; on success, the version to save with its carried start. */
  const readRule = async (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)
    const body = await readBody(c)
    const values = formValues(body)
    const parsed = parseForm(ruleForm, body, t)
    if (!parsed.ok) return { ok: false as const, values, errors: parsed.errors }
    const d = parsed.data
    const allowed = new Set(candidates(station.id).map((p) => p.key))
    if (
      d.participants.some((p) => !isPersonKey(p) || !allowed.has(p)) ||
      d.participants.length > PARTICIPANT_PLACES
    )
      return { ok: false as const, values, errors: { participants: t('error.unknownChoice') } }
    const participants = d.participants as PersonKey[]
    const rules = listRules(db, station.id)
    const codes = listSlotDefs(db, station.id).map((s) => s.code)
    const problems = checkRuleVersion({ ...d, participants }, rules, codes, firstChangeable(c))
    if (Object.keys(problems).length) return { ok: false as const, values, errors: translate(problems, t) }
    const input = loadRosterInput(db, station)
    const startPosition = carriedStartPosition(input, d.layer, d.effectiveFrom, participants)
    const rule: RotationRule = {
      id: Number.MAX_SAFE_INTEGER,
      layer: d.layer,
      effectiveFrom: d.effectiveFrom,
      unit: d.unit,
      interval: d.interval,
      startPosition,
      slotCodes: d.slotCodes,
      weekdays: d.weekdays,
      participants,
    }
    return { ok: true as const, values, rule, input }
  }

  app.post('/rules/preview', async (c) => {
    const r = await readRule(c)
    if (!r.ok) return ruleFormPage(c, r.values, { errors: r.errors }, 422)
    const from = r.rule.effectiveFrom
    const to = addDays(from, 7 * publishWeeks(db) - 1)
    const before = generateRoster(r.input, from, to)
    const after = generateRoster({ ...r.input, rules: [...r.input.rules, r.rule] }, from, to)
    const hasPrevious = r.input.rules.some((x) => x.layer === r.rule.layer)
    return ruleFormPage(c, r.values, {
      preview: {
        startsWith: hasPrevious ? r.rule.participants[r.rule.startPosition]! : null,
        changes: diffRosters(before, after),
        from,
        to,
      },
    })
  })

  app.post('/rules', async (c) => {
    const r = await readRule(c)
    if (!r.ok) return ruleFormPage(c, r.values, { errors: r.errors }, 422)
    insertRuleVersion(db, stationOf(c).id, r.rule, c.get('account')!.id, clock.now())
    return back(c, '/setup')
  })

  app.post('/rules/:ruleId/delete', (c) => {
    const rule = listRules(db, stationOf(c).id).find((r) => r.id === idParam(c, 'ruleId'))
    if (!rule) return c.notFound()
    if (rule.effectiveFrom < firstChangeable(c))
      return setupPage(c, { problem: c.get('i18n').t('roster.error.ruleInEffect') }, 422)
    deleteRuleVersion(db, rule.id, c.get('account')!.id, clock.now())
    return back(c, '/setup', 'removed')
  })

  // ── overrides ─────────────────────────────────────────────────────────────────────────────
  const overridesPage = (
    c: Context<AppEnv>,
    values: FormValues,
    extra: { errors?: FieldErrors; problem?: string } = {},
    status: 200 | 422 = 200,
  ) => {
    const station = stationOf(c)
    const overrides = listOverrides(db, station.id, addDays(today(c), -31))
    return renderPage(
      c,
      <OverridesPage
        station={info(c)}
        overrides={overrides.map((o) => ({
          id: o.id,
          from: o.fromDate,
          to: o.toDate,
          codes: o.codes,
          person: o.person,
        }))}
        defs={listSlotDefs(db, station.id)}
        people={peopleNames(
          db,
          overrides.map((o) => o.person),
        )}
        candidates={candidates(station.id)}
        values={values}
        errors={extra.errors}
        problem={extra.problem}
        notice={savedNotice(c)}
      />,
      status,
    )
  }

  app.get('/overrides', (c) => {
    const asked = queryDate(c.req.query('from'))
    if (asked === null) return rejectRequest(c, 400, 'error.invalidDate')
    const from = asked ?? today(c)
    const code = c.req.query('code')
    return overridesPage(c, { from, to: from, slotCodes: code ? [code] : [] })
  })

  app.post('/overrides', async (c) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)
    const body = await readBody(c)
    const values = formValues(body)
    const parsed = parseForm(overrideForm, body, t)
    if (!parsed.ok) return overridesPage(c, values, { errors: parsed.errors }, 422)
    const o = parsed.data
    const errors: FieldErrors = {}
    if (o.to < o.from) errors.to = t('roster.error.toBeforeFrom')
    const codes = new Set(listSlotDefs(db, station.id).map((d) => d.code))
    if (o.slotCodes.some((x) => !codes.has(x))) errors.slotCodes = t('roster.error.unknownSlot')
    if (!candidates(station.id).some((p) => p.key === o.person)) errors.person = t('error.unknownChoice')
    if (Object.keys(errors).length) return overridesPage(c, values, { errors }, 422)
    const saved = insertOverride(db, station.id, o, c.get('account')!.id, clock.now())
    if (!saved.ok) {
      const clash = saved.clash
      const problem = clash
        ? t('roster.error.overrideOverlapWith', { from: clash.from, to: clash.to })
        : t('roster.error.overrideOverlap')
      return overridesPage(c, values, { errors: { from: t('roster.error.overrideOverlap') }, problem }, 422)
    }
    return back(c, '/overrides')
  })

  app.post('/overrides/:oid/remove', (c) => {
    const ok = removeOverride(db, stationOf(c).id, idParam(c, 'oid') ?? 0, c.get('account')!.id, clock.now())
    return ok ? back(c, '/overrides', 'removed') : c.notFound()
  })

  // ── absences ──────────────────────────────────────────────────────────────────────────────
  const absencesPage = (
    c: Context<AppEnv>,
    values: FormValues,
    errors?: FieldErrors,
    status: 200 | 422 = 200,
  ) => {
    const people = candidates(stationOf(c).id)
    const absences = listAbsences(
      db,
      people.map((p) => p.key),
      today(c),
    )
    return renderPage(
      c,
      <AbsencesPage
        station={info(c)}
        absences={absences}
        people={new Map(people.map((p) => [p.key, p]))}
        candidates={people}
        values={values}
        errors={errors}
        notice={savedNotice(c)}
      />,
      status,
    )
  }

  app.get('/absences', (c) => absencesPage(c, { from: today(c), to: today(c) }))

  app.post('/absences', async (c) => {
    const { t } = c.get('i18n')
    const body = await readBody(c)
    const values = formValues(body)
    const parsed = parseForm(absenceForm, body, t)
    if (!parsed.ok) return absencesPage(c, values, parsed.errors, 422)
    const a = parsed.data
    const errors: FieldErrors = {}
    if (a.to < a.from) errors.to = t('roster.error.toBeforeFrom')
    if (!candidates(stationOf(c).id).some((p) => p.key === a.person)) errors.person = t('error.unknownChoice')
    if (Object.keys(errors).length) return absencesPage(c, values, errors, 422)
    insertAbsence(db, a, c.get('account')!.id, clock.now())
    return back(c, '/absences')
  })

  app.post('/absences/:aid/cancel', (c) => {
    const absence = findAbsence(db, idParam(c, 'aid') ?? 0)
    if (!absence || !candidates(stationOf(c).id).some((p) => p.key === absence.person)) return c.notFound()
    cancelAbsence(db, absence.id, c.get('account')!.id, clock.now())
    return back(c, '/absences', 'removed')
  })

  // ── swaps ─────────────────────────────────────────────────────────────────────────────────
  const swapsPage = (c: Context<AppEnv>, problem?: string, status: 200 | 403 | 409 | 422 = 200) => {
    const station = stationOf(c)
    const defs = listSlotDefs(db, station.id)
    const now = clock.now()
    const swaps = listSwaps(db, { stationId: station.id, since: addDays(today(c), -31) }).map((s) => {
      const starts = slotStartsAt(defs, station.timeZone, s.date, s.slotCode)
      return { ...s, status: starts ? swapStatusAt(s.status, starts, now) : s.status }
    })
    return renderPage(
      c,
      <SwapsPage
        station={info(c)}
        swaps={swaps}
        defs={defs}
        people={peopleNames(
          db,
          swaps.flatMap((s) => (s.to ? [s.from, s.to] : [s.from])),
        )}
        viewer={keysOfAccount(c.get('account')!)}
        notice={savedNotice(c)}
        problem={problem}
      />,
      status,
    )
  }

  app.get('/swaps', (c) => swapsPage(c))

  const decide = (to: 'approved' | 'declined') => (c: Context<AppEnv>) => {
    const { t } = c.get('i18n')
    const station = stationOf(c)
    const swap = findSwap(db, idParam(c, 'sid') ?? 0)
    if (!swap || swap.stationId !== station.id) return c.notFound()
    const starts = slotStartsAt(listSlotDefs(db, station.id), station.timeZone, swap.date, swap.slotCode)
    const now = clock.now()
    if (!starts || swapStatusAt(swap.status, starts, now) !== 'taken')
      return swapsPage(c, t('roster.error.swapNotWaiting'), 409)
    if (to === 'approved') {
      const own = checkSwapApproval(swap, c.get('account')!).swap
      if (own) return swapsPage(c, t(own), 403)
    }
    if (to === 'approved' && swap.to) {
      const absences = new AbsenceIndex(
        listAbsences(db, [swap.to]).map((a) => ({ person: a.person, from: a.fromDate, to: a.toDate })),
      )
      if (absences.isAbsent(swap.to, swap.date)) return swapsPage(c, t('roster.error.takerAbsent'), 422)
    }
    if (!moveSwap(db, swap.id, 'taken', to, c.get('account')!.id, now))
      return swapsPage(c, t('roster.error.swapNotWaiting'), 409)
    return back(c, '/swaps', to)
  }
  app.post('/swaps/:sid/approve', decide('approved'))
  app.post('/swaps/:sid/decline', decide('declined'))

  return app
}
