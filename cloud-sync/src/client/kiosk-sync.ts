// openKioskSync: the kiosk end of replication. Push loop (outbox -> hub), pull loop (knowledge base
// <- hub), and the realtime nudge that makes the pull loop run at once when the hub publishes.
import type BetterSqlite3 from 'better-sqlite3';
import { Hlc } from '../schema/hlc.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { KioskSync, SyncStatus, KnowledgeArticle, RoutingRule } from './contract.ts';
import { HubHttp } from './hub-http.ts';
import { ListenerSet } from './listener-set.ts';
import { syncTuning, type KioskSyncOptions, type SyncTuning } from './kiosk-sync-options.ts';
import { classifyPushFailure, setAside } from './push-failure.ts';
import { KbReplica } from './kb-replica.ts';
import { SettingsReplica } from './settings-replica.ts';
import { migrateLocal, requireDurableMode } from './local-schema.ts';
import { Outbox } from './outbox.ts';
import { OutboxAlarm } from './outbox-alarm.ts';
import { RealtimeLink } from './realtime.ts';
import { SyncHealth, type SyncDirection } from './sync-health.ts';
import { StopSignal, Waker } from './waker.ts';

export type { KioskSyncOptions } from './kiosk-sync-options.ts';

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
  private readonly tuning: SyncTuning;
  /** Shrinks after a 413 and grows back after successes. */
  private batchLimit: number;
  private readonly pushWaker = new Waker();
  private readonly pullWaker = new Waker();
  /** Fired only by stop(): backoff sleeps must not be cut short by nudges. */
  private readonly stopSignal = new StopSignal();
  private readonly health: SyncHealth;
  private readonly statusListeners: ListenerSet<SyncStatus>;
  private readonly articleListeners: ListenerSet<void>;
  private readonly settingsListeners: ListenerSet<void>;
  private loops: Promise<void>[] = [];
  private started = false;
  private stopped = false;
  private pushing = false;
  private lastPullAt: string | null = null;
  private realtimeState: 'connected' | 'connecting' | 'off' = 'off';
  private lastPruneAt = 0;
  private lastPending = { changes: 0, bytes: 0 };
  private lastQuarantined = 0;
  private readonly alarm: OutboxAlarm;

  constructor(
    private readonly db: BetterSqlite3.Database,
    options: KioskSyncOptions,
  ) {
    this.log = options.logger ?? silentLogger;
    this.tuning = syncTuning(options);
    this.batchLimit = this.tuning.batchSize;
    this.alarm = new OutboxAlarm(this.tuning.alarm, this.log);
    this.health = new SyncHealth(this.tuning.backoff, this.log);
    this.statusListeners = new ListenerSet(this.log);
    this.articleListeners = new ListenerSet(this.log);
    this.settingsListeners = new ListenerSet(this.log);
    this.outbox = new Outbox(db, options.kioskId, new Hlc(options.kioskId));
    this.replica = new KbReplica(db);
    this.settings = new SettingsReplica(db, options.kioskId);
    const hub = { url: options.hubUrl, token: options.token, tls: options.tls };
    this.http = new HubHttp(hub, this.tuning.requestTimeoutMs);
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
    else if (this.health.lastError() !== null) state = this.health.offline ? 'offline' : 'error';
    else if (this.quarantinedCount() > 0) state = 'error';
    else state = 'idle';
    return {
      state,
      pending: this.pendingSize().changes,
      pendingBytes: this.lastPending.bytes,
      outboxAlarm: this.alarm.on,
      lastSuccessAt: this.health.lastSuccessAt,
      lastError: this.health.lastError(),
      pushError: this.health.error('push'),
      pullError: this.health.error('pull'),
      quarantined: this.quarantinedCount(),
      lastPullAt: this.lastPullAt,
      realtime: this.realtimeState,
    };
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  articles(): KnowledgeArticle[] {
    return this.replica.inEffect();
  }

  onArticles(listener: () => void): () => void {
    return this.articleListeners.add(listener);
  }

  config(): Record<string, unknown> {
    return this.settings.config();
  }

  routingRules(): RoutingRule[] {
    return this.settings.routingRules();
  }

  onSettings(listener: () => void): () => void {
    return this.settingsListeners.add(listener);
  }

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
      this.health.loopDied(name, err);
    }
  }

  private async pushLoop(): Promise<void> {
    while (!this.stopped && this.db.open) {
      const batch = this.outbox.nextBatch(this.batchLimit, this.tuning.maxBatchBytes);
      if (batch.changes.length === 0) {
        this.maybePrune();
        await this.pushWaker.sleep(this.tuning.pushIntervalMs);
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
        this.batchLimit = Math.min(this.tuning.batchSize, this.batchLimit * 2);
        this.succeeded('push');
        this.log.debug({
          event: 'sync.push',
          applied: res.applied.length,
          duplicates: res.duplicates.length,
        });
      } catch (err) {
        this.pushing = false;
        const failure = classifyPushFailure(err, batch.changes.length);
        if (failure.kind === 'quarantine' && batch.changes[0]) {
          setAside(this.outbox, batch.changes[0], failure.status, err as Error, this.log);
          this.emitStatus();
          continue;
        }
        if (failure.kind === 'split') this.batchLimit = Math.max(1, Math.floor(batch.changes.length / 2));
        const delay = this.failed('push', err);
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
          if (changed > 0) this.articleListeners.emit();
          more = page.hasMore;
        }
        // Knowledge is current from here on (lastPullAt is about knowledge; settings follow).
        this.lastPullAt = new Date().toISOString();
        for (let more = true; more && !this.stopped;) {
          const page = await this.http.pullSettings(this.settings.checkpoint());
          if (this.settings.applyPage(page.docs, page.checkpoint) > 0) this.settingsListeners.emit();
          more = page.hasMore;
        }
        this.succeeded('pull');
        await this.pullWaker.sleep(this.tuning.pullIntervalMs);
      } catch (err) {
        const delay = this.failed('pull', err);
        await this.stopSignal.sleep(delay);
      }
    }
  }

  private succeeded(what: SyncDirection): void {
    // Catch-up on both directions after an outage.
    if (this.health.succeeded(what)) {
      this.pullWaker.wake();
      this.pushWaker.wake();
    }
    this.emitStatus();
  }

  private failed(what: SyncDirection, err: unknown): number {
    const delay = this.health.failed(what, err);
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
    this.outbox.pruneAcked(this.tuning.ackRetentionMs);
  }

  private emitStatus(): void {
    if (this.statusListeners.size > 0) this.statusListeners.emit(this.status());
  }
}
