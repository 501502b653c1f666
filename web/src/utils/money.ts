/**
 * Money is integer fen (分) in every API field (`*_fen`, SPEC §2); people read and type 元. These
 * mirror the server's core/money (FormatWanYuan, GroupDigits) so a figure reads the same on the
 * screen as in the booklet and exports.
 */

const kFenPerWan = 1_000_000 // 1万元 = 10 000 元

/** 1234567 → "1,234,567". */
export function groupDigits(value: number): string {
  const sign = value < 0 ? '-' : ''
  return sign + String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Hundredths as "12.5" (trailing zeros dropped) or, with `keepZeros`, always "12.50"; grouped. */
function withHundredths(hundredths: number, keepZeros: boolean): string {
  const whole = groupDigits(Math.floor(hundredths / 100))
  const rest = hundredths % 100
  if (rest === 0 && !keepZeros) return whole
  const decimals = String(rest).padStart(2, '0')
  return `${whole}.${keepZeros ? decimals : decimals.replace(/0$/, '')}`
}

/**
 * An amount as a Chinese report shows it: from 1万元 up in 万元 to two decimals, rounded half away
 * from zero, trailing zeros dropped ("¥12.5万元", "¥123.46万元"); below in 元 ("¥8,500元",
 * "¥8,500.50元"). Null (no contract yet) reads "—".
 */
export function formatWanYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const magnitude = Math.abs(fen)
  const sign = fen < 0 ? '-¥' : '¥'
  if (magnitude < kFenPerWan) return `${sign}${withHundredths(magnitude, magnitude % 100 !== 0)}元`
  const hundredths = Math.floor(magnitude / 10_000) + (magnitude % 10_000 >= 5_000 ? 1 : 0)
  return `${sign}${withHundredths(hundredths, false)}万元`
}

/** An exact amount in 元 with both decimals: 12345600 → "¥123,456.00". */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—'
  const magnitude = Math.abs(fen)
  return `${fen < 0 ? '-¥' : '¥'}${withHundredths(magnitude, true)}`
}

/** 元 as typed (a number input, two decimals at most) → fen; rounding removes float noise (0.1 + 0.2). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100)
}

/** fen → 元 for a number input. */
export function fenToYuan(fen: number): number {
  return fen / 100
}
