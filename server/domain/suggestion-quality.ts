import type { SuggestionView } from '../../db/queries/suggestions.ts'
import { suggestionQuality } from '../../views/i18n/messages/suggestion-quality.ts'

/*
 * The quality check before a suggestion is submitted (issue 18 item 3): a checklist with reasons,
 * not a score. Required items refuse a submission; optional ones warn. The rules and why each is
 * required or optional: docs/decisions/0040-suggestion-quality-checklist.md.
 */

export const QUALITY_ITEMS = [
  'one_matter',
  'facts',
  'concrete_action',
  'unit',
  'evidence',
  'length',
  'template_filled',
  'one_topic',
  'each_action_concrete',
  'causes',
  'dates',
  'cosigners_answered',
] as const
export type QualityItemId = (typeof QUALITY_ITEMS)[number]

/** The items that refuse a submission; the rest are reminders. */
export const REQUIRED_QUALITY_ITEMS: ReadonlySet<QualityItemId> = new Set<QualityItemId>([
  'one_matter',
  'facts',
  'concrete_action',
  'unit',
  'evidence',
  'length',
  'template_filled',
])

export type QualityInput = {
  title: string
  problem: string
  causes: string
  actions: readonly { text: string; actor: string }[]
  proposedUnitCount: number
  /** Proposed 主办 units; when omitted, any proposed unit counts as the lead. */
  proposedLeadUnitCount?: number
  linkedConcernCount: number
  /** Distinct topics among the linked concerns. */
  linkedTopicCount: number
  noEvidenceReason: string
  /** Co-signers invited who have not answered yet. */
  pendingCosigners: number
  /** Names of the places in the register (any language), to recognise a place in the text. */
  placeNames: readonly string[]
}

/** Words that say nothing checkable, and verbs of concrete action, in every interface language. */
export type QualityLexicon = { vague: readonly string[]; verbs: readonly string[] }

export type QualityItem = {
  id: QualityItemId
  required: boolean
  ok: boolean
  /**
   * Values the reason shows. one_matter: `parts`; facts: `number`, `place` (what was found) or
   * `noNumber`/`noPlace`; concrete_action and each_action_concrete: `n` (concrete proposals),
   * `none`, `vague` (every vague word of the failing proposals), `failing` (their numbers) and per
   * failing proposal `action<n>` (what it lacks: verb, object, actor) and `vague<n>`; evidence:
   * `linked` or `min`; length: one key per part out of bounds (`title`, `problem`, `causes`,
   * `noEvidenceReason`, `actions`, `action<n>`, `actor<n>`) with its length; template_filled:
   * `left`; one_topic: `n`; dates: `date`; cosigners_answered: `n`.
   */
  detail?: Record<string, string | number | readonly string[]>
}
export type QualityReport = { items: QualityItem[]; passed: boolean }

/** Bounds of a suggestion's fields (the form's maxlength and the length item), in characters. */
export const SUGGESTION_LIMITS = {
  titleMin: 6,
  titleMax: 80,
  problemMin: 30,
  problemMax: 2000,
  causesMax: 2000,
  /** Below this the optional causes item reminds the deputy to analyse them. */
  causesMin: 8,
  actionMin: 4,
  actionMax: 300,
  actorMax: 80,
  actionsMax: 10,
  /** Letters or digits a reason for linking no concern needs ("无" is not a reason). */
  noEvidenceReasonMin: 6,
  noEvidenceReasonMax: 500,
} as const

export function qualityInputOf(s: SuggestionView, placeNames: readonly string[]): QualityInput {
  const proposed = s.units.filter((u) => u.stage === 'proposed')
  return {
    title: s.title,
    problem: s.problem,
    causes: s.causes,
    actions: s.actions,
    proposedUnitCount: proposed.length,
    proposedLeadUnitCount: proposed.filter((u) => u.role === 'lead').length,
    linkedConcernCount: s.concerns.length,
    linkedTopicCount: new Set(s.concerns.map((c) => c.topicId)).size,
    noEvidenceReason: s.noEvidenceReason,
    pendingCosigners: s.cosigners.filter((c) => c.state === 'invited').length,
    placeNames,
  }
}

