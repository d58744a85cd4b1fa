import type { ConcernStatus, SuggestionKind, Verdict } from '../../db/enums.ts'
import { isOpen } from './concern-lifecycle.ts'
import { hidePhones } from './masking.ts'

/*
 * The suggestion finder (issue 18 item 2): groups residents' concerns that are about one matter
 * in one place, so a deputy who "cannot put it into words" starts a suggestion from facts. Pure:
 * the candidates and `today` come in, groups with their labels go out. The method and its
 * threshold are explained in docs/decisions/0039-suggestion-finder-similarity.md.
 */

/** One candidate concern, as the finder reads it. */
export type FinderConcern = {
  id: number
  topicId: number
  placeId: number | null
  /** Local date received (YYYY-MM-DD). */
  receivedOn: string
  /** The resident's own words (may be empty: a kiosk concern of phrase chips only). */
  text: string
  /** Names of the phrase chips the resident picked. */
  phrases: readonly string[]
  /** Whether the concern is still open (not answered, closed or otherwise ended). */
  open: boolean
  /** Who raised it, for counting residents: one resident's concerns count once (see residentKey). */
  residentKey: string
}

/** The rule's numbers: text similarity (Dice of bigram sets) plus what the concerns share. */
export const FINDER_RULE = {
  /** Two concerns join when their score reaches this. */
  threshold: 0.4,
  /** Added when both concerns have the same topic. */
  sameTopic: 0.15,
  /** Added when both concerns name the same place. */
  samePlace: 0.15,
  /** Fewest concerns that make a group worth a card. */
  minGroupSize: 2,
} as const

// Particles and fillers that split a run of Chinese characters as punctuation does.
const STOP_CHARS = new Set(
  '的了吗呢吧啊呀哦么也又就都很还在是和与及或而且把被给让我你他她它们这那有没不'.split(''),
)
// Frequent two-character words that say nothing about the matter.
const STOP_BIGRAMS = new Set([
  '问题',
  '一个',
  '反映',
  '希望',
  '要求',
  '请求',
  '解决',
  '情况',
  '现在',
  '一直',
  '已经',
  '什么',
  '怎么',
  '居民',
  '大家',
  '今天',
  '昨天',
  '每天',
  '天天',
  '晚上',
  '早上',
  '白天',
  '半夜',
  '夜里',
  '上午',
  '下午',
  '中午',
  '经常',
  '非常',
  '严重',
  '一下',
  '帮忙',
  '处理',
  '能否',
  '可以',
  '应该',
  '相关',
  '部门',
  '问題',
  '反應',
  '希望',
  '經常',
  '處理',
])
const STOP_WORDS = new Set(
  'the a an and or of to in on at for is are was were be been it its this that our we they there with from by not no please very again still has have had can cannot up down'.split(
    ' ',
  ),
)
const HAN = /\p{Script=Han}/u

/**
 * The words of a text as a set: Chinese by character bigrams (runs split at punctuation, digits,
 * Latin letters and particles like 的/了/又; runs of one character dropped), Latin by lower-case
 * words of two letters or more; stop-bigrams (问题, 一个, 反映…) and stop-words dropped.
 */
