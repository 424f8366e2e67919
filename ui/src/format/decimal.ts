// Exact decimal strings, the way money crosses IPC. Money is never turned into a JS number:
// these helpers work on the digits (BigInt scaled integers), so "0.1" + "0.2" is "0.3".
// The UI itself only rounds for display; the fake backend also sums and compares.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export interface DecimalParts {
  negative: boolean;
  /** Integer digits without leading zeros ("0" for zero). */
  int: string;
  /** Fraction digits as written (may be ""). */
  frac: string;
}

/** Splits "-1234.50" into its sign and digits; null when the text is not a plain decimal. */
export function parseDecimal(text: string): DecimalParts | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const int = (m[2] ?? "0").replace(/^0+(?=\d)/, "");
  const frac = m[3] ?? "";
  const isZero = /^0*$/.test(int + frac);
  return { negative: m[1] === "-" && !isZero, int, frac };
}

export function isDecimal(text: string): boolean {
  return parseDecimal(text) !== null;
}

/** The value times 10^scale, rounded half away from zero when it has more digits. */
export function toScaled(text: string, scale: number): bigint {
  const p = parseDecimal(text);
  if (!p) throw new Error(`not a decimal: ${text}`);
  const padded = (p.frac + "0".repeat(scale)).slice(0, scale);
  let n = BigInt(p.int + padded);
  const next = p.frac.charAt(scale);
  if (next !== "" && next >= "5") n += 1n;
  return p.negative ? -n : n;
}

/** The decimal text of `n / 10^scale`, trailing fraction zeros kept to `minFrac` digits. */
export function fromScaled(n: bigint, scale: number, minFrac = 0): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  let frac = digits.slice(digits.length - scale);
  while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
  const body = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(digits) ? `-${body}` : body;
}

/** Rounds to exactly `digits` fraction digits (half away from zero), as parts for display. */
export function roundDecimal(text: string, digits: number): DecimalParts | null {
  const p = parseDecimal(text);
  if (!p) return null;
  const scaled = toScaled(text, digits);
  const abs = scaled < 0n ? -scaled : scaled;
  const s = abs.toString().padStart(digits + 1, "0");
  const int = s.slice(0, s.length - digits);
  const frac = s.slice(s.length - digits);
  return { negative: scaled < 0n, int, frac };
}

const SUM_SCALE = 6;

/** The exact sum of decimal strings. */
export function sumDecimals(values: readonly string[]): string {
  let total = 0n;
  for (const v of values) total += toScaled(v, SUM_SCALE);
  return fromScaled(total, SUM_SCALE);
}

export function subtractDecimals(a: string, b: string): string {
  return fromScaled(toScaled(a, SUM_SCALE) - toScaled(b, SUM_SCALE), SUM_SCALE);
}

/** -1, 0 or 1, exactly. */
export function compareDecimals(a: string, b: string): number {
  const d = toScaled(a, SUM_SCALE) - toScaled(b, SUM_SCALE);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
