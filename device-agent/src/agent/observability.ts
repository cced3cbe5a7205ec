// /healthz and /metrics content.
import type { KioskSync } from '@branch/cloud-sync';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ArmController } from '@branch/firmware-bridge';
import type { CardReader } from '../card/card-reader.ts';
import type { Metrics } from '../obs/metrics.ts';
import type { SafetyController } from '../safety/safety-controller.ts';
import type { SafetyState } from '../safety/safety-supervisor.ts';
import type { Db } from '../store/open-database.ts';
import { AGENT_VERSION } from '../version.ts';

const SAMPLE_MS = 10;
const STATES: SafetyState[] = ['ESTOP', 'PROTECTIVE_STOP', 'READY', 'MOVING', 'FAULT', 'MAINTENANCE'];

export interface ObservedParts {
  db: Db;
  safety: SafetyController;
  arm: ArmController;
  sync: KioskSync;
  cardReader: CardReader;
  kioskId: string;
  startedAt: number;
}

/** Registers the gauges; returns a function that stops the event-loop delay monitor. */
export function registerGauges(m: Metrics, p: ObservedParts): () => void {
  // The firmware's heartbeat is sent from the serial port's own thread, but only while this event loop
  // runs: a stall here of more than about 100 ms stops it, and the firmware's watchdog trips 250 ms later.
  const loop = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  // The histogram records whole sampling intervals: the stall is what exceeds the interval.
  const stallMs = (ns: number) => Math.max(0, ns / 1e6 - SAMPLE_MS);
  loop.enable();
  m.gauge('agent_event_loop_delay_max_ms', 'Longest event-loop stall since start', () => [
    { value: stallMs(loop.max) },
  ]);
  m.gauge('agent_event_loop_delay_p99_ms', '99th percentile event-loop delay since start', () => [
    { value: stallMs(loop.percentile(99)) },
  ]);
  m.gauge('agent_safety_state', 'Current safety state (1 for the active one)', () =>
    STATES.map((s) => ({ labels: { state: s }, value: p.safety.state() === s ? 1 : 0 })),
  );
  m.gauge('agent_available', 'Kiosk service available (1) or not (0)', () => [
    { value: p.safety.availability().available ? 1 : 0 },
  ]);
  m.gauge('agent_arm_link_up', 'Arm link up (1) or not (0)', () => [
    { value: p.arm.status().link === 'up' ? 1 : 0 },
  ]);
  m.gauge('agent_storage_full', 'Storage full (1): writes refused, safety events waiting in memory', () => [
    { value: p.safety.recordBacklog().storageFull ? 1 : 0 },
  ]);
  m.gauge('agent_safety_events_unrecorded', 'Safety transitions waiting in memory for storage', () => [
    { value: p.safety.recordBacklog().waiting },
  ]);
  m.gauge('agent_sync_pending', 'Outbox entries not yet acknowledged by the hub', () => [
    { value: p.sync.status().pending },
  ]);
  m.gauge('agent_sync_outbox_alarm', 'Outbox past its alarm threshold (1) or not (0)', () => [
    { value: p.sync.status().outboxAlarm ? 1 : 0 },
  ]);
  m.gauge('agent_sync_quarantined', 'Changes the hub refused for good, set aside in sync_quarantine', () => [
    { value: p.sync.status().quarantined ?? 0 },
  ]);
  m.gauge('agent_card_reader_attached', 'Card reader attached (1) or not (0)', () => [
    { value: p.cardReader.attached() ? 1 : 0 },
  ]);
  m.gauge('process_resident_memory_bytes', 'Resident set size', () => [{ value: process.memoryUsage.rss() }]);
  m.gauge('process_uptime_seconds', 'Seconds since the agent started', () => [
    { value: (Date.now() - p.startedAt) / 1000 },
  ]);
  return () => loop.disable();
}

export function health(p: ObservedParts): { ok: boolean } & Record<string, unknown> {
  let dbOk = true;
  try {
    p.db.prepare('SELECT 1').get();
  } catch {
    dbOk = false;
  }
  const arm = p.arm.status();
  const backlog = p.safety.recordBacklog();
  const sync = p.sync.status();
  return {
    // A full disk is not fine: records wait in memory until someone frees space.
    ok: dbOk && !backlog.storageFull,
    // Conditions that need someone although the kiosk still serves (so `ok` stays true and 200).
    alarms: sync.outboxAlarm ? ['sync.outbox'] : [],
    kioskId: p.kioskId,
    version: AGENT_VERSION,
    uptimeS: Math.round((Date.now() - p.startedAt) / 1000),
    db: dbOk ? (backlog.storageFull ? 'full' : 'ok') : 'error',
    storage: backlog,
    availability: p.safety.availability(),
    safety: { state: p.safety.state(), cause: p.safety.cause() },
    arm: { state: arm.state, link: arm.link, firmware: arm.firmware?.firmwareId ?? null },
    sync,
    cardReader: { kind: p.cardReader.kind, attached: p.cardReader.attached() },
  };
}
