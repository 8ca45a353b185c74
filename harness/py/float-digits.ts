// Exact decimal rounding of doubles (round-half-even on the true binary value), as CPython formats floats.

/** |value| as numerator / 2^shift with bigints. */
function exactParts(value: number): { numerator: bigint; denominator: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (exponentBits === 0 ? -1074 : exponentBits - 1075);
  return exponent >= 0
    ? { numerator: mantissa << BigInt(exponent), denominator: 1n }
    : { numerator: mantissa, denominator: 1n << BigInt(-exponent) };
}

/** round(|value| * 10^shift) with ties to even, exactly. */
function roundScaled(value: number, shift: number): bigint {
  let { numerator, denominator } = exactParts(value);
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator - quotient * denominator);
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** |value| with `precision` digits after the point (format type 'f'). */
export function fixedDigits(value: number, precision: number): string {
  const digits = roundScaled(value, precision).toString().padStart(precision + 1, "0");
  return precision > 0 ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits;
}

/** |value| as d.ddd and its decimal exponent, with `precision` digits after the point. */
export function exponentDigits(value: number, precision: number): { mantissa: string; exponent: number } {
  const magnitude = Math.abs(value);
  if (magnitude === 0) return { mantissa: precision > 0 ? "0." + "0".repeat(precision) : "0", exponent: 0 };
  let exponent = Number(magnitude.toExponential().split("e")[1]);
  let scaled = roundScaled(magnitude, precision - exponent);
  if (scaled >= 10n ** BigInt(precision + 1)) {
    exponent++;
    scaled = roundScaled(magnitude, precision - exponent);
  } else if (scaled < 10n ** BigInt(precision)) {
    exponent--;
    scaled = roundScaled(magnitude, precision - exponent);
  }
  const digits = scaled.toString();
  return { mantissa: precision > 0 ? `${digits[0]}.${digits.slice(1)}` : digits, exponent };
}

/** |value| in format type 'e': d.dddde+XX. */
export function exponentialText(value: number, precision: number): string {
  const { mantissa, exponent } = exponentDigits(value, precision);
  return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}
