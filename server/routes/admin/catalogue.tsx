import { type Context, Hono } from 'hono'
import { z } from 'zod'
import {
  findTopic,
  findUnit,
  listTopics,
  listUnits,
  saveTopic,
  saveUnit,
} from '../../../db/queries/admin-catalogue.ts'
import {
  findPhrase,
  listPhrases,
  PHRASE_MAX,
  type PhraseInput,
  phraseCounts,
  savePhrase,
} from '../../../db/queries/topic-phrases.ts'
import type { FormValues } from '../../../views/pages/admin/admin-shell.tsx'
import {
  PhraseFormPage,
  PhraseListPage,
  TopicFormPage,
  TopicListPage,
  UnitFormPage,
  UnitListPage,
} from '../../../views/pages/admin/catalogue-pages.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { f, parseForm } from '../../validation.ts'
import { savedNotice } from './notices.ts'
import { actorId, formValues, idParam, readForm, tryUnique } from './shared.ts'

const unitForm = z.object({
  nameZhHans: f.text(80),
  nameZhHant: f.optionalText(80),
  nameEn: f.optionalText(80),
  contact: f.optionalText(200),
  active: f.checkbox(),
})

/** Handling units (承办单位), to which clerks refer concerns. */
export function unitRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) => renderPage(c, <UnitListPage rows={listUnits(db)} notice={savedNotice(c)} />))
  app.get('/new', (c) => renderPage(c, <UnitFormPage values={{ active: 'on' }} />))

  const save = async (c: Context<AppEnv>, id?: number) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(unitForm, body, t)
    if (!parsed.ok)
      return renderPage(c, <UnitFormPage id={id} values={formValues(body)} errors={parsed.errors} />, 422)
    const written = tryUnique(() => saveUnit(db, id, parsed.data, actorId(c), clock.now()))
    if (!written.ok)
      return renderPage(
        c,
        <UnitFormPage id={id} values={formValues(body)} errors={{ nameZhHans: t('error.duplicate') }} />,
        422,
      )
    return c.redirect(`/admin/units?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))
  app.get('/:id{[0-9]+}', (c) => {
    const u = findUnit(db, idParam(c) ?? 0)
    if (!u) return c.notFound()
    const values: FormValues = {
      nameZhHans: u.nameZhHans,
      nameZhHant: u.nameZhHant,
      nameEn: u.nameEn,
      contact: u.contact,
      active: u.active ? 'on' : '',
    }
    return renderPage(c, <UnitFormPage id={u.id} values={values} />)
  })
  app.post('/:id{[0-9]+}', (c) => {
    const u = findUnit(db, idParam(c) ?? 0)
    return u ? save(c, u.id) : c.notFound()
  })
  return app
}

const topicForm = z.object({
  // Topics are what a resident taps on the kiosk, so every language must have its own wording.
  nameZhHans: f.text(40),
  nameZhHant: f.text(40),
  nameEn: f.text(40),
  sortOrder: z
    .string()
    .trim()
    .min(1)
    .regex(/^-?\d{1,6}$/, 'admin.topics.sortFormat')
    .transform(Number),
  active: f.checkbox(),
})

/** Concern topics shown on the kiosk, in their sort order. */
export function topicRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  app.get('/', (c) =>
    renderPage(
      c,
      <TopicListPage rows={listTopics(db)} phraseCounts={phraseCounts(db)} notice={savedNotice(c)} />,
    ),
  )
  app.get('/new', (c) => {
    const last = listTopics(db).at(-1)
    const sortOrder = String(last ? last.sortOrder + 10 : 0)
    return renderPage(c, <TopicFormPage values={{ active: 'on', sortOrder }} />)
  })

  const save = async (c: Context<AppEnv>, id?: number) => {
    const { t } = c.get('i18n')
    const body = await readForm(c)
    const parsed = parseForm(topicForm, body, t)
    if (!parsed.ok)
      return renderPage(c, <TopicFormPage id={id} values={formValues(body)} errors={parsed.errors} />, 422)
    const written = tryUnique(() => saveTopic(db, id, parsed.data, actorId(c), clock.now()))
    if (!written.ok)
      return renderPage(
        c,
        <TopicFormPage id={id} values={formValues(body)} errors={{ nameZhHans: t('error.duplicate') }} />,
        422,
      )
    return c.redirect(`/admin/topics?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => save(c))
  app.get('/:id{[0-9]+}', (c) => {
    const r = findTopic(db, idParam(c) ?? 0)
    if (!r) return c.notFound()
    const values: FormValues = {
      nameZhHans: r.nameZhHans,
      nameZhHant: r.nameZhHant,
      nameEn: r.nameEn,
      sortOrder: String(r.sortOrder),
      active: r.active ? 'on' : '',
    }
    return renderPage(c, <TopicFormPage id={r.id} values={values} />)
  })
  app.post('/:id{[0-9]+}', (c) => {
    const r = findTopic(db, idParam(c) ?? 0)
    return r ? save(c, r.id) : c.notFound()
  })
  app.route('/:id{[0-9]+}/phrases', phraseRoutes(deps))
  return app
}