export function textTokens(text: string): Set<string> {
  const out = new Set<string>()
  const plain = text.normalize('NFKC').toLowerCase()
  let run: string[] = []
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) {
      const b = run[i]! + run[i + 1]!
      if (!STOP_BIGRAMS.has(b)) out.add(b)
    }
    run = []
  }
  for (const ch of plain) {
    if (HAN.test(ch) && !STOP_CHARS.has(ch)) run.push(ch)
    else flush()
  }
  flush()
  for (const w of plain.match(/[a-z][a-z'’-]*[a-z]/g) ?? []) if (!STOP_WORDS.has(w)) out.add(w)
  return out
}

/** A concern's tokens: its words and the names of the phrase chips it carries. */
export function concernTokens(c: Pick<FinderConcern, 'text' | 'phrases'>): Set<string> {
  const out = textTokens(c.text)
  for (const p of c.phrases) for (const tok of textTokens(p)) out.add(tok)
  return out
}

/** Dice's coefficient of two sets: 2|A∩B| / (|A|+|B|); 0 when both are empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const x of small) if (large.has(x)) shared++
  return (2 * shared) / (a.size + b.size)
}

const placesConflict = (a: number | null, b: number | null) => a !== null && b !== null && a !== b

/**
 * How alike two concerns are: Dice of their token sets, plus FINDER_RULE.sameTopic and .samePlace
 * for what they share; null when they name two different places (a suggestion is one matter in
 * one place, 一事一议, so those never join). A concern with no words at all (chips and text both
 * empty) cannot be compared: it joins by topic and place alone.
 */
export function pairScore(
  a: Pick<FinderConcern, 'topicId' | 'placeId'> & { tokens: ReadonlySet<string> },
  b: Pick<FinderConcern, 'topicId' | 'placeId'> & { tokens: ReadonlySet<string> },
): number | null {
  if (placesConflict(a.placeId, b.placeId)) return null
  const sameTopic = a.topicId === b.topicId
  const samePlace = a.placeId !== null && a.placeId === b.placeId
  if ((a.tokens.size === 0 || b.tokens.size === 0) && sameTopic && samePlace) return FINDER_RULE.threshold
  return (
    dice(a.tokens, b.tokens) +
    (sameTopic ? FINDER_RULE.sameTopic : 0) +
    (samePlace ? FINDER_RULE.samePlace : 0)
  )
}

export type FinderGroup = {
  /** Member ids, oldest first. */
  concernIds: number[]
  /** Distinct residents (see FinderConcern.residentKey). */
  residents: number
  concerns: number
  open: number
  /** The token present in the most members (e.g. 电梯); '' when the members share none. */
  keyword: string
  /** The places the members name (a found group has at most one; none when no member names a place). */
  placeIds: number[]
  /** The topic most members carry (the lowest id on a tie). */
  topicId: number
  firstOn: string
  lastOn: string
}

/**
 * Groups the candidates: every pair scoring at least FINDER_RULE.threshold is an edge; edges are
 * taken strongest first (ties by the smaller ids) and join two groups unless that would put two
 * different places in one group (single linkage under a cannot-link rule). Groups of at least
 * `minSize` come back, most residents first, then the most recent, then the oldest member id.
 * The result depends on the set of candidates only, not on their order.
 */
export function findGroups(
  candidates: readonly FinderConcern[],
  minSize: number = FINDER_RULE.minGroupSize,
): FinderGroup[] {
  const items = [...candidates].sort((a, b) => a.id - b.id)
  const tokens = items.map((c) => concernTokens(c))
  const edges = candidateEdges(items, tokens)
  const parent = items.map((_, i) => i)
  const place = items.map((c) => c.placeId)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  for (const [i, j] of edges) {
    const ri = find(i)
    const rj = find(j)
    if (ri === rj || placesConflict(place[ri]!, place[rj]!)) continue
    const [root, child] = ri < rj ? [ri, rj] : [rj, ri]
    parent[child] = root
    place[root] = place[root] ?? place[child]!
  }
  const members = new Map<number, number[]>()
  items.forEach((_, i) => {
    const r = find(i)
    members.set(r, [...(members.get(r) ?? []), i])
  })
  const frequency = new Map<string, number>()
  for (const set of tokens) for (const tok of set) frequency.set(tok, (frequency.get(tok) ?? 0) + 1)
  const groups = [...members.values()]
    .filter((m) => m.length >= Math.max(2, minSize))
    .map((m) => describeGroup(m, items, tokens, frequency))
  return groups.sort(
    (a, b) =>
      b.residents - a.residents || b.lastOn.localeCompare(a.lastOn) || a.concernIds[0]! - b.concernIds[0]!,
  )
}

/** The facts of concerns a person picked (the finder's card, maybe with some unticked). */
export function describeConcerns(rows: readonly FinderConcern[]): FinderGroup | null {
  if (rows.length === 0) return null
  const items = [...rows].sort((a, b) => a.id - b.id)
  const tokens = items.map((c) => concernTokens(c))
  const frequency = new Map<string, number>()
  for (const set of tokens) for (const tok of set) frequency.set(tok, (frequency.get(tok) ?? 0) + 1)
  return describeGroup(
    items.map((_, i) => i),
    items,
    tokens,
    frequency,
  )
}

/** Pairs that may reach the threshold: sharing a token, or same topic and place. Strongest first. */
function candidateEdges(items: readonly FinderConcern[], tokens: readonly Set<string>[]): [number, number][] {
  const byKey = new Map<string, number[]>()
  const add = (key: string, i: number) => byKey.set(key, [...(byKey.get(key) ?? []), i])
  items.forEach((c, i) => {
    for (const tok of tokens[i]!) add(`t:${tok}`, i)
    if (c.placeId !== null) add(`p:${c.topicId}:${c.placeId}`, i)
  })
  const seen = new Set<number>()
  const edges: { i: number; j: number; s: number }[] = []
  for (const list of byKey.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!
        const j = list[y]!
        const key = i * items.length + j
        if (seen.has(key)) continue
        seen.add(key)
        const s = pairScore({ ...items[i]!, tokens: tokens[i]! }, { ...items[j]!, tokens: tokens[j]! })
        if (s !== null && s >= FINDER_RULE.threshold - 1e-9) edges.push({ i, j, s })
      }
  edges.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j)
  return edges.map((e) => [e.i, e.j])
}

function describeGroup(
  m: readonly number[],
  items: readonly FinderConcern[],
  tokens: readonly Set<string>[],
  frequency: ReadonlyMap<string, number>,
): FinderGroup {
  const rows = m.map((i) => items[i]!)
  const inMembers = new Map<string, number>()
  for (const i of m) for (const tok of tokens[i]!) inMembers.set(tok, (inMembers.get(tok) ?? 0) + 1)
  const keyword = mostShared(inMembers, frequency)
  const byDate = [...rows].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id - b.id)
  return {
    concernIds: byDate.map((c) => c.id),
    residents: new Set(rows.map((c) => c.residentKey)).size,
    concerns: rows.length,
    open: rows.filter((c) => c.open).length,
    keyword,
    placeIds: [...new Set(rows.flatMap((c) => (c.placeId === null ? [] : [c.placeId])))].sort(
      (a, b) => a - b,
    ),
    topicId: mostCommon(rows.map((c) => c.topicId)),
    firstOn: byDate[0]!.receivedOn,
    lastOn: byDate[byDate.length - 1]!.receivedOn,
  }
}

