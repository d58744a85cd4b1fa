/**
 * Rewrites the SQLite SQL that drizzle's SQLite dialect and Liaison's few raw fragments produce
 * into PostgreSQL SQL with the same meaning (decision 0043). It is a scanner, not a parser: it
 * knows string literals, quoted identifiers and parentheses, and rewrites only the constructs this
 * code base uses. Anything else passes through unchanged, so a new SQLite-only construct shows up
 * as a PostgreSQL error in the test run on PostgreSQL.
 */

export type ParamKind = 'int' | 'float' | 'other'

/** Who is the statement for: a reader returns rows (select, with, values or anything with returning). */
export type TranslatedSql = { text: string; reader: boolean; paramCount: number }

type Token =
  | { t: 'str' | 'ident' | 'word' | 'num' | 'op' | 'space'; v: string }
  | { t: 'param'; v: '?' }
  | { t: '('; v: '(' }
  | { t: ')'; v: ')' }
  | { t: ','; v: ',' }

function tokenize(sql: string): Token[] {
  const out: Token[] = []
  let i = 0
  const n = sql.length
  while (i < n) {
    const c = sql[i]!
    if (c === "'") {
      let j = i + 1
      while (j < n) {
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") j += 2
          else break
        } else j++
      }
      out.push({ t: 'str', v: sql.slice(i, j + 1) })
      i = j + 1
    } else if (c === '"' || c === '`') {
      const j = sql.indexOf(c, i + 1)
      const end = j < 0 ? n : j
      out.push({ t: 'ident', v: `"${sql.slice(i + 1, end)}"` })
      i = end + 1
    } else if (c === '?') {
      // ?NNN numbered parameters are not used by drizzle or Liaison.
      out.push({ t: 'param', v: '?' })
      i++
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, v: c } as Token)
      i++
    } else if (/\s/.test(c)) {
      let j = i + 1
      while (j < n && /\s/.test(sql[j]!)) j++
      out.push({ t: 'space', v: sql.slice(i, j) })
      i = j
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j]!)) j++
      out.push({ t: 'word', v: sql.slice(i, j) })
      i = j
    } else if (/[0-9]/.test(c)) {
      let j = i + 1
      while (j < n && /[0-9.eE]/.test(sql[j]!)) j++
      out.push({ t: 'num', v: sql.slice(i, j) })
      i = j
    } else if (c === '-' && sql[i + 1] === '-') {
      const j = sql.indexOf('\n', i)
      i = j < 0 ? n : j
    } else {
      out.push({ t: 'op', v: c })
      i++
    }
  }
  return out
}

const lower = (tok: Token | undefined) => (tok && tok.t === 'word' ? tok.v.toLowerCase() : undefined)

/** Index of the ')' that closes the '(' at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.t
    if (t === '(') depth++
    else if (t === ')' && --depth === 0) return i
  }
  return tokens.length - 1
}

/** Top-level arguments of a call whose '(' is at `open`, as token ranges. */
function args(tokens: Token[], open: number, close: number): Token[][] {
  const list: Token[][] = [[]]
  let depth = 0
  for (let i = open + 1; i < close; i++) {
    const tok = tokens[i]!
    if (tok.t === '(') depth++
    else if (tok.t === ')') depth--
    if (tok.t === ',' && depth === 0) list.push([])
    else list[list.length - 1]!.push(tok)
  }
  return list[0]!.length === 0 && list.length === 1 ? [] : list
}

const text = (tokens: Token[]) =>
  tokens
    .map((t) => t.v)
    .join('')
    .trim()
const raw = (v: string): Token => ({ t: 'op', v })

/** `'$.key'` → `key`, for the one-level JSON paths Liaison uses. */
function jsonKey(path: Token[]): string {
  const s = text(path).trim()
  const m = /^'\$\.([A-Za-z0-9_]+)'$/.exec(s)
  if (!m) throw new Error(`Unsupported JSON path for PostgreSQL: ${s}`)
  return `'${m[1]}'`
}