// ── Reading text in three languages ─────────────────────────────────────────────────────────

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const CJK_ALL = /[\u3400-\u9fff\uf900-\ufaff]/g
/** Full-width digits and punctuation become their ASCII forms; Latin is compared in lower case. */
const norm = (s: string) => s.normalize('NFKC').toLowerCase()
/** A match in the normalised text, as the writer typed its letters (Building, not building). */
function asWritten(text: string, m: { index?: number | undefined; 0: string }): string {
  const shown = text.normalize('NFKC')
  const at = m.index ?? 0
  const found = shown.toLowerCase().length === shown.length ? shown.slice(at, at + m[0].length) : m[0]
  return found.trim()
}
const length = (s: string) => [...s.trim()].length
const lettersAndDigits = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** An English word with its usual endings (repair → repairs, repaired, repairing, repairment). */
function latinWordPattern(word: string): string {
  const w = escapeRe(word)
  const forms = [w]
  if (w.endsWith('e')) forms.push(w.slice(0, -1))
  if (w.endsWith('y')) forms.push(`${w.slice(0, -1)}i`)
  return `\\b(?:${forms.join('|')})(?:s|es|d|ed|ing|ment|ments|ation|ations|al)?\\b`
}

/** A word found in a text, as written there (management for the listed manage). */
type Span = { word: string; start: number; end: number }

/** Where each word of a list occurs; a word inside a longer found one (重视 in 高度重视) is dropped. */
function findWords(text: string, words: readonly string[]): Span[] {
  const spans: Span[] = []
  for (const listed of words) {
    const word = norm(listed)
    if (!word) continue
    if (CJK.test(word)) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1))
        spans.push({ word, start: i, end: i + word.length })
    } else {
      for (const m of text.matchAll(new RegExp(latinWordPattern(word), 'g')))
        spans.push({ word: m[0], start: m.index, end: m.index + m[0].length })
    }
  }
  return spans
    .filter(
      (s) =>
        !spans.some(
          (o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start,
        ),
    )
    .sort((a, b) => a.start - b.start)
}

const unique = (xs: readonly string[]) => [...new Set(xs)]

/** Grammar words that are neither an action nor its object. */
const FUNCTION_WORDS = [
  ...'的,地,得,了,着,著,对,對,把,将,將,在,为,為,给,給,向,及,和,与,與,并,並,等,进行,進行,予以,加以,给予,給予,要,请,請,应,應,应当,應當,建议,建議,所,其,该,該,此,这,這,那,好,到,内,內,前,后,後,时,時,尽'.split(
    ',',
  ),
]
const LATIN_STOPWORDS = new Set(
  'the,a,an,of,to,and,or,for,in,on,at,by,with,from,into,more,all,its,their,our,this,that,these,those,be,is,are,it,so,as,please,should,must,will,shall,we,they,them,there,than,then,very,also,work,works,thing,things,etc,up'.split(
    ',',
  ),
)

/** What is left of a text once the given spans and grammar words are taken out. */
function contentLeft(text: string, spans: readonly Span[]): { cjk: number; words: number } {
  const mask: boolean[] = Array.from({ length: text.length }, () => false)
  const cover = (s: { start: number; end: number }) => {
    for (let i = s.start; i < s.end; i++) mask[i] = true
  }
  spans.forEach(cover)
  for (const w of FUNCTION_WORDS)
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) cover({ start: i, end: i + w.length })
  let rest = ''
  for (let i = 0; i < text.length; i++) rest += mask[i] ? ' ' : text.charAt(i)
  const cjk = (rest.match(CJK_ALL) ?? []).length
  const words = (rest.replace(CJK_ALL, ' ').match(/[a-z0-9]+/g) ?? []).filter(
    (w) => /\d/.test(w) || (w.length >= 2 && !LATIN_STOPWORDS.has(w)),
  ).length
  return { cjk, words }
}

export type ActionAnalysis = {
  verbs: string[]
  vague: string[]
  hasVerb: boolean
  hasObject: boolean
  hasActor: boolean
  concrete: boolean
}

/**
 * One proposal: concrete when it has an action verb of the lexicon, something it acts on once the
 * verbs, vague words and grammar words are taken out, and who should do it.
 */
export function analyseAction(
  action: { text: string; actor: string },
  lexicon: QualityLexicon,
): ActionAnalysis {
  const text = norm(action.text)
  const verbSpans = findWords(text, lexicon.verbs)
  const vagueSpans = findWords(text, lexicon.vague)
  const left = contentLeft(text, [...verbSpans, ...vagueSpans])
  const hasVerb = verbSpans.length > 0
  const hasObject = left.cjk + left.words > 0
  const hasActor = lettersAndDigits(action.actor) >= 2
  return {
    verbs: unique(verbSpans.map((s) => s.word)),
    vague: unique(vagueSpans.map((s) => s.word)),
    hasVerb,
    hasObject,
    hasActor,
    concrete: hasVerb && hasObject && hasActor,
  }
}

// ── One matter ──────────────────────────────────────────────────────────────────────────────