/**
 * The token in the most members; on a tie the rarer one among all candidates (more telling:
 * 电梯 before a bigram that runs across two words), then the first in code-point order.
 */
function mostShared(inMembers: ReadonlyMap<string, number>, frequency: ReadonlyMap<string, number>) {
  let best = ''
  let bestN = 0
  for (const [tok, n] of inMembers) {
    const better =
      n > bestN ||
      (n === bestN &&
        ((frequency.get(tok) ?? 0) < (frequency.get(best) ?? 0) ||
          ((frequency.get(tok) ?? 0) === (frequency.get(best) ?? 0) && tok < best)))
    if (better) {
      best = tok
      bestN = n
    }
  }
  return bestN >= 2 ? best : ''
}

function mostCommon(ids: readonly number[]): number {
  const n = new Map<number, number>()
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1)
  return [...n].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
}

/** The template a topic's name suggests, where it is obvious; else 'other'. */
export function guessKind(topicName: string): SuggestionKind {
  for (const [pattern, kind] of KIND_HINTS) if (pattern.test(topicName)) return kind
  return 'other'
}
const KIND_HINTS: [RegExp, SuggestionKind][] = [
  [/交通|道路|公交|停车|traffic|road/i, 'traffic'],
  [/环境|環境|污染|化工|environment|pollution|chemical/i, 'environment'],
  [/社会保障|社會保障|社保|低保|养老|養老|就业|就業|劳动|勞動|social|elderly|jobs/i, 'social_security'],
  [/企业|企業|制造|製造|营商|營商|苗木|firm|maker|grower/i, 'business'],
  [/住房|物业|物業|设施|設施|电梯|電梯|housing|property/i, 'infrastructure'],
]

