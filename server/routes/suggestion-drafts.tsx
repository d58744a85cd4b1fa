import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { SUGGESTION_KINDS, SUGGESTION_STATUSES, type SuggestionKind } from '../../db/enums.ts'
import { findConcernById } from '../../db/queries/concerns.ts'
import { homeStationDeputies } from '../../db/queries/deputies.ts'
import { activeUnits } from '../../db/queries/followup.ts'
import { listStations } from '../../db/queries/stations.ts'
import { suggestionEvidence } from '../../db/queries/suggestion-finder.ts'
import {
  cosignCandidates,
  type SuggestionListRow,
  suggestionsCosignedBy,
  suggestionsLedBy,
  suggestionsOfStations,
} from '../../db/queries/suggestion-lists.ts'
import { suggestionQualityReport } from '../../db/queries/suggestion-quality.ts'
import {
  loadSuggestion,
  type SuggestionUnitInput,
  type SuggestionView,
  suggestionRef,
} from '../../db/queries/suggestions.ts'
import { type MessageKey, makeI18n } from '../../views/i18n/index.ts'
import {
  EditSuggestionPage,
  type EditValues,
  editValuesOf,
} from '../../views/pages/suggestions/edit-page.tsx'
import { HANDLING_STEPS, type HandlingStep } from '../../views/pages/suggestions/handling-panel.tsx'
import {
  DeputySuggestionsPage,
  STAFF_GROUP_OF,
  type StaffGroup,
  StaffSuggestionsPage,
} from '../../views/pages/suggestions/list-page.tsx'
import { type NewDraftValues, NewSuggestionPage } from '../../views/pages/suggestions/new-page.tsx'
import type { SuggestionListItem } from '../../views/pages/suggestions/suggestion-parts.tsx'
import { suggestionTemplate } from '../../views/pages/suggestions/suggestion-template.ts'
import { renderPage } from '../../views/render.tsx'
import type { AppDeps } from '../deps.ts'
import type { Account } from '../domain/account.ts'
import { maySeeConcern } from '../domain/concern-follow-up.ts'
import {
  isStreetOffice,
  mayActAsLead,
  mayEditSuggestion,
  maySeeSuggestion,
} from '../domain/suggestion-access.ts'
import { isEditableSuggestion, nextSuggestionStatus } from '../domain/suggestion-lifecycle.ts'
import { type QualityReport, SUGGESTION_LIMITS } from '../domain/suggestion-quality.ts'
import type { AppEnv } from '../env.ts'
import {
  answerCosign,
  changeConcernLinks,
  changeCosigner,
  createDraft,
  type DraftingFailure,
  saveDraft,
  scopeOf,
  submitSuggestion,
  withdrawSuggestion,
} from '../events/suggestion-drafting.ts'
import { readForm } from '../middleware/form-body.ts'
import { rejectRequest } from '../middleware/reject.tsx'
import { f, idParam, parseForm, parseId } from '../validation.ts'
import { stationClock } from './followup-shared.ts'
import { dueOf, suggestionDetailRenderer } from './suggestion-detail.tsx'

const L = SUGGESTION_LIMITS

type Refusal = { refused: ReturnType<typeof rejectRequest> }

const FAILURE: Record<DraftingFailure, [403 | 404 | 409 | 422, MessageKey]> = {
  not_found: [404, 'suggestionDraft.error.notFound'],
  forbidden: [403, 'suggestionDraft.error.forbidden'],
  not_allowed: [409, 'suggestionDraft.error.notAllowed'],
  stale: [409, 'suggestionDraft.error.stale'],
  concern_out_of_scope: [422, 'suggestionDraft.error.outOfScope'],
  unknown_unit: [422, 'suggestionDraft.error.unknownUnit'],
  unknown_deputy: [422, 'suggestionDraft.error.unknownDeputy'],
  lead_as_cosigner: [422, 'suggestionDraft.error.leadAsCosigner'],
  not_invited: [403, 'suggestionDraft.error.notInvited'],
}

