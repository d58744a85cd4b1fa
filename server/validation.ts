import { z } from 'zod'
import type { FieldErrors } from '../views/components/form.tsx'
import { catalog, type MessageKey, type T } from '../views/i18n/index.ts'
import { passwordProblem } from './domain/password-policy.ts'
import { isRealDate } from './domain/time.ts'

export type Parsed<D> = { ok: true; data: D } | { ok: false; errors: FieldErrors }

const isKey = (m: string): m is MessageKey & string => m in catalog

/**
 * Validates submitted form fields against a zod schema and turns issues into translated
 * messages keyed by field name. A schema may name a message key as an issue's message.
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown, t: T): Parsed<z.output<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    if (errors[field]) continue
    errors[field] = translateIssue(issue, t)
  }
  return { ok: false, errors }
}

function translateIssue(issue: z.core.$ZodIssue, t: T): string {
  if (isKey(issue.message)) return t(issue.message)
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('error.required')
        : t('error.tooShort', { min: Number(issue.minimum) })
    case 'too_big':
      return t('error.tooLong', { max: Number(issue.maximum) })
    case 'invalid_value':
      return t('error.unknownChoice')
    case 'invalid_type':
      return issue.input === undefined ? t('error.required') : t('error.invalid')
    default:
      return t('error.invalid')
  }
}

/** Form helpers: trimmed text, optional text ('' when absent), ids (a non-number reads "choose from the list"), dates, checkboxes. */
export const f = {
  text: (max: number) => z.string().trim().min(1).max(max),
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((v) => v ?? ''),
  id: () => z.coerce.number({ message: 'error.unknownChoice' }).int().positive('error.unknownChoice'),
  ids: () =>
    z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) =>
        (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '').map(Number),
      )
      .pipe(z.array(z.number({ message: 'error.unknownChoice' }).int().positive('error.unknownChoice'))),
  /** A select whose empty option means "none": '' → undefined, else an id. */
  optionalId: () =>
    z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .pipe(z.number({ message: 'error.unknownChoice' }).int().positive('error.unknownChoice').optional()),
  date: () =>
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'error.invalidDate')
      .refine(isRealDate, 'error.invalidDate'),
  checkbox: () =>
    z
      .string()
      .optional()
      .transform((v) => v === 'on' || v === '1' || v === 'true'),
}

/** A password someone is setting, held to passwordProblem's rules (the one check every form and the CLI use). */
export const newPasswordField = () =>
  z.string().superRefine((pw, ctx) => {
    const problem = passwordProblem(pw)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
