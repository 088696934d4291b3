/** The q-quantile of samples (nearest rank), printed with one decimal. */
export function quantile(samples: number[], q: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
}