const kindField = z.enum(SUGGESTION_KINDS, { message: 'error.unknownChoice' })

const newForm = z.object({
  kind: kindField,
  title: f.optionalText(L.titleMax),
  problem: f.optionalText(L.problemMax),
  causes: f.optionalText(L.causesMax),
  leadDeputy: f.optionalId(),
  concern: f.optionalId(),
})

const actionFields = Object.fromEntries(
  Array.from({ length: L.actionsMax }, (_, i) => [
    [`action-${i + 1}`, f.optionalText(L.actionMax)],
    [`actor-${i + 1}`, f.optionalText(L.actorMax)],
  ]).flat(),
)

const editForm = z.object({
  version: f.whole(0, 1_000_000_000),
  kind: kindField,
  title: f.optionalText(L.titleMax),
  problem: f.optionalText(L.problemMax),
  causes: f.optionalText(L.causesMax),
  noEvidenceReason: f.optionalText(L.noEvidenceReasonMax),
  urgent: f.checkbox(),
  leadUnit: f.optionalId(),
  assistUnits: f.ids(),
  intent: z.enum(['save', 'more', 'submit']).optional(),
})
const actionsForm = z.object(actionFields)

const linkForm = z.object({ link: f.ids(), unlink: f.ids() })
const cosignerForm = z.object({ deputy: f.id('suggestionDraft.error.unknownDeputy'), remove: f.checkbox() })
const cosignForm = z.object({
  answer: z.enum(['confirm', 'decline']),
  back: z.enum(['list', 'detail']).optional(),
})

/** A form's text values as typed (first value of a repeated name), to show them again. */
const typed = (body: Record<string, unknown>, key: string, max = 4000) => {
  const v = body[key]
  return typeof v === 'string' ? v.slice(0, max) : ''
}
const typedList = (body: Record<string, unknown>, key: string) => {
  const v = body[key]
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').slice(0, 100)
}