/** A resident's own words for a screen: phone numbers hidden, cut to `max` characters. */
export function residentWords(text: string, scrub: (s: string) => string, max = 80): string {
  const clean = scrub(text.replace(/\s+/g, ' ').trim())
  const chars = [...clean]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : clean
}

// ── a suggestion's evidence ────────────────────────────────────────────────────────────────────

export type EvidenceConcern = {
  id: number
  placeId: number | null
  receivedOn: string
  open: boolean
  residentKey: string
}
export type EvidenceVerdict = { concernId: number; verdict: Verdict }

export type EvidenceSummary = {
  /** Distinct residents (concerns from one call-back phone count once). */
  residents: number
  concerns: number
  placeIds: number[]
  /** Concerns that name no place. */
  withoutPlace: number
  firstOn: string | null
  lastOn: string | null
  open: number
  /** Every verdict residents gave on the linked concerns so far (one concern may give several). */
  verdicts: Record<Verdict, number>
  /** Linked concerns no resident has rated yet. */
  unrated: number
}

/** What a suggestion's evidence panel says about its linked concerns. */
export function summariseEvidence(
  concerns: readonly EvidenceConcern[],
  verdicts: readonly EvidenceVerdict[],
): EvidenceSummary {
  const ids = new Set(concerns.map((c) => c.id))
  const mine = verdicts.filter((v) => ids.has(v.concernId))
  const counts: Record<Verdict, number> = { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 }
  for (const v of mine) counts[v.verdict]++
  const rated = new Set(mine.map((v) => v.concernId))
  const dates = concerns.map((c) => c.receivedOn).sort()
  const placeIds = [...new Set(concerns.flatMap((c) => (c.placeId === null ? [] : [c.placeId])))].sort(
    (a, b) => a - b,
  )
  return {
    residents: new Set(concerns.map((c) => c.residentKey)).size,
    concerns: concerns.length,
    placeIds,
    withoutPlace: concerns.filter((c) => c.placeId === null).length,
    firstOn: dates[0] ?? null,
    lastOn: dates[dates.length - 1] ?? null,
    open: concerns.filter((c) => c.open).length,
    verdicts: counts,
    unrated: concerns.filter((c) => !rated.has(c.id)).length,
  }
}

/** Linked concerns as the evidence summary reads them, with their words for the screen (phones hidden, cut). */
export const evidenceConcerns = (
  linked: readonly {
    id: number
    placeId: number | null
    receivedOn: string
    status: ConcernStatus
    callbackPhone: string | null
    description: string | null
  }[],
): (EvidenceConcern & { words: string })[] =>
  linked.map((c) => ({
    id: c.id,
    placeId: c.placeId,
    receivedOn: c.receivedOn,
    open: isOpen(c.status),
    residentKey: residentKeyOf(c),
    words: residentWords(c.description ?? '', hidePhones),
  }))

/** Counts residents by call-back phone when there is one, else each concern as its own resident. */
export const residentKeyOf = (c: { id: number; callbackPhone: string | null }) =>
  c.callbackPhone ? `p:${c.callbackPhone.replace(/\D/g, '')}` : `c:${c.id}`
