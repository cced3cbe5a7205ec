// Counters for GET /metrics (Prometheus text exposition format 0.0.4).
import type { HubStats } from './store/types.ts';

export class HubMetrics {
  private readonly requests = new Map<string, number>();
  changesApplied = 0;
  changesDuplicate = 0;
  articlesPublished = 0;
  loginFailures = 0;
  clockDriftRejected = 0;
  storageFull = 0;

  countRequest(method: string, route: string, status: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  render(stats: HubStats): string {
    const lines: string[] = [];
    const counter = (name: string, help: string, value: number): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`, `${name} ${value}`);
    };
    const gauge = (name: string, help: string, value: number): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
    };
    counter('hub_changes_applied_total', 'Changes applied since start.', this.changesApplied);
    counter(
      'hub_changes_duplicate_total',
      'Re-pushed changes acknowledged without applying.',
      this.changesDuplicate,
    );
    counter(
      'hub_articles_published_total',
      'Article versions published since start.',
      this.articlesPublished,
    );
    counter('hub_agent_login_failures_total', 'Failed agent logins since start.', this.loginFailures);
    counter(
      'hub_clock_drift_total',
      'Kiosk HLC timestamps too far ahead to merge into the hub clock.',
      this.clockDriftRejected,
    );
    counter(
      'hub_storage_full_total',
      'Requests refused because the store was full (disk or database size limit); nothing applied.',
      this.storageFull,
    );
    gauge('hub_kiosks', 'Enrolled kiosks.', stats.kiosks);
    gauge('hub_conversations', 'Conversations stored.', stats.conversations);
    gauge('hub_messages', 'Messages stored.', stats.messages);
    gauge('hub_changes_stored', 'Changes in the exactly-once ledger.', stats.changes);
    gauge('hub_articles', 'Article versions stored.', stats.articles);
    gauge('hub_device_events', 'Device events stored.', stats.deviceEvents);
    gauge('hub_tickets', 'Tickets stored (merged).', stats.tickets);
    gauge('hub_health_snapshots', 'Health snapshots stored.', stats.healthSnapshots);
    gauge('hub_settings', 'Configuration and routing-rule versions stored.', stats.settings);
    lines.push('# HELP hub_http_requests_total HTTP requests by route and status.');
    lines.push('# TYPE hub_http_requests_total counter');
    for (const [labels, n] of this.requests) lines.push(`hub_http_requests_total{${labels}} ${n}`);
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