/** Suggestions (issue 18): the list, drafting, co-signing, submitting and the suggestion's page. */
export function suggestionDraftRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  /** Notices (co-sign invitations, the office's "to review") are written in the deployment's language. */
  const noticeT = makeI18n(deps.config.defaultLocale).t

  const qualityOf = (s: SuggestionView): QualityReport => suggestionQualityReport(db, s)

  const listItems = (rows: SuggestionListRow[]): SuggestionListItem[] => {
    const sc = stationClock(db, clock.now())
    return rows.map((r) => ({
      id: r.id,
      ref: suggestionRef(r),
      title: r.title,
      leadDeputyName: r.leadDeputyName,
      status: r.status,
      due: dueOf(r, sc.today(r.stationId)),
    }))
  }

  app.get('/suggestions', (c) => {
    const account = c.get('account')!
    const { t } = c.get('i18n')
    const done = c.req.query('done')
    const notice = done === 'answered' ? t('suggestionDraft.cosign.answered') : undefined
    if (account.role === 'deputy' && account.deputyId !== null) {
      const order = (s: SuggestionListItem) =>
        (isEditableSuggestion(s.status) ? 0 : 100) + SUGGESTION_STATUSES.indexOf(s.status)
      const led = listItems(suggestionsLedBy(db, account.deputyId)).sort((a, b) => order(a) - order(b))
      const cosigned = suggestionsCosignedBy(db, account.deputyId)
      const answerable = (r: (typeof cosigned)[number]) =>
        r.cosignState === 'invited' && nextSuggestionStatus(r.status, { move: 'withdraw' }) !== null
      return renderPage(
        c,
        <DeputySuggestionsPage
          led={led}
          invitations={listItems(cosigned.filter(answerable))}
          cosigned={listItems(cosigned.filter((r) => r.cosignState === 'confirmed'))}
          notice={notice}
        />,
      )
    }
    const rows = listItems(
      suggestionsOfStations(db, account.role === 'admin' ? undefined : account.stationIds),
    )
    const order: StaffGroup[] = isStreetOffice(account)
      ? ['submitted', 'handling', 'replied', 'drafts', 'closed', 'withdrawn']
      : ['drafts', 'submitted', 'handling', 'replied', 'closed', 'withdrawn']
    const groups = order.map((group) => ({
      group,
      rows: rows
        .filter((r) => STAFF_GROUP_OF[r.status] === group)
        .sort((a, b) => Number(b.due?.overdue ?? false) - Number(a.due?.overdue ?? false)),
    }))
    return renderPage(c, <StaffSuggestionsPage groups={groups} notice={notice} />)
  })

  /** Deputies staff may start a draft for: those whose home station they act for. */
  const draftableDeputies = (account: Account) =>
    account.role === 'deputy'
      ? null
      : listStations(db, account.role === 'admin' ? undefined : account.stationIds).flatMap((s) =>
          homeStationDeputies(db, s.id),
        )

  /** The concern a new draft starts from, when the account may see it. */
  const startingConcern = (account: Account, raw: string | undefined) => {
    const id = parseId(raw)
    const concern = id ? findConcernById(db, id) : undefined
    return concern && maySeeConcern(account, concern)
      ? { id: concern.id, trackingCode: concern.trackingCode }
      : null
  }

  const newPage = (
    c: Context<AppEnv>,
    kind: SuggestionKind | null,
    concern: { id: number; trackingCode: string } | null,
    values: NewDraftValues,
    opts: { errors?: Record<string, string>; message?: string } = {},
    status: 200 | 403 | 422 = 200,
  ) =>
    renderPage(
      c,
      <NewSuggestionPage
        kind={kind}
        concern={concern}
        deputies={draftableDeputies(c.get('account')!)}
        values={values}
        limits={L}
        {...opts}
      />,
      status,
    )

  app.get('/suggestions/new', (c) => {
    const account = c.get('account')!
    const kind = kindField.safeParse(c.req.query('kind'))
    const concern = startingConcern(account, c.req.query('concern'))
    if (!kind.success)
      return newPage(c, null, concern, { title: '', problem: '', causes: '', leadDeputy: '' })
    const template = suggestionTemplate(c.get('i18n').t, kind.data)
    const leadDeputy = concern ? String(findConcernById(db, concern.id)?.deputyId ?? '') : ''
    return newPage(c, kind.data, concern, { ...template, leadDeputy })
  })

  app.post('/suggestions/new', async (c) => {
    const account = c.get('account')!
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const kindTyped = kindField.safeParse(body.kind)
    const kind = kindTyped.success ? kindTyped.data : null
    const concern = startingConcern(account, typeof body.concern === 'string' ? body.concern : undefined)
    const values = {
      title: typed(body, 'title'),
      problem: typed(body, 'problem'),
      causes: typed(body, 'causes'),
      leadDeputy: typed(body, 'leadDeputy', 20),
    }
    const parsed = parseForm(newForm, body, t)
    const refuse = (errors: Record<string, string>, message: string, status: 403 | 422 = 422) =>
      newPage(c, kind ?? 'other', concern, values, { errors, message }, status)
    if (!parsed.ok) return refuse(parsed.errors, t('suggestionDraft.error.form'))
    const d = parsed.data
    const leadDeputyId = account.role === 'deputy' ? account.deputyId : (d.leadDeputy ?? null)
    if (leadDeputyId === null)
      return refuse({ leadDeputy: t('suggestionDraft.error.unknownDeputy') }, t('suggestionDraft.error.form'))
    if (d.concern !== undefined && concern?.id !== d.concern)
      return refuse({}, t('suggestionDraft.error.outOfScope'))
    const template = suggestionTemplate(t, d.kind)
    const result = createDraft(
      db,
      account,
      leadDeputyId,
      {
        kind: d.kind,
        title: d.title,
        problem: d.problem,
        causes: d.causes,
        actions: template.actions.filter((a) => a.text.trim() !== ''),
        concernIds: d.concern ? [d.concern] : [],
      },
      clock.now(),
    )
    if (!result.ok) {
      if (result.reason === 'unknown_deputy')
        return refuse(
          { leadDeputy: t('suggestionDraft.error.unknownDeputy') },
          t('suggestionDraft.error.form'),
        )
      if (result.reason === 'concern_out_of_scope') return refuse({}, t('suggestionDraft.error.outOfScope'))
      return refuse({}, t('suggestionDraft.error.forbidden'), 403)
    }
    return c.redirect(`/suggestions/${result.suggestion.id}/edit`, 303)
  })

  /** The suggestion of the path, when the account may see it; otherwise the refusal to answer with. */
  const visible = (c: Context<AppEnv>): SuggestionView | Refusal => {
    const id = idParam(c)
    const s = id ? loadSuggestion(db, id) : undefined
    if (!s) return { refused: rejectRequest(c, 404, 'suggestionDraft.error.notFound') }
    if (!maySeeSuggestion(c.get('account')!, scopeOf(s)))
      return { refused: rejectRequest(c, 403, 'suggestionDraft.error.forbidden') }
    return s
  }

  const editPage = (
    c: Context<AppEnv>,
    s: SuggestionView,
    opts: { values?: EditValues; errors?: Record<string, string>; message?: string; notice?: string } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const account = c.get('account')!
    const { name } = c.get('i18n')
    return renderPage(
      c,
      <EditSuggestionPage
        suggestion={s}
        values={opts.values ?? editValuesOf(s)}
        units={activeUnits(db).map((u) => ({ id: u.id, name: name(u) }))}
        deputies={cosignCandidates(db, s.leadDeputyId)}
        report={qualityOf(s)}
        evidence={suggestionEvidence(db, s.concerns)}
        limits={L}
        mayLead={mayActAsLead(account, scopeOf(s))}
        errors={opts.errors}
        message={opts.message}
        notice={opts.notice}
      />,
      status,
    )
  }

  /** The suggestion of the path, when the account may edit it now. */
  const editableOf = (c: Context<AppEnv>): SuggestionView | Refusal => {
    const s = visible(c)
    if ('refused' in s) return s
    const account = c.get('account')!
    if (mayEditSuggestion(account, scopeOf(s))) return s
    return {
      refused: mayEditSuggestion(account, { ...scopeOf(s), status: 'draft' })
        ? rejectRequest(c, 409, 'suggestionDraft.error.notAllowed')
        : rejectRequest(c, 403, 'suggestionDraft.error.forbidden'),
    }
  }

  const detailPage = suggestionDetailRenderer(deps)

  const DONE: Record<string, MessageKey> = {
    withdrawn: 'suggestionDraft.withdraw.done',
    answered: 'suggestionDraft.cosign.answered',
  }

  app.get('/suggestions/:id{[0-9]+}', (c) => {
    const s = visible(c)
    if ('refused' in s) return s.refused
    const { t } = c.get('i18n')
    const done = c.req.query('done') ?? ''
    const ref = suggestionRef(s)
    const notice =
      done === 'submitted' && ref
        ? t('suggestionDraft.submit.done', { ref })
        : Object.hasOwn(DONE, done)
          ? t(DONE[done]!)
          : undefined
    const handled = HANDLING_STEPS.includes(done as HandlingStep)
    return detailPage(c, s, { notice, handlingNotice: handled ? t('suggestionHandling.saved') : undefined })
  })

  app.get('/suggestions/:id{[0-9]+}/edit', (c) => {
    const s = editableOf(c)
    if ('refused' in s) return s.refused
    const q = c.req.query()
    const notice = q.saved
      ? c.get('i18n').t('suggestionDraft.edit.saved')
      : q.invited
        ? c.get('i18n').t('suggestionDraft.cosigners.invited')
        : q.linked
          ? c.get('i18n').t('suggestionDraft.concerns.linked')
          : undefined
    return editPage(c, s, { notice })
  })

  app.post('/suggestions/:id{[0-9]+}/edit', async (c) => {
    const s = editableOf(c)
    if ('refused' in s) return s.refused
    const account = c.get('account')!
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const values: EditValues = {
      title: typed(body, 'title'),
      kind: typed(body, 'kind', 40),
      problem: typed(body, 'problem'),
      causes: typed(body, 'causes'),
      noEvidenceReason: typed(body, 'noEvidenceReason'),
      urgent: body.urgent === 'on',
      leadUnit: typed(body, 'leadUnit', 20),
      assistUnits: typedList(body, 'assistUnits'),
      version: String(s.version),
      actions: Array.from({ length: L.actionsMax }, (_, i) => ({
        text: typed(body, `action-${i + 1}`),
        actor: typed(body, `actor-${i + 1}`),
      })),
    }
    const parsed = parseForm(editForm, body, t)
    const parsedActions = parseForm(actionsForm, body, t)
    if (!parsedActions.ok)
      return editPage(
        c,
        s,
        {
          values,
          errors: { actions: Object.values(parsedActions.errors)[0] ?? '' },
          message: t('suggestionDraft.error.form'),
        },
        422,
      )
    if (!parsed.ok)
      return editPage(c, s, { values, errors: parsed.errors, message: t('suggestionDraft.error.form') }, 422)
    const d = parsed.data
    const typedActions: Record<string, unknown> = parsedActions.data
    const actions = Array.from({ length: L.actionsMax }, (_, i) => ({
      text: String(typedActions[`action-${i + 1}`] ?? ''),
      actor: String(typedActions[`actor-${i + 1}`] ?? ''),
    }))
    if (actions.some((a) => a.text === '' && a.actor !== ''))
      return editPage(
        c,
        s,
        {
          values,
          errors: { actions: t('suggestionDraft.error.actionText') },
          message: t('suggestionDraft.error.form'),
        },
        422,
      )
    const proposedUnits: SuggestionUnitInput[] = [
      ...(d.leadUnit ? [{ unitId: d.leadUnit, role: 'lead' as const }] : []),
      ...d.assistUnits.filter((u) => u !== d.leadUnit).map((unitId) => ({ unitId, role: 'assist' as const })),
    ]
    const now = clock.now()
    const saved = saveDraft(
      db,
      account,
      s.id,
      d.version,
      {
        fields: {
          kind: d.kind,
          title: d.title,
          problem: d.problem,
          causes: d.causes,
          noEvidenceReason: d.noEvidenceReason,
          urgent: d.urgent,
        },
        actions: actions.filter((a) => a.text !== ''),
        proposedUnits,
      },
      now,
    )
    if (!saved.ok) {
      const [status, key] = FAILURE[saved.reason]
      if (status === 422)
        return editPage(
          c,
          s,
          { values, errors: { leadUnit: t(key) }, message: t('suggestionDraft.error.form') },
          422,
        )
      if (saved.reason === 'stale') {
        // Show what this person typed over the newer version; saving again overwrites it knowingly.
        const fresh = loadSuggestion(db, s.id) ?? s
        return editPage(
          c,
          fresh,
          { values: { ...values, version: String(fresh.version) }, message: t(key) },
          409,
        )
      }
      return rejectRequest(c, status, key)
    }
    // A helper who is not the lead deputy cannot submit: their "submit" only saves.
    if (d.intent === 'submit' && mayActAsLead(account, scopeOf(s))) return submitAndAnswer(c, s.id, 'edit')
    return c.redirect(`/suggestions/${s.id}/edit?saved=1${d.intent === 'more' ? '#actions' : ''}`, 303)
  })

  /** Submits for the lead deputy; a refusal by the checklist re-renders the page it came from. */
  const submitAndAnswer = (c: Context<AppEnv>, id: number, from: 'edit' | 'detail') => {
    const { t } = c.get('i18n')
    const result = submitSuggestion(db, c.get('account')!, id, qualityOf, noticeT, clock.now())
    if (result.ok) return c.redirect(`/suggestions/${id}?done=submitted`, 303)
    if (result.reason === 'quality') {
      const fresh = loadSuggestion(db, id)!
      const message = t('suggestionDraft.submit.refused')
      return from === 'edit'
        ? editPage(c, fresh, { message }, 422)
        : detailPage(c, fresh, { message, report: result.report }, 422)
    }
    const [status, key] = FAILURE[result.reason]
    return rejectRequest(c, status, key)
  }

  app.post('/suggestions/:id{[0-9]+}/submit', async (c) => {
    const s = visible(c)
    if ('refused' in s) return s.refused
    await readForm(c)
    return submitAndAnswer(c, s.id, 'detail')
  })

  app.post('/suggestions/:id{[0-9]+}/withdraw', async (c) => {
    const s = visible(c)
    if ('refused' in s) return s.refused
    await readForm(c)
    const result = withdrawSuggestion(db, c.get('account')!, s.id, clock.now())
    if (!result.ok) return rejectRequest(c, ...FAILURE[result.reason])
    return c.redirect(`/suggestions/${s.id}?done=withdrawn`, 303)
  })

  app.post('/suggestions/:id{[0-9]+}/concerns', async (c) => {
    const s = editableOf(c)
    if ('refused' in s) return s.refused
    const { t } = c.get('i18n')
    const parsed = parseForm(linkForm, await readForm(c), t)
    if (!parsed.ok || parsed.data.link.length + parsed.data.unlink.length === 0)
      return editPage(c, s, { message: t('suggestionDraft.error.nothingToLink') }, 422)
    const result = changeConcernLinks(db, c.get('account')!, s.id, parsed.data, clock.now())
    if (!result.ok) {
      const [status, key] = FAILURE[result.reason]
      return status === 422 ? editPage(c, s, { message: t(key) }, 422) : rejectRequest(c, status, key)
    }
    return c.redirect(`/suggestions/${s.id}/edit?linked=1#suggestion-concerns`, 303)
  })

  app.post('/suggestions/:id{[0-9]+}/cosigners', async (c) => {
    const s = editableOf(c)
    if ('refused' in s) return s.refused
    const { t } = c.get('i18n')
    const parsed = parseForm(cosignerForm, await readForm(c), t)
    if (!parsed.ok) return editPage(c, s, { message: t('suggestionDraft.error.unknownDeputy') }, 422)
    const { deputy, remove } = parsed.data
    const result = changeCosigner(
      db,
      c.get('account')!,
      s.id,
      { deputyId: deputy, remove },
      noticeT,
      clock.now(),
    )
    if (!result.ok) {
      const [status, key] = FAILURE[result.reason]
      return status === 422 ? editPage(c, s, { message: t(key) }, 422) : rejectRequest(c, status, key)
    }
    return c.redirect(`/suggestions/${s.id}/edit?invited=1#suggestion-cosigners`, 303)
  })

  app.post('/suggestions/:id{[0-9]+}/cosign', async (c) => {
    const s = visible(c)
    if ('refused' in s) return s.refused
    const { t } = c.get('i18n')
    const parsed = parseForm(cosignForm, await readForm(c), t)
    if (!parsed.ok) return detailPage(c, s, { message: t('suggestionDraft.error.form') }, 422)
    const answer = parsed.data.answer === 'confirm' ? 'confirmed' : 'declined'
    const result = answerCosign(db, c.get('account')!, s.id, answer, clock.now())
    if (!result.ok) return rejectRequest(c, ...FAILURE[result.reason])
    return parsed.data.back === 'list'
      ? c.redirect('/suggestions?done=answered', 303)
      : c.redirect(`/suggestions/${s.id}?done=answered`, 303)
  })

  return app
}