/** Rewrites function calls whose spelling differs; returns the new token list. */
function rewriteCalls(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!
    const name = lower(tok)
    const next = tokens[i + 1]
    if (!name || next?.t !== '(') {
      out.push(tok)
      continue
    }
    const close = closing(tokens, i + 1)
    const inner = rewriteCalls(tokens.slice(i + 2, close))
    const call = [tokens[i + 1]!, ...inner, tokens[close]!]
    const a = args(call, 0, call.length - 1)
    const rewritten = rewriteCall(name, tok, a, call)
    out.push(...rewritten)
    i = close
  }
  return out
}

function rewriteCall(name: string, tok: Token, a: Token[][], call: Token[]): Token[] {
  switch (name) {
    case 'ifnull':
      return [raw('coalesce'), ...call]
    case 'max':
    case 'min':
      return a.length > 1 ? [raw(name === 'max' ? 'greatest' : 'least'), ...call] : [tok, ...call]
    case 'group_concat': {
      const sep = a[1] ? text(a[1]) : "','"
      return [raw(`string_agg((${text(a[0] ?? [])})::text, ${sep})`)]
    }
    case 'total_changes':
      throw new Error('total_changes() is answered by the facade, not PostgreSQL')
    case 'json_extract':
      return [raw(`((${text(a[0] ?? [])})::jsonb -> ${jsonKey(a[1] ?? [])})`)]
    case 'json_remove':
      return [raw(`((${text(a[0] ?? [])})::jsonb - ${jsonKey(a[1] ?? [])})::text`)]
    case 'round':
      return a.length > 1
        ? [raw(`round((${text(a[0]!)})::numeric, ${text(a[1]!)})::double precision`)]
        : [tok, ...call]
    case 'cast': {
      // SQLite's integer is 64-bit and truncates reals; real is double.
      const s = text(call.slice(1, -1))
      const m = /^([\s\S]*)\s+as\s+(integer|real)\s*$/i.exec(s)
      if (!m) return [tok, ...call]
      return m[2]!.toLowerCase() === 'integer'
        ? [raw(`trunc((${m[1]})::double precision)::bigint`)]
        : [raw(`cast(${m[1]} as double precision)`)]
    }
    default:
      return [tok, ...call]
  }
}

/**
 * SQLite orders NULL before every value ascending and after them descending; PostgreSQL does the
 * opposite. Each ORDER BY term without its own NULLS clause gets SQLite's.
 */
function sqliteNullOrder(tokens: Token[]): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < tokens.length) {
    const tok = tokens[i]!
    if (lower(tok) === 'order' && nextWord(tokens, i + 1) === 'by') {
      const byAt = indexOfNextWord(tokens, i + 1)
      out.push(...tokens.slice(i, byAt + 1))
      let depth = 0
      let term: Token[] = []
      let j = byAt + 1
      const flush = () => {
        const words = term.filter((t) => t.t === 'word').map((t) => t.v.toLowerCase())
        out.push(...term)
        if (!words.includes('nulls') && term.some((t) => t.t !== 'space')) {
          out.push(raw(words[words.length - 1] === 'desc' ? ' nulls last' : ' nulls first'))
        }
        term = []
      }
      for (; j < tokens.length; j++) {
        const t = tokens[j]!
        if (t.t === '(') depth++
        if (t.t === ')') {
          if (depth === 0) break
          depth--
        }
        const w = lower(t)
        if (depth === 0 && (w === 'limit' || w === 'offset' || w === 'union' || w === 'for')) break
        if (depth === 0 && t.t === ',') {
          flush()
          out.push(t)
          continue
        }
        term.push(t)
      }
      // Trailing spaces belong after the NULLS clause.
      const trailing: Token[] = []
      while (term.length && term[term.length - 1]!.t === 'space') trailing.unshift(term.pop()!)
      flush()
      out.push(...trailing)
      i = j
      continue
    }
    out.push(tok)
    i++
  }
  return out
}

/** SQLite accepts `on conflict ("t"."a", "t"."b")`; PostgreSQL wants the bare column names. */
function bareConflictTarget(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!
    out.push(tok)
    if (lower(tok) !== 'conflict' || lower(out[out.length - 3]) !== 'on') continue
    const open = indexOfNextWord(tokens, i + 1)
    if (tokens[open]?.t !== '(') continue
    const close = closing(tokens, open)
    for (let j = i + 1; j <= close; j++) {
      const t = tokens[j]!
      if (t.t === 'ident' && tokens[j + 1]?.v === '.' && tokens[j + 2]?.t === 'ident') j++
      else out.push(t)
    }
    i = close
  }
  return out
}

