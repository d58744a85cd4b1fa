import sharp from 'sharp'
import { sha256 } from '../domain/secrets.ts'

/** The largest upload a photo may be; a phone's camera picture is 2–5 MB. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
/** The stored photo's side in pixels: sharp enough for a 430 px phone at 2x, small on 3G. */
export const PHOTO_SIDE = 480
/** Decoding more than this many pixels is refused (a small file can unpack into a huge image). */
const MAX_INPUT_PIXELS = 50_000_000

const ACCEPTED = new Set(['jpeg', 'png', 'webp'])

export type ResizedPhoto = {
  contentType: 'image/jpeg'
  bytes: Buffer
  width: number
  height: number
  etag: string
}

/**
 * A square JPEG of the uploaded picture, turned upright by its EXIF orientation and then stripped
 * of every metadata block (EXIF carries GPS position and camera serials; the page is public).
 * 'unsupported' for anything but JPEG, PNG or WebP by content (the file name and declared type
 * are not trusted); 'unreadable' for a broken or oversized image.
 */
export async function resizePhoto(input: Uint8Array): Promise<ResizedPhoto | 'unsupported' | 'unreadable'> {
  let format: string | undefined
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format
  } catch {
    return 'unsupported'
  }
  if (!format || !ACCEPTED.has(format)) return 'unsupported'
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(PHOTO_SIDE, PHOTO_SIDE, { fit: 'cover', position: 'attention', withoutEnlargement: false })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
    return {
      contentType: 'image/jpeg',
      bytes: data,
      width: info.width,
      height: info.height,
      etag: `"${sha256(data.toString('latin1'))}"`,
    }
  } catch {
    return 'unreadable'
  }
}
