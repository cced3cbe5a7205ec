// How the wallboard writes its figures: shares as percents with one decimal, times in whole seconds.

export function percent(share: number | null, none: string): string {
  return share === null ? none : `${(share * 100).toFixed(1)} %`;
}

export function seconds(s: number): string {
  return `${Math.round(s)} s`;
}