const TITLE_FRAME_START =
  /^\s*(?:关于|關於|建议|建議|(?:about|on|proposal (?:to|for|on)|suggestion (?:to|for|on))\b)\s*/
const TITLE_FRAME_END = /\s*(?:的)?(?:建议|建議|议案|議案|意见|意見|suggestion|proposal)\s*$/
/** Numbered lists in a title: 一是…二是, 第一…第二, ①②, (1)(2), 1. 2. */
const ENUMERATION = /[一二三四五六七八九十]是|第[一二三四五六七八九十]|[①-⑩]|\(\d+\)|(?:^|\s)\d+[.、)]/g
const STRONG_SEPARATORS = /[;；|/]/
/**
 * Joiners of a list: 、, the conjunctions (not 及时, 和平, 参与…), and in an English title commas.
 * A Chinese comma joins clauses rather than listed things (NFKC makes it a plain comma), so in a
 * Chinese title it only separates parts that each carry their own action.
 */
const JOINERS =
  '、|以及|及(?![时時其])|和(?![平谐諧睦美])|(?<![参參给給])[与與](?!会|會)|同时|同時|\\band\\b|\\bas well as\\b|&'
const LIST_JOINERS_CJK = new RegExp(JOINERS)
const CLAUSE_JOINERS_CJK = new RegExp(`${JOINERS}|,`)
const LIST_JOINERS_LATIN = new RegExp(`${JOINERS}|,`)
/** A part that only numbers another instance of the same thing: 5栋, 3号楼, Building 7. */
const INSTANCE_ONLY =
  /^(?:no\.?|building|block|unit|tower|floor|第)?\s*[\d一二三四五六七八九十两兩]+\s*(?:号楼|號樓|号|號|栋|棟|幢|单元|單元|层|層|楼|樓|组|組|期|区|區)?$/

/**
 * The matters a title names when it names several, else null. A part counts as a matter unless it
 * is only a verb (维修、更换电梯) or only another instance number (3栋、5栋电梯); the title is
 * several matters when it has a numbered list, strong separators (；/), three or more listed
 * matters, or two or more parts that each have their own verb and object (维修电梯和更换水管).
 * Two nouns joined (道路及排水, 电梯、楼道灯维修) stay one matter: they are usually one job.
 */
export function titleMatters(title: string, lexicon: QualityLexicon): string[] | null {
  const core = norm(title).replace(TITLE_FRAME_START, '').replace(TITLE_FRAME_END, '').trim()
  const enumerated = [...core.matchAll(ENUMERATION)]
  if (enumerated.length >= 2)
    return core
      .split(ENUMERATION)
      .map((p) => p.trim().replace(/[,，、;；。]$/, ''))
      .filter((p) => lettersAndDigits(p) > 0)
  const strong = core
    .split(STRONG_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => lettersAndDigits(p) >= 2)
  if (strong.length >= 2) return strong
  const split = (re: RegExp) =>
    core
      .split(re)
      .map((p) => p.trim())
      .filter((p) => lettersAndDigits(p) > 0 && !INSTANCE_ONLY.test(p) && !isVerbOnly(p, lexicon))
  const chinese = CJK.test(core)
  const listed = split(chinese ? LIST_JOINERS_CJK : LIST_JOINERS_LATIN)
  if (listed.length >= 3) return listed
  const acts = split(chinese ? CLAUSE_JOINERS_CJK : LIST_JOINERS_LATIN).filter((p) => {
    const a = analyseAction({ text: p, actor: '' }, lexicon)
    return a.hasVerb && a.hasObject
  })
  return acts.length >= 2 ? acts : null
}

function isVerbOnly(part: string, lexicon: QualityLexicon): boolean {
  const verbs = findWords(part, lexicon.verbs)
  if (!verbs.length) return false
  const left = contentLeft(part, [...verbs, ...findWords(part, lexicon.vague)])
  return left.cjk + left.words === 0
}

// ── Facts ───────────────────────────────────────────────────────────────────────────────────

const MEASURE =
  '(?:户|戶|栋|棟|幢|座|次|人|位|名|个月|個月|个|個|米|公里|千米|万元|萬元|亿元|億元|元|天|辆|輛|处|處|台|臺|部(?!分)|所|家|条|條|件|块|塊|间|間|平方米|平米|亩|畝|吨|噸|层|層|小时|小時|分钟|分鐘|周|週|趟|班|盏|盞|根|棵|只|隻|张|張|套|岁|歲|%|倍|公斤|千克|分贝|分貝|毫米|厘米|年(?!级|級))'
