// openKioskSync: the kiosk end of replication. Push loop (outbox -> hub), pull loop (knowledge base
// <- hub), and the realtime nudge that makes the pull loop run at once when the hub publishes.
import type BetterSqlite3 from 'better-sqlite3';
import { Hlc } from '../schema/hlc.ts';
import { SYNC_LIMITS } from '../schema/change.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { KioskSync, SyncStatus, KnowledgeArticle, RoutingRule } from './contract.ts';
import { Backoff, type BackoffPolicy } from './backoff.ts';
import { HubHttp, HubRequestError } from './hub-http.ts';
import type { HubClientTls } from './hub-fetch.ts';
import { classifyPushFailure } from './push-failure.ts';
import { KbReplica } from './kb-replica.ts';
import { SettingsReplica } from './settings-replica.ts';
import { migrateLocal, requireDurableMode } from './local-schema.ts';
import { Outbox } from './outbox.ts';
import { DEFAULT_OUTBOX_ALARM, OutboxAlarm } from './outbox-alarm.ts';
import { RealtimeLink } from './realtime.ts';
import { StopSignal, Waker } from './waker.ts';

export interface KioskSyncOptions {
  hubUrl: string;
  kioskId: string;
  /** The kiosk's bearer token from enrollment. */
  token: string;
  logger?: Logger;
  /** Changes per push (at most SYNC_LIMITS.maxBatchChanges). Default 500, the protocol maximum. */
  batchSize?: number;
  /** Approximate JSON bytes per push, below the hub's body limit. Default 512 KiB. */
  maxBatchBytes?: number;
  /** Knowledge pull period; the realtime nudge makes it run sooner. Default 5000 ms. */
  pullIntervalMs?: number;
  /** Safety-net push period when nobody nudges. Default 5000 ms. */
  pushIntervalMs?: number;
  /** Retry backoff window: full jitter between these. Defaults 500 ms and 30 s. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Per-request timeout. Default 15 s. */
  requestTimeoutMs?: number;
  /** Connect the realtime WebSocket. Default true. */
  realtime?: boolean;
  /** How long acknowledged outbox rows are kept for diagnosis. Default 24 h. */
  ackRetentionMs?: number;
  /** The outbox size alarm's thresholds (outbox-alarm.ts). Defaults 10,000 changes and 64 MiB. */
  outboxAlarmChanges?: number;
  outboxAlarmBytes?: number;
  /** An https hub: the CA its certificate must chain to, and the kiosk's certificate for mutual TLS. */
  tls?: HubClientTls;
}

export function openKioskSync(db: BetterSqlite3.Database, options: KioskSyncOptions): KioskSync {
  requireDurableMode(db);
  migrateLocal(db);
  return new KioskSyncEngine(db, options);
}

class KioskSyncEngine implements KioskSync {
  readonly outbox: Outbox;
  private readonly replica: KbReplica;
  private readonly settings: SettingsReplica;
  private readonly http: HubHttp;
  private readonly realtimeLink: RealtimeLink | null;
  private readonly log: Logger;
  private readonly batchSize: number;
  /** Shrinks after a 413 and grows back after successes. */
  private batchLimit: number;
  private readonly maxBatchBytes: number;
  private readonly pullIntervalMs: number;
  private readonly pushIntervalMs: number;
  private readonly ackRetentionMs: number;
  private readonly pushWaker = new Waker();
  private readonly pullWaker = new Waker();
  /** Fired only by stop(): backoff sleeps must not be cut short by nudges. */
  private readonly stopSignal = new StopSignal();
  private readonly pushBackoff: Backoff;
  private readonly pullBackoff: Backoff;
  private readonly statusListeners = new Set<(s: SyncStatus) => void>();
  private readonly articleListeners = new Set<() => void>();
  private readonly settingsListeners = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private started = false;
  private stopped = false;
  private pushing = false;
  private lastSuccessAt: string | null = null;
  private lastPullAt: string | null = null;
  /** Each direction's last failure, cleared only by that direction's next success. */
  private pushError: string | null = null;
  private pullError: string | null = null;
  /** A loop that died of an unexpected error. */
  private loopError: string | null = null;
  private offline = false;
  private realtimeState: 'connected' | 'connecting' | 'off' = 'off';
  private lastPruneAt = 0;
  private lastPending = { changes: 0, bytes: 0 };
  private readonly alarm: OutboxAlarm;

