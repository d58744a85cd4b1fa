import QRCode from 'qrcode'

/** A QR code as inline SVG markup, drawn on this server (no CDN, no third party). */
export const qrSvg = (text: string, margin = 2) =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin })
