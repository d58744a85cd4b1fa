import { type Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'
import { REPLY_GRADES, VERDICTS } from '../../db/enums.ts'
import { loadSuggestion } from '../../db/queries/suggestions.ts'
import type { MessageKey } from '../../views/i18n/index.ts'
import {
  HANDLING_NOTE_MAX,
  HANDLING_REPLY_MAX,
  type HandlingForm,
  type HandlingStep,
} from '../../views/pages/suggestions/handling-panel.tsx'
import type { AppDeps } from '../deps.ts'
import { looksLikePhone } from '../domain/masking.ts'
import { maySeeSuggestion } from '../domain/suggestion-access.ts'
import type { AppEnv } from '../env.ts'
import {
  acceptSuggestion,
  assignSuggestion,
  giveSuggestionVerdict,
  type HandlingFailure,
  type HandlingResult,
  recordUnitReply,
  returnSuggestion,
} from '../events/suggestion-handling.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, idParam, parseForm } from '../validation.ts'
import { suggestionDetailRenderer } from './suggestion-detail.tsx'

/** Words relayed to residents must not carry a phone number. */
const publicText = (max: number) =>
  f.text(max).refine((s) => !looksLikePhone(s), 'followup.error.phoneInText')

const FORMS = {
  accept: z.object({}),
  return: z.object({ returnReason: f.text(HANDLING_NOTE_MAX) }),
  assign: z.object({
    leadUnit: f.id(),
    assistUnits: f.ids(),
    urgent: f.checkbox(),
    dueOn: z
      .union([z.literal(''), f.date()])
      .optional()
      .transform((v) => v || null),
  }),
  reply: z.object({
    unit: f.id(),
    grade: z.enum(REPLY_GRADES, { message: 'followup.error.grade' }),
    replyText: publicText(HANDLING_REPLY_MAX),
    repliedOn: f.date(),
  }),
  verdict: z.object({
    verdict: z.enum(VERDICTS, { message: 'followup.error.verdict' }),
    verdictNote: f.optionalText(HANDLING_NOTE_MAX),
  }),
} satisfies Record<HandlingStep, z.ZodType>

/** HTTP status and message of a refused step; a field the message belongs to, if any. */
const FAILURE: Record<HandlingFailure, [ContentfulStatusCode, MessageKey, string?]> = {
  not_found: [404, 'suggestionHandling.error.notFound'],
  forbidden: [403, 'suggestionHandling.error.forbidden'],
  not_allowed: [409, 'suggestionHandling.error.notAllowed'],
  changed: [409, 'suggestionHandling.error.changed'],
  unknown_unit: [422, 'suggestionHandling.error.unknownUnit', 'leadUnit'],
  not_assigned_unit: [422, 'suggestionHandling.error.notAssignedUnit', 'unit'],
  already_replied: [409, 'suggestionHandling.error.alreadyReplied', 'unit'],
  replies_started: [409, 'suggestionHandling.error.repliesStarted'],
  reply_future: [422, 'suggestionHandling.error.replyFuture', 'repliedOn'],
  due_past: [422, 'suggestionHandling.error.duePast', 'dueOn'],
  due_off: [422, 'suggestionHandling.error.dueOff', 'dueOn'],
}

/**
 * The street office's steps on a suggestion (accept, return, assign, record a unit's reply) and
 * the lead deputy's verdict (issue 18 item 4). Success goes back to the suggestion's page; a
 * refusal re-renders the handling with its message and everything typed.
 */
export function suggestionHandlingRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const handlingDeps = { db, locale: deps.config.defaultLocale }

  const detailPage = suggestionDetailRenderer(deps)
  const rerender = (c: Context<AppEnv>, id: number, form: HandlingForm, status: ContentfulStatusCode) => {
    const s = loadSuggestion(db, id)
    if (!s) return rejectRequest(c, 404, 'suggestionHandling.error.notFound')
    return detailPage(c, s, { handlingForm: form }, status)
  }

  const route = <S extends HandlingStep>(
    step: S,
    run: (id: number, data: z.output<(typeof FORMS)[S]>, c: Context<AppEnv>) => HandlingResult,
  ) =>
    app.post(`/suggestions/:id{[0-9]+}/${step}`, async (c) => {
      const id = idParam(c) ?? 0
      const account = c.get('account')!
      const s = loadSuggestion(db, id)
      if (!s) return rejectRequest(c, 404, 'suggestionHandling.error.notFound')
      if (!maySeeSuggestion(account, { ...s, cosignerIds: s.cosigners.map((x) => x.deputyId) }))
        return rejectRequest(c, 403, 'suggestionHandling.error.forbidden')
      const { t } = c.get('i18n')
      const body = await readForm(c, { all: true })
      const values = Object.fromEntries(
        Object.entries(body).flatMap(([k, v]) =>
          k === '_csrf'
            ? []
            : [[k, Array.isArray(v) ? v.map((x) => String(x).slice(0, 2000)) : String(v).slice(0, 2000)]],
        ),
      ) as Record<string, string | string[]>
      const single = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, Array.isArray(v) && k !== 'assistUnits' ? v[0] : v]),
      )
      const parsed = parseForm(FORMS[step], single, t)
      if (!parsed.ok)
        return rerender(
          c,
          id,
          { step, message: t('suggestionHandling.error.form'), fields: parsed.errors, values },
          422,
        )
      const result = run(id, parsed.data as z.output<(typeof FORMS)[S]>, c)
      if (!result.ok) {
        const [status, key, field] = FAILURE[result.reason]
        if (status === 404 || status === 403) return rejectRequest(c, status, key)
        return rerender(
          c,
          id,
          { step, message: t(key), fields: field ? { [field]: t(key) } : {}, values },
          status,
        )
      }
      return c.redirect(`/suggestions/${id}?done=${step}#suggestion-handling`, 303)
    })

  const who = (c: Context<AppEnv>) => c.get('account')!
  route('accept', (id, _d, c) => acceptSuggestion(handlingDeps, who(c), id, clock.now()))
  route('return', (id, d, c) => returnSuggestion(handlingDeps, who(c), id, d.returnReason, clock.now()))
  route('assign', (id, d, c) =>
    assignSuggestion(
      handlingDeps,
      who(c),
      id,
      { leadUnitId: d.leadUnit, assistUnitIds: d.assistUnits, urgent: d.urgent, dueOn: d.dueOn },
      clock.now(),
    ),
  )
  route('reply', (id, d, c) =>
    recordUnitReply(
      handlingDeps,
      who(c),
      id,
      { unitId: d.unit, grade: d.grade, text: d.replyText, repliedOn: d.repliedOn },
      clock.now(),
    ),
  )
  route('verdict', (id, d, c) =>
    giveSuggestionVerdict(handlingDeps, who(c), id, { verdict: d.verdict, note: d.verdictNote }, clock.now()),
  )
  return app
}