  constructor(
    private readonly db: BetterSqlite3.Database,
    options: KioskSyncOptions,
  ) {
    this.log = options.logger ?? silentLogger;
    this.batchSize = Math.min(options.batchSize ?? SYNC_LIMITS.maxBatchChanges, SYNC_LIMITS.maxBatchChanges);
    this.batchLimit = this.batchSize;
    this.maxBatchBytes = Math.min(options.maxBatchBytes ?? 512 * 1024, SYNC_LIMITS.maxPushBytes / 2);
    this.pullIntervalMs = options.pullIntervalMs ?? 5000;
    this.pushIntervalMs = options.pushIntervalMs ?? 5000;
    this.ackRetentionMs = options.ackRetentionMs ?? 24 * 3600_000;
    this.alarm = new OutboxAlarm(
      {
        changes: options.outboxAlarmChanges ?? DEFAULT_OUTBOX_ALARM.changes,
        bytes: options.outboxAlarmBytes ?? DEFAULT_OUTBOX_ALARM.bytes,
      },
      this.log,
    );
    const backoff: BackoffPolicy = {
      baseMs: options.backoffBaseMs ?? 500,
      capMs: options.backoffCapMs ?? 30_000,
      jitter: 'full',
    };
    this.pushBackoff = new Backoff(backoff);
    this.pullBackoff = new Backoff(backoff);
    this.outbox = new Outbox(db, options.kioskId, new Hlc(options.kioskId));
    this.replica = new KbReplica(db);
    this.settings = new SettingsReplica(db, options.kioskId);
    const hub = { url: options.hubUrl, token: options.token, tls: options.tls };
    this.http = new HubHttp(hub, options.requestTimeoutMs ?? 15_000);
    this.realtimeLink =
      options.realtime === false
        ? null
        : new RealtimeLink(hub, {
            onConnected: () => {
              this.realtimeState = 'connected';
              this.log.info({ event: 'sync.realtime.connected' }, 'realtime nudge connected');
              // Catch-up after (re)connecting: anything published while we were away.
              this.pullWaker.wake();
              this.pushWaker.wake();
              this.emitStatus();
            },
            onEvent: (event) => {
              if (event.type === 'articles_changed' || event.type === 'settings_changed')
                this.pullWaker.wake();
            },
            onDisconnected: (reason) => {
              this.realtimeState = this.stopped ? 'off' : 'connecting';
              this.log.debug({ event: 'sync.realtime.closed', reason }, reason);
              this.emitStatus();
            },
          });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.realtimeLink) {
      this.realtimeState = 'connecting';
      this.realtimeLink.start();
    }
    this.loops = [this.guard('push', this.pushLoop()), this.guard('pull', this.pullLoop())];
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.pushWaker.wake();
    this.pullWaker.wake();
    this.stopSignal.fire();
    // In-flight requests finish (and their acknowledgements commit) before we resolve.
    await Promise.all([...this.loops, this.realtimeLink?.stop()]);
    this.realtimeState = 'off';
    this.emitStatus();
  }

  nudge(): void {
    // Measured on every local commit, so the alarm rises with the change that crosses its threshold.
    this.pendingSize();
    this.pushWaker.wake();
    this.emitStatus();
  }

  status(): SyncStatus {
    let state: SyncStatus['state'];
    if (this.stopped) state = 'stopped';
    else if (this.pushing) state = 'syncing';
    else if (this.lastError() !== null) state = this.offline ? 'offline' : 'error';
    else if (this.quarantinedCount() > 0) state = 'error';
    else state = 'idle';
    return {
      state,
      pending: this.pendingSize().changes,
      pendingBytes: this.lastPending.bytes,
      outboxAlarm: this.alarm.on,
      lastSuccessAt: this.lastSuccessAt,
      lastError: this.lastError(),
      pushError: this.pushError,
      pullError: this.pullError,
      quarantined: this.quarantinedCount(),
      lastPullAt: this.lastPullAt,
      realtime: this.realtimeState,
    };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  articles(): KnowledgeArticle[] {
    return this.replica.inEffect();
  }

  onArticles(listener: () => void): () => void {
    this.articleListeners.add(listener);
    return () => this.articleListeners.delete(listener);
  }

  config(): Record<string, unknown> {
    return this.settings.config();
  }

  routingRules(): RoutingRule[] {
    return this.settings.routingRules();
  }

  onSettings(listener: () => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  private lastError(): string | null {
    return this.loopError ?? this.pushError ?? this.pullError;
  }

  private lastQuarantined = 0;
  private quarantinedCount(): number {
    if (this.db.open) this.lastQuarantined = this.outbox.quarantined();
    return this.lastQuarantined;
  }

  /** The outbox size (and the alarm on it); the last known one once the caller has closed the database. */
  private pendingSize(): { changes: number; bytes: number } {
    if (this.db.open) {
      this.lastPending = this.outbox.pendingSize();
      this.alarm.update(this.lastPending);
    }
    return this.lastPending;
  }

  /** A loop that dies of an unexpected error (the caller closed the database, say) is logged, not thrown. */
  private async guard(name: string, loop: Promise<void>): Promise<void> {
    try {
      await loop;
    } catch (err) {
      this.loopError = `${name} loop stopped: ${(err as Error).message}`;
      this.log.error({ event: 'sync.loop.died', loop: name, err: (err as Error).message }, this.loopError);
    }
  }

  private async pushLoop(): Promise<void> {
    while (!this.stopped && this.db.open) {
      const batch = this.outbox.nextBatch(this.batchLimit, this.maxBatchBytes);
      if (batch.changes.length === 0) {
        this.maybePrune();
        await this.pushWaker.sleep(this.pushIntervalMs);
        continue;
      }
      this.pushing = true;
      this.emitStatus();
      try {
        const res = await this.http.push(batch.changes);
        // Acknowledge only what the hub confirmed, and only ids we actually sent.
        const sent = new Set(batch.changes.map((c) => c.id));
        const confirmed = [...res.applied, ...res.duplicates].filter((id) => sent.has(id));
        this.outbox.acknowledge(confirmed);
        this.pendingSize();
        this.receiveHubClock(res.hlc);
        this.pushing = false;
        this.batchLimit = Math.min(this.batchSize, this.batchLimit * 2);
        this.succeeded('push', this.pushBackoff);
        this.log.debug({
          event: 'sync.push',
          applied: res.applied.length,
          duplicates: res.duplicates.length,
        });
      } catch (err) {
        this.pushing = false;
        const failure = classifyPushFailure(err, batch.changes.length);
        if (failure.kind === 'quarantine' && batch.changes[0]) {
          this.quarantine(batch.changes[0], failure.status, err as Error);
          continue;
        }
        if (failure.kind === 'split' || (err instanceof HubRequestError && err.status === 413)) {
          this.batchLimit = Math.max(1, Math.floor(batch.changes.length / 2));
        }
        const delay = this.failed('push', err, this.pushBackoff);
        await this.stopSignal.sleep(delay);
      }
    }
  }

  private async pullLoop(): Promise<void> {
    while (!this.stopped && this.db.open) {
      try {
        let more = true;
        while (more && !this.stopped) {
          const page = await this.http.pull(this.replica.checkpoint());
          // The checkpoint moves in the same local transaction as the articles it covers.
          const changed = this.replica.applyPage(page.articles, page.checkpoint);
          if (changed > 0) this.emit(this.articleListeners);
          more = page.hasMore;
        }
        // Knowledge is current from here on (lastPullAt is about knowledge; settings follow).
        this.lastPullAt = new Date().toISOString();
        for (let more = true; more && !this.stopped;) {
          const page = await this.http.pullSettings(this.settings.checkpoint());
          if (this.settings.applyPage(page.docs, page.checkpoint) > 0) this.emit(this.settingsListeners);
          more = page.hasMore;
        }
        this.succeeded('pull', this.pullBackoff);
        await this.pullWaker.sleep(this.pullIntervalMs);
      } catch (err) {
        const delay = this.failed('pull', err, this.pullBackoff);
        await this.stopSignal.sleep(delay);
      }
    }
  }

  /** Sets a change the hub refused for good aside, so the changes behind it flow; alerts once. */
  private quarantine(
    change: { id: string; entity: string; entityId: string },
    status: number,
    err: Error,
  ): void {
    this.outbox.quarantine(change.id, status, err.message);
    this.log.error(
      {
        event: 'sync.change.quarantined',
        changeId: change.id,
        entity: change.entity,
        entityId: change.entityId,
        status,
        err: err.message,
      },
      'the hub refused a change for good; set aside in sync_quarantine',
    );
    this.emitStatus();
  }

  private succeeded(what: 'push' | 'pull', backoff: Backoff): void {
    const failing = what === 'push' ? this.pushError : this.pullError;
    const recovering = backoff.failures > 0 || failing !== null;
    backoff.reset();
    this.lastSuccessAt = new Date().toISOString();
    if (recovering) {
      if (what === 'push') this.pushError = null;
      else this.pullError = null;
      this.offline = false;
      this.log.info({ event: 'sync.recovered' }, 'hub reachable again');
      // Catch-up on both directions after an outage.
      this.pullWaker.wake();
      this.pushWaker.wake();
    }
    this.emitStatus();
  }

  private failed(what: 'push' | 'pull', err: unknown, backoff: Backoff): number {
    const message = err instanceof Error ? err.message : String(err);
    this.offline = err instanceof HubRequestError && (err.status === 0 || err.status >= 500);
    if (what === 'push') this.pushError = `push: ${message}`;
    else this.pullError = `pull: ${message}`;
    const delay = backoff.next();
    const level = backoff.failures === 1 ? 'warn' : 'debug';
    this.log[level]({ event: `sync.${what}.failed`, err: message, retryInMs: delay }, `${what} failed`);
    this.emitStatus();
    return delay;
  }

  private receiveHubClock(hlc: string): void {
    try {
      this.outbox.hlc.receive(hlc);
    } catch (err) {
      this.log.warn({ event: 'sync.hlc.drift', err: (err as Error).message }, 'hub clock far ahead; ignored');
    }
  }

  private maybePrune(): void {
    if (Date.now() - this.lastPruneAt < 3600_000) return;
    this.lastPruneAt = Date.now();
    this.outbox.pruneAcked(this.ackRetentionMs);
  }

  private emitStatus(): void {
    if (this.statusListeners.size === 0) return;
    const s = this.status();
    for (const l of this.statusListeners) {
      try {
        l(s);
      } catch (err) {
        this.log.error({ event: 'sync.listener.failed', err: (err as Error).message });
      }
    }
  }

  private emit(listeners: Set<() => void>): void {
    for (const l of listeners) {
      try {
        l();
      } catch (err) {
        this.log.error({ event: 'sync.listener.failed', err: (err as Error).message });
      }
    }
  }
}
