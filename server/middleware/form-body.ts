import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { MessageKey } from '../../views/i18n/index.ts'

export type FormBody = Record<string, string | File | (string | File)[]>

/**
 * Most fields one submitted form may hold. Our largest forms (a roster rule's participants, a
 * station's deputies) have a few hundred; more are refused before the body is split.
 */
export const MAX_FORM_FIELDS = 2000

/** A form that cannot be read: answered as a 4xx with its message by the app's error handler. */
export class FormRefused extends HTTPException {
  constructor(
    status: 400 | 413,
    readonly messageKey: MessageKey,
  ) {
    super(status, { message: messageKey })
  }
}

/**
 * Characters no form field keeps: C0 controls but tab, line feed and carriage return; DEL and C1;
 * the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which can make
 * text read differently from what is stored; and the byte-order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/
const UNWANTED_ALL = new RegExp(UNWANTED.source, 'g')
/** A text value without the characters in UNWANTED. */
export const withoutUnwanted = (s: string) => (UNWANTED.test(s) ? s.replace(UNWANTED_ALL, '') : s)

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

type Entries = [string, string | File][]
/** The fields of each request's body, read once: CSRF protection and the handler both read it. */
const read = new WeakMap<Request, Promise<Entries>>()

/**
 * The submitted form, as Hono's `c.req.parseBody` gives it: a repeated name keeps its last value
 * unless `all` (or a name ending in `[]`) asks for every value. Every text value (and name) is
 * strict UTF-8 and loses the characters in UNWANTED; a body with more than MAX_FORM_FIELDS
 * fields, broken encoding or a broken multipart structure is refused with a FormRefused. Any
 * other content type gives an empty form.
 */
export async function readForm(c: Context, opts: { all?: boolean } = {}): Promise<FormBody> {
  const raw = c.req.raw
  let entries = read.get(raw)
  if (!entries) {
    entries = readEntries(c)
    read.set(raw, entries)
  }
  const form: FormBody = Object.create(null)
  for (const [key, value] of await entries) {
    const before = form[key]
    if (!opts.all && !key.endsWith('[]')) form[key] = value
    else if (before === undefined) form[key] = key.endsWith('[]') ? [value] : value
    else if (Array.isArray(before)) before.push(value)
    else form[key] = [before, value]
  }
  return form
}

async function readEntries(c: Context): Promise<Entries> {
  const header = c.req.header('content-type') ?? ''
  const type = header.split(';')[0]?.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') return splitUrlEncoded(await c.req.arrayBuffer())
  if (type === 'multipart/form-data') return splitMultipart(await c.req.arrayBuffer(), header)
  return []
}

const AMPERSAND = 0x26
const badForm = () => new FormRefused(400, 'error.badForm')
const tooManyFields = () => new FormRefused(413, 'error.tooManyFields')

/**
 * Splits a URL-encoded body as URLSearchParams would, but strictly: the bytes and every
 * percent-encoded sequence must be UTF-8 (URLSearchParams turns `%FF` into U+FFFD silently).
 */
export function splitUrlEncoded(body: ArrayBuffer | Uint8Array): Entries {
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body)
  let fields = 1
  for (let i = bytes.indexOf(AMPERSAND); i !== -1; i = bytes.indexOf(AMPERSAND, i + 1))
    if (++fields > MAX_FORM_FIELDS) throw tooManyFields()
  const text = decode(bytes)
  const out: Entries = []
  if (text === '') return out
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const key = eq === -1 ? pair : pair.slice(0, eq)
    const value = eq === -1 ? '' : pair.slice(eq + 1)
    out.push([withoutUnwanted(unescapeField(key)), withoutUnwanted(unescapeField(value))])
  }
  return out
}

function unescapeField(s: string): string {
  const spaced = s.includes('+') ? s.replaceAll('+', ' ') : s
  if (!spaced.includes('%')) return spaced
  try {
    return decodeURIComponent(spaced)
  } catch {
    throw badForm()
  }
}

function decode(body: ArrayBuffer | Uint8Array): string {
  try {
    return strictUtf8.decode(body)
  } catch {
    throw badForm()
  }
}

async function splitMultipart(body: ArrayBuffer, contentType: string): Promise<Entries> {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const delimiter = boundary?.[1] ?? boundary?.[2]
  if (!delimiter) throw badForm()
  const bytes = Buffer.from(body)
  const marker = Buffer.from(`--${delimiter}`)
  let parts = 0
  for (let i = bytes.indexOf(marker); i !== -1; i = bytes.indexOf(marker, i + marker.length))
    if (++parts > MAX_FORM_FIELDS + 1) throw tooManyFields()
  let data: FormData
  try {
    data = await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw badForm()
  }
  const out: Entries = []
  for (const [key, value] of data) {
    // The multipart parser decodes text leniently: a U+FFFD the body did not hold was a broken byte.
    if (typeof value === 'string' && (key + value).includes('\uFFFD') && !bytes.includes('\uFFFD'))
      throw badForm()
    out.push([withoutUnwanted(key), typeof value === 'string' ? withoutUnwanted(value) : value])
  }
  return out
}

/** The message a refused form gets; anything else a form reader throws is a bad request. */
export const formErrorMessage = (err: unknown): { status: 400 | 413; key: MessageKey } =>
  err instanceof FormRefused
    ? { status: err.status as 400 | 413, key: err.messageKey }
    : { status: 400, key: 'error.badRequest' }
