// What the main thread says to the serial port's thread (port-thread.ts). Pure: no Node built-ins.

/**
 * Heartbeats stop when the main thread's liveness counter has not moved for this long, ms: the port
 * thread carries a busy main thread's link through a short stall, never a hung one, so the firmware's
 * own watchdog (250 ms without a host frame) still halts the arm when the host's logic stops.
 */
export const MAIN_STALL_MS = 100;
/** How often the main thread bumps its liveness counter, ms. */
export const ALIVE_BEAT_MS = 10;

export type ToPortThread =
  /** Binary-protocol heartbeat frames every `periodMs` while the main thread lives; null stops them. */
  | { type: 'heartbeat'; periodMs: number | null }
  /** The port (re)opened: a HALT still being repeated goes out at once. */
  | { type: 'opened' };
