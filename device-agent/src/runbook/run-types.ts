// Shapes of a runbook run as the console, the store and the tests see them.
import type { MotionKind, MotionPermit, SafetyTransition } from '../safety/safety-supervisor.ts';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'aborted';

export interface StepResult {
  index: number;
  label: string;
  status: 'succeeded' | 'failed' | 'aborted';
  attempts: number;
  ms: number;
  message?: string;
}

/** Pushed to subscribers: step i of n (1-based), after each state change of the run. */
export interface RunProgress {
  runId: string;
  runbookId: string;
  status: RunStatus;
  step: number;
  total: number;
  label: string;
  attempt: number;
  message?: string;
}

export interface RunResult {
  runId: string;
  runbookId: string;
  status: Exclude<RunStatus, 'running'>;
  startedAt: string;
  endedAt: string;
  by: string;
  steps: StepResult[];
  /** 1-based index of the step that failed or was aborted. */
  failedStep?: number;
  message?: string;
}

/** What the runner needs from the safety supervisor: its permit, and its transitions to abort on. */
export interface MotionGate {
  permit(kind: MotionKind): MotionPermit;
  onTransitionEvent(listener: (t: SafetyTransition) => void): () => void;
}
