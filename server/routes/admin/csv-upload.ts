import type { Context } from 'hono'
import { catalog, type MessageKey, type T } from '../../../views/i18n/index.ts'
import type { HeaderProblem } from '../../domain/csv/csv-table.ts'
import { decodeSpreadsheetText } from '../../domain/csv/decode-text.ts'
import type { AppEnv } from '../../env.ts'

/** A problem of one line of an imported file; `column` names the column when one cell is wrong. */
export type LineError = { line: number; column?: string; message: string }

/**
 * The text of an import form: the uploaded file (UTF-8 with or without BOM, or GBK/GB18030) or
 * else the pasted lines. Refuses, with a localised message, a file above `maxBytes` and an empty one.
 */
export async function readCsvUpload(
  c: Context<AppEnv>,
  body: Record<string, unknown>,
  maxBytes: number,
): Promise<{ ok: true; text: string; pasted: string } | { ok: false; message: string; pasted: string }> {
  const { t } = c.get('i18n')
  const pasted = typeof body.text === 'string' ? body.text : ''
  const file = body.file instanceof File && body.file.size > 0 ? body.file : null
  const tooLarge = { ok: false as const, message: t('admin.csv.tooLarge', { kb: maxBytes / 1024 }), pasted }
  let text = pasted
  if (file) {
    if (file.size > maxBytes) return tooLarge
    text = decodeSpreadsheetText(new Uint8Array(await file.arrayBuffer())).text
  } else if (pasted.length > maxBytes) return tooLarge
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, message: t('admin.csv.empty'), pasted }
  return { ok: true, text, pasted: file ? '' : pasted }
}

/** The localised message of a bad header row; `name` says how a missing column is called. */
export function headerMessage(t: T, p: HeaderProblem, allowed: string, name: (key: string) => string) {
  switch (p.problem) {
    case 'unknownColumn':
      return t('admin.csv.unknownColumn', { column: p.column, allowed })
    case 'repeatedColumn':
      return t('admin.csv.repeatedColumn', { column: p.column })
    case 'missingColumn':
      return t('admin.csv.missingColumn', { column: name(p.column) })
  }
}

/** A message's text in all three languages: the names an imported cell may use for a value. */
export const labelsOf = (key: MessageKey): string[] => [...catalog[key]]