const phraseForm = z.object({
  // Chips are what a resident taps on the kiosk: every language needs its own short wording.
  nameZhHans: f.text(PHRASE_MAX),
  nameZhHant: f.text(PHRASE_MAX),
  nameEn: f.text(PHRASE_MAX),
  sortOrder: topicForm.shape.sortOrder,
  active: f.checkbox(),
})

/** A topic's phrase chips (issue 15), under /admin/topics/:id/phrases; deactivated, never deleted. */
function phraseRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()
  const topicOf = (c: Context<AppEnv>) => findTopic(db, idParam(c) ?? 0)
  const values = (p: PhraseInput): FormValues => ({
    nameZhHans: p.nameZhHans,
    nameZhHant: p.nameZhHant,
    nameEn: p.nameEn,
    sortOrder: String(p.sortOrder),
    active: p.active ? 'on' : '',
  })

  app.get('/', (c) => {
    const topic = topicOf(c)
    if (!topic) return c.notFound()
    return renderPage(
      c,
      <PhraseListPage topic={topic} rows={listPhrases(db, topic.id)} notice={savedNotice(c)} />,
    )
  })
  app.get('/new', (c) => {
    const topic = topicOf(c)
    if (!topic) return c.notFound()
    const last = listPhrases(db, topic.id).at(-1)
    const sortOrder = String(last ? last.sortOrder + 10 : 0)
    return renderPage(c, <PhraseFormPage topic={topic} values={{ active: 'on', sortOrder }} />)
  })

  const save = async (c: Context<AppEnv>, topicId: number, id?: number) => {
    const { t } = c.get('i18n')
    const topic = findTopic(db, topicId)!
    const body = await readForm(c)
    const parsed = parseForm(phraseForm, body, t)
    if (!parsed.ok)
      return renderPage(
        c,
        <PhraseFormPage topic={topic} id={id} values={formValues(body)} errors={parsed.errors} />,
        422,
      )
    const written = tryUnique(() => savePhrase(db, topicId, id, parsed.data, actorId(c), clock.now()))
    if (!written.ok)
      return renderPage(
        c,
        <PhraseFormPage
          topic={topic}
          id={id}
          values={formValues(body)}
          errors={{ nameZhHans: t('error.duplicate') }}
        />,
        422,
      )
    return c.redirect(`/admin/topics/${topicId}/phrases?saved=${id ? 'updated' : 'created'}`, 303)
  }

  app.post('/', (c) => {
    const topic = topicOf(c)
    return topic ? save(c, topic.id) : c.notFound()
  })
  app.get('/:pid{[0-9]+}', (c) => {
    const topic = topicOf(c)
    const p = topic ? findPhrase(db, topic.id, idParam(c, 'pid') ?? 0) : undefined
    if (!topic || !p) return c.notFound()
    return renderPage(c, <PhraseFormPage topic={topic} id={p.id} values={values(p)} />)
  })
  app.post('/:pid{[0-9]+}', (c) => {
    const topic = topicOf(c)
    const p = topic ? findPhrase(db, topic.id, idParam(c, 'pid') ?? 0) : undefined
    return topic && p ? save(c, topic.id, p.id) : c.notFound()
  })
  return app
}
