/**
 * Minor units to a decimal string (`-1234` USD → `"-12.34"`) with integer
 * arithmetic only, for files other programs read: never a float on the way.
 */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function toDecimal(amount: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
}

/**
 * The inverse of `toDecimal` for an amount a person typed (`1234.5`,
 * `-12,30`), already checked against `PRINTED_AMOUNT`: minor units by string
 * arithmetic, or null when it has more decimals than the currency has.
 */
export function fromDecimal(text: string, currency: string): number | null {
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return null;
  const digits = currencyDigits(currency);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  return sign ? -minor : minor;
}
