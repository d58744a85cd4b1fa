import type { Context } from 'hono'
import { z } from 'zod'
import type { FieldErrors } from '../views/components/form.tsx'
import { catalog, type MessageKey, type T } from '../views/i18n/index.ts'
import { passwordProblem } from './domain/password-policy.ts'
import { isMonth, isRealDate } from './domain/time.ts'

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

/**
 * A whole number as our pages write one: digits only, no sign, spaces, leading zeros, exponent or
 * hexadecimal, at most 15 digits (exact in a double). The one parser of ids and numeric settings,
 * in forms, route parameters and query strings alike.
 */
const WHOLE_NUMBER = /^(0|[1-9][0-9]{0,14})$/
const ID = /^[1-9][0-9]{0,14}$/

/** The whole number `s` writes, or null (`0x1f`, `1e1`, ` 12`, `012`, `+3`, `1.0` are none). */
export const parseWhole = (s: unknown): number | null =>
  typeof s === 'string' && WHOLE_NUMBER.test(s) ? Number(s) : null

/**
 * A decimal number as a form or a file writes one: an optional minus, at most three digits before
 * the point (no leading zeros) and at most ten after it, e.g. 30.2741 or -0.5. For coordinates.
 */
const DECIMAL = /^-?(0|[1-9][0-9]{0,2})(\.[0-9]{1,10})?$/

/** The decimal number `s` writes, or null (`1e1`, `0x1`, `.5`, ` 3`, `1,5` are none). */
export const parseDecimal = (s: unknown): number | null =>
  typeof s === 'string' && DECIMAL.test(s) ? Number(s) : null

/** The row id `s` writes (a whole number above 0), or null. */
export const parseId = (s: unknown): number | null => (typeof s === 'string' && ID.test(s) ? Number(s) : null)

/** A route parameter that names a row (`:id` unless told), or null. */
export const idParam = (c: Context, name = 'id') => parseId(c.req.param(name))

/** A query parameter's date or month: undefined when not given, null when given but not valid. */
export function queryDate(value: string | undefined): string | null | undefined {
  return value === undefined || value === '' ? undefined : isRealDate(value) ? value : null
}
export function queryMonth(value: string | undefined): string | null | undefined {
  return value === undefined || value === '' ? undefined : isMonth(value) ? value : null
}

type Message = MessageKey & string

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
  id: (message: Message = 'error.unknownChoice') =>
    z.string({ message }).regex(ID, message).transform(Number),
  ids: () =>
    z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) =>
        (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '').map(parseId),
      )
      .pipe(z.array(z.number({ message: 'error.unknownChoice' }))),
  /** A select whose empty option means "none": '' → undefined, else an id. */
  optionalId: () =>
    z
      .string()
      .optional()
      .transform((v) => (v ? parseId(v) : undefined))
      .pipe(z.number({ message: 'error.unknownChoice' }).optional()),
  /** A whole number from `min` to `max`; `message` for anything else (`range` for one out of range). */
  whole: (min: number, max: number, message: Message = 'error.invalid', range: Message = message) =>
    z
      .string({ message })
      .regex(WHOLE_NUMBER, message)
      .transform(Number)
      .pipe(z.number().min(min, range).max(max, range)),
  /** A whole number that may be negative (-1: the last of a month), or null when left empty. */
  optionalInteger: (message: Message) =>
    z
      .string({ message })
      .optional()
      .refine((v) => !v || parseWhole(v.startsWith('-') ? v.slice(1) : v) !== null, message)
      .transform((v) => (v ? Number(v) : null)),
  /** An optional whole number from 0 to `max`: null when left empty. */
  optionalWhole: (max: number, message: Message = 'error.invalid') =>
    z
      .string({ message })
      .trim()
      .optional()
      .refine((v) => !v || (parseWhole(v) ?? max + 1) <= max, message)
      .transform((v) => (v ? parseWhole(v) : null)),
  /** An optional decimal number from `min` to `max` (parseDecimal): null when left empty. */
  optionalDecimal: (min: number, max: number, message: Message = 'error.invalid') =>
    z
      .string({ message })
      .trim()
      .optional()
      .refine((v) => {
        if (!v) return true
        const n = parseDecimal(v)
        return n !== null && n >= min && n <= max
      }, message)
      .transform((v) => (v ? parseDecimal(v) : null)),
  date: () => z.string().trim().refine(isRealDate, 'error.invalidDate'),
  /** A checkbox sends its value (`on` unless the page names another) when ticked, nothing when not. */
  checkbox: (value = 'on') =>
    z
      .string()
      .optional()
      .refine((v) => v === undefined || v === value, 'error.invalid')
      .transform((v) => v === value),
}

/** A password someone is setting, held to passwordProblem's rules (the one check every form and the CLI use). */
export const newPasswordField = () =>
  z.string().superRefine((pw, ctx) => {
    const problem = passwordProblem(pw)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
