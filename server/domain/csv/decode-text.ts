import iconv from 'iconv-lite'

export type TextEncodingName = 'utf-8' | 'gb18030'

/**
 * Decodes an uploaded spreadsheet export. Bytes that are valid UTF-8 (with or without a BOM) are
 * read as UTF-8; anything else as GB18030, the superset of GBK that Chinese Excel and WPS write
 * for "CSV (逗号分隔)". A GBK file of Chinese text is almost never valid UTF-8 by accident, so
 * the order decides well. The BOM, if any, is removed.
 */
export function decodeSpreadsheetText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'utf-8' }
  } catch {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'gb18030' }
  }
}
