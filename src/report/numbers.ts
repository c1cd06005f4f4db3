/** Numbers for people: rounded for reading (machine formats keep them unrounded). */

/** Fixed decimals, without "-0". */
export function fixed(x: number | null, digits: number): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const s = x.toFixed(digits);
  return /^-0(?:\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Thousands separated by a thin space would confuse pipes; plain digits. */
export function int(x: number): string {
  return String(x);
}
