import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OPEN_STATUSES, STATUS_TYPE } from '../../server/domain/concern-lifecycle.ts'

/**
 * The project's unwritten rules (DESIGN §7), as checks that fail when someone breaks them. Each
 * reads the source as text, so it also catches code no test runs.
 */
const ROOT = join(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(entry.name)) out.push(path)
  }
  return out
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')

/** The code without comments (a `//` after a quote or colon, as in a URL, is kept). */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')

/** Files and 1-based lines where `pattern` matches the code (comments left out). */
function findInCode(files: readonly string[], pattern: RegExp): string[] {
  const hits: string[] = []
  for (const file of files) {
    const code = withoutComments(read(file))
    for (const m of code.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)))
      hits.push(`${file}:${code.slice(0, m.index).split('\n').length}`)
  }
  return hits
}

describe('house rules', () => {
  it('sets response headers through the header bag, never with c.header()', () => {
    const files = [...sourceFiles('server'), ...sourceFiles('views')]
    expect(files.length).toBeGreaterThan(50)
    expect(findInCode(files, /\bc\.header\(/)).toEqual([])
  })

  it('finds a c.header() call in code but not in a comment (the check itself works)', () => {
    expect(
      withoutComments("// never c.header('x')\n/* c.header() */ const u = 'http://x' // c.header("),
    ).toBe("\n const u = 'http://x' ")
  })

  it('defines the open concern statuses once, in the lifecycle, and nowhere else as a literal list', () => {
    expect(OPEN_STATUSES).toEqual(
      (Object.keys(STATUS_TYPE) as (keyof typeof STATUS_TYPE)[]).filter((s) => STATUS_TYPE[s] === 'open'),
    )
    expect(OPEN_STATUSES).toContain('reopened')
    const open = new Set<string>(OPEN_STATUSES)
    const home = 'server/domain/concern-lifecycle.ts'
    const files = [...sourceFiles('server'), ...sourceFiles('db'), ...sourceFiles('views')].filter(
      (f) => f !== home,
    )
    const copies: string[] = []
    // A bracketed list of quoted words only — ['a', 'b'], ('a','b') in SQL, new Set([...]) — with
    // three or more open statuses and no other status is a copy of the list.
    const list = /[[(]\s*((?:(['"])[a-z_]+\2\s*,?\s*){3,})[\])]/g
    for (const file of files) {
      const code = withoutComments(read(file))
      for (const m of code.matchAll(list)) {
        const words = [...m[1]!.matchAll(/['"]([a-z_]+)['"]/g)].map((w) => w[1]!)
        const statuses = words.filter((w) => w in STATUS_TYPE)
        if (statuses.filter((w) => open.has(w)).length >= 3 && statuses.every((w) => open.has(w)))
          copies.push(`${relative(ROOT, join(ROOT, file))}:${code.slice(0, m.index).split('\n').length}`)
      }
    }
    expect(copies).toEqual([])
  })

  it('keeps queries in db/queries: routes import no drizzle-orm and no schema values (types are fine)', () => {
    const files = sourceFiles('server/routes')
    expect(files.length).toBeGreaterThan(20)
    const imports = /^import\s+(type\s+)?([\s\S]*?)\s+from\s+'([^']+)'/gm
    const offending: string[] = []
    for (const file of files) {
      for (const m of withoutComments(read(file)).matchAll(imports)) {
        const [, typeOnly, names = '', from = ''] = m
        const fromDrizzle = from === 'drizzle-orm' || from.startsWith('drizzle-orm/')
        const fromSchema = /(^|\/)db\/schema(\.ts)?$/.test(from)
        if (typeOnly || !(fromDrizzle || fromSchema)) continue
        // import { type A, type B } takes only types; anything else brings a value in.
        const specifiers = names
          .replace(/^\{|\}$/g, '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
        if (!names.startsWith('{') || specifiers.some((n) => !n.startsWith('type ')))
          offending.push(`${file}: ${from}`)
      }
    }
    expect(offending).toEqual([])
  })
})