const CJK_COUNT = new RegExp(
  `(\\d+(?:\\.\\d+)?|[零〇一二两兩三四五六七八九十百千万萬]+)\\s*(?:多|余|餘)?\\s*${MEASURE}`,
  'g',
)
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const LATIN_COUNT = new RegExp(
  `\\b(\\d+(?:[.,]\\d+)?)\\s*(%|per ?cent\\b|(?!(?:st|nd|rd|th|am|pm|${MONTHS}|may)\\b)[a-z]{2,})`,
  'g',
)
const LATIN_NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens?|hundreds?|thousands?)\s+[a-z]{3,}/

/** A quantity with its measure word (13户, 三栋, 12次, 200 metres), not a year. */
export function findNumber(text: string): string | null {
  const t = norm(text)
  for (const m of t.matchAll(CJK_COUNT)) {
    const [all, n] = m as unknown as [string, string]
    if (/^\d{4}$/.test(n) && all.endsWith('年')) continue
    return asWritten(text, m)
  }
  for (const m of t.matchAll(LATIN_COUNT)) {
    const n = m[1] as string
    if (/^(?:19|20)\d\d$/.test(n) || LATIN_STOPWORDS.has(m[2] as string)) continue
    return asWritten(text, m)
  }
  const words = t.match(LATIN_NUMBER_WORDS)
  return words ? asWritten(text, words) : null
}

const PLACE_WORDS_CJK =
  /小区|小區|社区|社區|村|路|街(?!道)|巷|弄|栋|棟|幢|号楼|號樓|楼|樓|学校|學校|小学|小學|中学|中學|幼儿园|幼兒園|市场|市場|菜场|菜場|公园|公園|广场|廣場|医院|醫院|卫生院|衛生院|园区|園區|工业园|工業園|路口|桥|橋|河|车站|車站|公交站|地铁站|地鐵站|镇|鎮|乡|鄉|厂|廠|门口|門口/
const PLACE_WORDS_LATIN =
  /\b(?:street(?! office)|road|rd|avenue|lane|alley|estate|compound|community|village|town|building|block|tower|school|kindergarten|market|park|square|station|bus stop|bridge|river|hospital|clinic|junction|crossing|factory|gate)s?\b/

/** A place: a name of the register, or a place word (小区, 村, 路, 号楼, school, road…). */
export function findPlace(text: string, placeNames: readonly string[]): string | null {
  const t = norm(text)
  for (const name of placeNames)
    if ([...name.trim()].length >= 2 && t.includes(norm(name.trim()))) return name.trim()
  const m = t.match(PLACE_WORDS_CJK) ?? t.match(PLACE_WORDS_LATIN)
  return m ? asWritten(text, m) : null
}

const DATE_PATTERNS = [
  /(?:19|20)\d\d\s*[年\-/.]\s*\d{1,2}\s*月?/,
  /(?:19|20)\d\d\s*年/,
  /\d{1,2}\s*月/,
  /[一二三四五六七八九十]{1,2}月(?!份?[以之]?[内內])/,
  /今年|去年|前年|上个?月|上個?月|本月|上半年|下半年|春节|春節|国庆|國慶/,
  new RegExp(`\\b(?:${MONTHS})\\b|\\b(?:in|since|from|until|of) may\\b|\\bmay \\d`),
  /\b(?:19|20)\d\d\b/,
  /\b(?:last|this|since) (?:year|month|week|winter|summer|spring|autumn)\b/,
]

/** A date or a time when something began (2026年3月, 3月起, 2026-03, since March). */
export function findDate(text: string): string | null {
  const t = norm(text)
  for (const p of DATE_PATTERNS) {
    const m = t.match(p)
    if (m) return asWritten(text, m)
  }
  return null
}

const PLACEHOLDER = /【[^】]*】/g

// ── The checklist ───────────────────────────────────────────────────────────────────────────

function actionsDetail(
  actions: readonly { text: string; actor: string }[],
  lexicon: QualityLexicon,
): { concrete: number; detail: Record<string, string | number | readonly string[]> } {
  const detail: Record<string, string | number | readonly string[]> = {}
  const failing: string[] = []
  const vague: string[] = []
  let concrete = 0
  actions.forEach((a, i) => {
    const r = analyseAction(a, lexicon)
    if (r.concrete) {
      concrete++
      return
    }
    const n = String(i + 1)
    failing.push(n)
    detail[`action${n}`] = [
      ...(r.hasVerb ? [] : ['verb']),
      ...(r.hasVerb && !r.hasObject ? ['object'] : []),
      ...(r.hasActor ? [] : ['actor']),
    ]
    if (r.vague.length) {
      detail[`vague${n}`] = r.vague
      vague.push(...r.vague)
    }
  })
  return { concrete, detail: { ...detail, failing, vague: unique(vague) } }
}

