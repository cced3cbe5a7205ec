// What the technician API and its WebSocket need from the agent, as one interface (composed in
// agent/tech-console.ts), so the Hono app stays runtime-agnostic and testable.
import type { ArmStatus, SelfTestResult } from '@branch/firmware-bridge';
import type { JogEvent, JogRequest, JogStartResult } from '../jog/jog-controller.ts';
import type { Runbook } from '../runbook/runbook-schema.ts';
import type { StoredRun } from '../runbook/runbook-store.ts';
import type { RunProgress } from '../runbook/run-types.ts';
import type { StartResult } from '../runbook/runbook-service.ts';
import type { SafetyTransition } from '../safety/safety-supervisor.ts';
import type { SafetyEventRecord } from '../store/safety-event-store.ts';
import type { LoginResult, TechnicianIdentity } from './technician-auth.ts';

export interface Inventory {
  agent: { version: string; node: string; kioskId: string; mode: string; startedAt: string };
  devices: {
    name: string;
    kind: string;
    /** Firmware or driver version where the device reports one. */
    firmware: string | null;
    state: string;
    detail?: string;
  }[];
}

export interface LiveStatus {
  safety: {
    state: string;
    cause: string;
    inputs: { estopPressed: boolean; presence: boolean; doorOpen: boolean };
  };
  available: boolean;
  arm: ArmStatus;
  cardReader: { kind: string; attached: boolean };
  sync: { state: string; pending: number };
  runbook: RunProgress | null;
  jog: string | null;
}

export interface SelfTestReport {
  ok: boolean;
  at: string;
  arm: SelfTestResult | { ok: false; checks: { name: string; ok: boolean; detail: string }[] };
  checks: { name: string; ok: boolean; detail: string }[];
}

export interface HistoryEntry {
  at: string;
  kind: 'safety' | 'runbook';
  summary: string;
}

export type BundleState =
  | { id: string; state: 'building'; done: number; total: number; stage: string }
  | { id: string; state: 'ready'; done: number; total: number; stage: string; bytes: number }
  | { id: string; state: 'failed'; done: number; total: number; stage: string; error: string };

/** One arm telemetry sample as the technician console gets it (joint arrays, tool position in mm). */
export interface ArmTelemetry {
  t: number;
  positions: number[];
  velocities: number[];
  currents: number[];
  temperatures: number[];
  tool: { x: number; y: number; z: number };
}

export interface TechDeps {
  /** `client`: the address the attempt is counted against (see client-address.ts). */
  login(pin: string, user: string | undefined, client: string): Promise<LoginResult>;
  verify(token: string): boolean;
  /** The person signed in with `token`, or null. */
  whoIs(token: string): TechnicianIdentity | null;
  signOut(token: string): void;
  reset(by: string): { ok: true; state: string } | { ok: false; reason: string };
  safetyEvents(limit: number): SafetyEventRecord[];
  inventory(): Promise<Inventory>;
  status(): LiveStatus;
  selfTest(): Promise<SelfTestReport>;
  runbooks(): Runbook[];
  startRunbook(id: string, by: string): StartResult;
  abortRunbook(runId: string | undefined): boolean;
  runHistory(limit: number): StoredRun[];
  history(limit: number): HistoryEntry[];
  jogStart(req: JogRequest, by: string): JogStartResult;
  jogHeartbeat(jogId: string): boolean;
  jogStop(jogId: string): boolean;
  bundleStart(): BundleState;
  bundleState(id: string): BundleState | null;
  bundleBody(id: string): string | null;
  /** Streams for the technician WebSocket. */
  onTelemetry(l: (t: ArmTelemetry) => void): () => void;
  onProgress(l: (p: RunProgress) => void): () => void;
  onJog(l: (e: JogEvent) => void): () => void;
  onTransition(l: (t: SafetyTransition) => void): () => void;
  onBundle(l: (b: BundleState) => void): () => void;
}

/** Messages the technician WebSocket sends (kiosk-ui's console imports this type). */
export type TechServerMessage =
  | { type: 'status'; status: LiveStatus }
  | ({ type: 'telemetry' } & ArmTelemetry)
  | ({ type: 'runbook.progress' } & RunProgress)
  | ({ type: 'jog'; event: 'started' | 'stopped' } & Omit<JogEvent, 'type'> & { reason?: string })
  | ({ type: 'jog.start.result' } & JogStartResult)
  | { type: 'jog.ended'; jogId: string }
  | ({ type: 'safety' } & SafetyTransition)
  | ({ type: 'bundle' } & BundleState)
  | { type: 'error'; message: string }
  | { type: 'pong' };
