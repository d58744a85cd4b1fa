import sharp from 'sharp'
import { sha256 } from '../domain/secrets.ts'

/**
 * The default link-preview picture (WeChat wants a PNG or JPEG of at least 300×300): a neutral
 * emblem drawn as SVG and turned into a 600×600 PNG once, on first use.
 */
const SHARE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<rect width="600" height="600" fill="#b3261e"/>
<circle cx="300" cy="250" r="120" fill="none" stroke="#fff" stroke-width="28"/>
<path d="M300 160v180M210 250h180" stroke="#fff" stroke-width="28" stroke-linecap="round"/>
<rect x="150" y="430" width="300" height="28" rx="14" fill="#fff"/>
<rect x="200" y="480" width="200" height="24" rx="12" fill="#fff" opacity=".8"/>
</svg>`

let made: Promise<{ bytes: Uint8Array<ArrayBuffer>; etag: string }> | undefined

export function shareImage() {
  made ??= sharp(Buffer.from(SHARE_SVG))
    .png()
    .toBuffer()
    .then((b) => ({ bytes: new Uint8Array(b), etag: `"${sha256(b.toString('latin1')).slice(0, 32)}"` }))
  return made
}

/** The placeholder shown where a deputy has no photo: a plain head-and-shoulders outline. */
export const PLACEHOLDER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480">
<rect width="480" height="480" fill="#e8eaed"/>
<circle cx="240" cy="190" r="90" fill="#9aa0a6"/>
<path d="M80 480c0-100 72-160 160-160s160 60 160 160z" fill="#9aa0a6"/>
</svg>`
export const PLACEHOLDER_ETAG = `"${sha256(PLACEHOLDER_SVG).slice(0, 32)}"`