/**
 * The checklist of a draft. Pure: the lexicon (suggestionLexicon()) and the place names are passed
 * in. `passed` is true exactly when every required item is ok.
 */
export function checkSuggestionQuality(input: QualityInput, lexicon: QualityLexicon): QualityReport {
  const L = SUGGESTION_LIMITS
  const actions = input.actions.filter((a) => a.text.trim() || a.actor.trim())
  const items: QualityItem[] = []
  const add = (id: QualityItemId, ok: boolean, detail?: QualityItem['detail']) =>
    items.push({ id, required: REQUIRED_QUALITY_ITEMS.has(id), ok, ...(detail ? { detail } : {}) })

  const parts = titleMatters(input.title, lexicon)
  add('one_matter', parts === null, parts ? { parts } : undefined)

  const number = findNumber(input.problem)
  const place = findPlace(input.problem, input.placeNames)
  add(
    'facts',
    number !== null && place !== null,
    number !== null && place !== null
      ? { number, place }
      : { ...(number === null ? { noNumber: 1 } : {}), ...(place === null ? { noPlace: 1 } : {}) },
  )

  const judged = actionsDetail(actions, lexicon)
  add(
    'concrete_action',
    judged.concrete > 0,
    judged.concrete > 0 ? { n: judged.concrete } : actions.length ? judged.detail : { none: 1 },
  )

  add('unit', (input.proposedLeadUnitCount ?? input.proposedUnitCount) > 0)

  const reasonGiven = lettersAndDigits(input.noEvidenceReason) >= L.noEvidenceReasonMin
  add(
    'evidence',
    input.linkedConcernCount > 0 || reasonGiven,
    input.linkedConcernCount > 0
      ? { linked: input.linkedConcernCount }
      : reasonGiven
        ? {}
        : { min: L.noEvidenceReasonMin },
  )

  const tooLong: Record<string, number> = {}
  const bound = (key: string, value: string, min: number, max: number) => {
    const n = length(value)
    if (n < min || n > max) tooLong[key] = n
  }
  bound('title', input.title, L.titleMin, L.titleMax)
  bound('problem', input.problem, L.problemMin, L.problemMax)
  bound('causes', input.causes, 0, L.causesMax)
  bound('noEvidenceReason', input.noEvidenceReason, 0, L.noEvidenceReasonMax)
  if (actions.length > L.actionsMax) tooLong.actions = actions.length
  actions.forEach((a, i) => {
    bound(`action${i + 1}`, a.text, L.actionMin, L.actionMax)
    bound(`actor${i + 1}`, a.actor, 0, L.actorMax)
  })
  add('length', Object.keys(tooLong).length === 0, Object.keys(tooLong).length ? tooLong : undefined)

  const left = unique(
    [input.title, input.problem, input.causes, ...actions.flatMap((a) => [a.text, a.actor])].flatMap(
      (s) => s.match(PLACEHOLDER) ?? [],
    ),
  )
  add('template_filled', left.length === 0, left.length ? { left } : undefined)

  add(
    'one_topic',
    input.linkedTopicCount <= 1,
    input.linkedTopicCount > 1 ? { n: input.linkedTopicCount } : undefined,
  )
  add(
    'each_action_concrete',
    actions.length > 0 && judged.concrete === actions.length,
    actions.length === 0 ? { none: 1 } : judged.concrete === actions.length ? undefined : judged.detail,
  )
  add('causes', lettersAndDigits(input.causes) >= L.causesMin)
  const date = findDate(input.problem)
  add('dates', date !== null, date !== null ? { date } : undefined)
  add(
    'cosigners_answered',
    input.pendingCosigners === 0,
    input.pendingCosigners ? { n: input.pendingCosigners } : undefined,
  )

  return { items, passed: items.every((i) => !i.required || i.ok) }
}

/** The comma-separated words of one message, in all three languages. */
const wordsOf = (message: readonly [string, string, string]) =>
  unique(message.flatMap((col) => col.split(/[,，]/).map((w) => w.trim())).filter(Boolean))

let lexicon: QualityLexicon | undefined
/**
 * The vague words and action verbs of every language at once, so a draft written in zh-Hant or
 * English is checked as well as one in zh-Hans, whatever the reader's interface language.
 */
export function suggestionLexicon(): QualityLexicon {
  lexicon ??= Object.freeze({
    vague: wordsOf(suggestionQuality['suggestion.quality.vagueWords']),
    verbs: wordsOf(suggestionQuality['suggestion.quality.actionVerbs']),
  })
  return lexicon
}
