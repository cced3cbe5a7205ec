// A small Prometheus text-format registry: counters and gauges with labels, plus gauges read on scrape.

type Labels = Record<string, string>;

interface Family {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, { labels: Labels; value: number }>;
  collect?: () => { labels?: Labels; value: number }[];
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k] as string)}"`).join(',')}}`;
}

export class Metrics {
  private families = new Map<string, Family>();

  counter(name: string, help: string): (labels?: Labels, by?: number) => void {
    const f = this.family(name, help, 'counter');
    return (labels = {}, by = 1) => {
      const key = labelKey(labels);
      const cur = f.values.get(key);
      if (cur) cur.value += by;
      else f.values.set(key, { labels, value: by });
    };
  }

  /** A gauge computed at scrape time. */
  gauge(name: string, help: string, collect: () => { labels?: Labels; value: number }[]): void {
    this.family(name, help, 'gauge').collect = collect;
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, f] of this.families) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} ${f.type}`);
      const samples = f.collect
        ? f.collect().map((s) => ({ labels: s.labels ?? {}, value: s.value }))
        : [...f.values.values()];
      for (const s of samples)
        lines.push(`${name}${formatLabels(s.labels)} ${Number.isFinite(s.value) ? s.value : 'NaN'}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private family(name: string, help: string, type: Family['type']): Family {
    let f = this.families.get(name);
    if (!f) this.families.set(name, (f = { help, type, values: new Map() }));
    return f;
  }
}
