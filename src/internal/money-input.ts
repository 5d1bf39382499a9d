/**
 * Money typed by a user (an AutoPay maximum, a disputed amount): read in
 * minor units, and written back the way the user would type it.
 */

interface MoneyFormat {
  digits: number;
  decimal: string;
  group: string;
}

function moneyFormat(locale: string, currency: string): MoneyFormat {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    digits: format.resolvedOptions().maximumFractionDigits ?? 2,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/**
 * Reads an amount as typed, in minor units of `currency`: the locale's
 * decimal separator or a point, grouping spaces, and (where the locale groups
 * with commas) commas in their places. A sign is kept, so that zero and
 * negative maxima can be refused with their own message. Null when it is not
 * an amount at all.
 */
export function parseMoney(text: string, locale: string, currency: string): number | null {
  const { digits, decimal, group } = moneyFormat(locale, currency);
  let value = text.replace(/[\s\u00a0\u202f]/g, '');
  const negative = /^[-−]/.test(value);
  if (negative) value = value.slice(1);
  if (decimal === ',') value = value.replace(',', '.');
  else if (group === ',') {
    if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) value = value.replace(/,/g, '');
  }
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(value) ?? /^()\.(\d+)$/.exec(value);
  if (!match || (match[2] ?? '').length > digits) return null;
  const minor = Number(match[1] || '0') * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return negative ? -minor : minor;
}

/** Minor units as the user would type them back: `1250.50` / `1250,50`, no grouping, no sign of the currency. */
export function moneyInput(amount: number, locale: string, currency: string): string {
  const { digits, decimal } = moneyFormat(locale, currency);
  const scale = 10 ** digits;
  const whole = Math.trunc(Math.abs(amount) / scale);
  const fraction = digits ? `${decimal}${String(Math.abs(amount) % scale).padStart(digits, '0')}` : '';
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`;
}