function indexOfNextWord(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) if (tokens[i]!.t !== 'space') return i
  return tokens.length
}
function nextWord(tokens: Token[], from: number) {
  return lower(tokens[indexOfNextWord(tokens, from)])
}

type Template = {
  /** The translated text in pieces; a number is the index of a parameter that takes a cast. */
  parts: (string | number)[]
  reader: boolean
  paramCount: number
}

const templates = new Map<string, Template>()
const cache = new Map<string, TranslatedSql>()

/**
 * Whether the parameter at `i` is a whole value of an INSERT's VALUES row: its type is then the
 * column's, and it takes no cast. So a multi-row insert has one text whatever its nulls are (one
 * prepared statement on the server, not one per combination).
 */
function bareInsertValue(tokens: Token[], i: number, inValues: boolean, depth: number): boolean {
  if (!inValues || depth !== 1) return false
  let before = i - 1
  while (before >= 0 && tokens[before]!.t === 'space') before--
  const after = indexOfNextWord(tokens, i + 1)
  const prev = tokens[before]?.t
  const next = tokens[after]?.t
  return (prev === '(' || prev === ',') && (next === ',' || next === ')')
}

function template(sql: string): Template {
  let tokens = rewriteCalls(tokenize(sql))
  tokens = bareConflictTarget(sqliteNullOrder(tokens))
  let p = 0
  const parts: (string | number)[] = []
  let first: string | undefined
  let returning = false
  let prevWord: string | undefined
  let depth = 0
  let inValues = false
  for (const [i, tok] of tokens.entries()) {
    const w = lower(tok)
    if (w && !first) first = w
    if (w === 'returning') returning = true
    if (tok.t === '(') depth++
    if (tok.t === ')') depth--
    if (first === 'insert' && w === 'values' && depth === 0) inValues = true
    else if (depth === 0 && w && w !== 'values') inValues = false
    if (tok.t === 'param') {
      parts.push(`$${p + 1}`)
      if (!bareInsertValue(tokens, i, inValues, depth)) parts.push(p)
      p++
    } else if (w === 'like') parts.push('ilike')
    else if (tok.t === 'word' && /[a-z]/.test(tok.v) && /[A-Z]/.test(tok.v) && prevWord === 'as')
      // PostgreSQL folds an unquoted alias to lower case; SQLite keeps `as entityId` as written.
      parts.push(`"${tok.v}"`)
    else if (w === 'glob') throw new Error('GLOB has no PostgreSQL translation')
    else parts.push(tok.v)
    if (tok.t !== 'space') prevWord = w
  }
  return {
    parts,
    reader: first === 'select' || first === 'with' || first === 'values' || returning,
    paramCount: p,
  }
}

/**
 * Translates one statement. `kinds` says what each `?` is bound to: integers and other numbers get
 * a cast, because PostgreSQL cannot infer a parameter's type in `? is null` or a select list,
 * where SQLite needs no type at all.
 */
export function translateSql(sql: string, kinds: readonly ParamKind[] = []): TranslatedSql {
  let t = templates.get(sql)
  if (!t) {
    t = template(sql)
    if (templates.size > 5000) templates.clear()
    templates.set(sql, t)
  }
  const cast = (p: number) =>
    kinds[p] === 'int' ? '::bigint' : kinds[p] === 'float' ? '::double precision' : ''
  const key = `${t.parts.map((part) => (typeof part === 'number' ? (cast(part)[2] ?? '-') : '')).join('')}|${sql}`
  const hit = cache.get(key)
  if (hit) return hit
  const result = {
    text: t.parts.map((part) => (typeof part === 'number' ? cast(part) : part)).join(''),
    reader: t.reader,
    paramCount: t.paramCount,
  }
  if (cache.size > 5000) cache.clear()
  cache.set(key, result)
  return result
}

export function paramKind(v: unknown): ParamKind {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  if (typeof v === 'bigint' || typeof v === 'boolean') return 'int'
  return 'other'
}
