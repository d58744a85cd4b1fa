import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
}

/**
 * Ids and numbers that come from a request or a setting are read by one parser (parseWhole,
 * parseId, idParam and the f.* helpers in server/validation.ts; decision 0021). These are the ways
 * around it that read `0x1f`, `1e1`, ` 12` or `+3` as numbers.
 */
const LOOSE_READINGS: [RegExp, string][] = [
  [/z\.coerce\b/, 'z.coerce reads 0x1f, 1e1 and padded numbers'],
  [/\bparse(Int|Float)\(/, 'parseInt/parseFloat read 12abc as 12'],
  [/Number\(\s*c\.req\.(param|query|header)\(/, 'Number() of a request value reads 0x1f and 1e1'],
  [/Number\(\s*(raw|field|body|values|form)\b/, 'Number() of a form value reads 0x1f and 1e1'],
]

describe('one parser of ids and numbers', () => {
  it('is the only reader of numbers from requests and settings in server/ and views/', () => {
    const found: string[] = []
    const files = [...sources('server'), ...sources('views')]
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
      lines.forEach((line, i) => {
        for (const [pattern, why] of LOOSE_READINGS)
          if (pattern.test(line)) found.push(`${file}:${i + 1}: ${why}: ${line.trim()}`)
      })
    }
    expect(found).toEqual([])
  })

  it('would see each loose reading', () => {
    const samples = [
      'id: z.coerce.number().int(),',
      'const n = parseInt(s, 10)',
      "const id = Number(c.req.param('id'))",
      "const id = Number(raw('topic')) || 0",
    ]
    for (const s of samples)
      expect(
        LOOSE_READINGS.some(([p]) => p.test(s)),
        s,
      ).toBe(true)
  })
})
