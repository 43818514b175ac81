/** The q-quantile (0..1) of the values, linearly interpolated between closest ranks; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** part / whole, or null when there is no whole to divide by. */
export const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Rounded for display and comparison: floats from sums differ in the last bits between machines. */
export const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
