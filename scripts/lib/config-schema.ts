// The branch-in-a-box configuration: one file (kiosk.config.json) on embedded defaults, with environment
// overrides. Every key is documented in the README ("Configuration").
import { DEFAULT_TICKET_SLA, TicketSlaSchema } from '@branch/cloud-sync';
import { z } from 'zod';

const Port = z.number().int().min(0).max(65_535);
const Host = z.string().min(1).max(255);
const UsbId = z.number().int().min(0).max(0xffff);
const Line = z.number().int().min(0).max(1023);

export const BranchConfigSchema = z
  .object({
    /** Folder for every service's data (hub SQLite, agent SQLite, secrets, runtime info). */
    dataDir: z.string().min(1),
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error']),
    hub: z
      .object({
        host: Host,
        port: Port,
        /** PEM certificate (chain) and key ('' for none): with both, the hub serves HTTPS and wss. */
        tlsCertFile: z.string(),
        tlsKeyFile: z.string(),
        /** Without files: make (once) and use a self-signed pair in dataDir/hub/tls, for a trial. */
        tlsSelfSigned: z.boolean(),
        /** Mutual TLS: every client must show a certificate from this PEM CA ('' for none). */
        tlsClientCaFile: z.string(),
        /** Record calls (the kiosk tells the customer so); off: no recording and no notice. */
        recording: z.boolean(),
        /** Days a call recording is kept unless on legal hold. */
        recordingRetentionDays: z.number().int().min(1).max(36_500),
        /** Tickets' resolution targets in minutes per kind and priority (cloud-sync's ticket-sla.ts). */
        ticketSla: TicketSlaSchema,
        /** How often the hub escalates tickets past their due time to the supervisors. */
        ticketEscalationSeconds: z.number().int().min(1).max(86_400),
      })
      .strict()
      .refine((h) => (h.tlsCertFile === '') === (h.tlsKeyFile === ''), {
        message: 'tlsCertFile and tlsKeyFile go together: set both or neither',
        path: ['tlsKeyFile'],
      }),
    agent: z
      .object({
        host: Host,
        port: Port,
        kioskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only, at most 64'),
        /** simulation: virtual card reader and GPIO (and the simulator); hardware: the devices below. */
        mode: z.enum(['simulation', 'hardware']),
        /** The hub the agent syncs with ('': the local hub at hub.host:hub.port). */
        hubUrl: z.union([z.literal(''), z.url()]),
        /** The PEM CA an https hub's certificate must chain to ('': the local self-signed one, or the system's). */
        hubCaFile: z.string(),
        /** The kiosk's PEM certificate and key for a hub with mutual TLS ('' for none). */
        hubCertFile: z.string(),
        hubKeyFile: z.string(),
      })
      .strict()
      .refine((a) => (a.hubCertFile === '') === (a.hubKeyFile === ''), {
        message: 'hubCertFile and hubKeyFile go together: set both or neither',
        path: ['hubKeyFile'],
      }),
    /** The real card reader (hardware mode): a USB HID reader by vendor and product id. */
    cardReader: z
      .object({
        vendorId: UsbId,
        productId: UsbId,
        report: z.enum(['keyboard', 'magtek']),
      })
      .strict(),
    /** The real GPIO (hardware mode): a gpiochip by label or name ('': the Raspberry Pi header chip). */
    gpio: z
      .object({
        chip: z.string(),
        /** Chip-relative line numbers. */
        pins: z
          .object({
            estop: Line,
            presence: Line,
            door: Line,
            customer: Line,
            green: Line,
            amber: Line,
            red: Line,
            buzzer: Line,
          })
          .strict(),
      })
      .strict(),
    technician: z
      .object({
        /** Technician console and API address (e.g. the service LAN); loopback by default. */
        host: Host,
        /** -1: follow the agent (agent.port + 1, or any free port when agent.port is 0). */
        port: z.number().int().min(-1).max(65_535),
        /** PEM certificate and key files ('' for none): with both, the console is served over HTTPS. */
        tlsCertFile: z.string(),
        tlsKeyFile: z.string(),
        /** Plain HTTP on a non-loopback host: only behind a TLS-terminating proxy. */
        allowPlaintext: z.boolean(),
        /** Comma-separated proxy addresses whose X-Forwarded-For names the client ('' for none). */
        trustedProxies: z.string(),
      })
      .strict(),
    simulator: z
      .object({
        /**
         * Simulation mode only: start the firmware simulator on a pty (true), or drive real firmware at
         * arm.port (false). Hardware mode never starts the simulator.
         */
        enabled: z.boolean(),
        dialect: z.enum(['binary', 'gcode']),
      })
      .strict(),
    arm: z
      .object({
        /** Serial device of real firmware; ignored while the simulator is enabled. */
        port: z.string().min(1),
        baudRate: z.number().int().positive(),
      })
      .strict(),
    safety: z
      .object({
        presenceClearMs: z.number().int().min(0).max(600_000),
        estopDebounceMs: z.number().int().min(0).max(1000),
      })
      .strict(),
    sync: z
      .object({
        /** The kiosk outbox's size alarm: changes (or bytes of them) waiting for the hub. */
        outboxAlarmChanges: z.number().int().min(1).max(10_000_000),
        outboxAlarmBytes: z
          .number()
          .int()
          .min(1024)
          .max(2 ** 40),
      })
      .strict(),
    turn: z
      .object({
        /** Start coturn (Debian's turnserver) with the branch and give each call party a TURN credential. */
        enabled: z.boolean(),
        /** Where coturn listens and relays: the kiosk's LAN address in a branch. */
        host: z.string().min(1),
        port: z.number().int().min(1).max(65_535),
        /** The UDP ports relayed media uses. */
        minPort: z.number().int().min(1024).max(65_535),
        maxPort: z.number().int().min(1024).max(65_535),
        /** Both ends of a call use the TURN server only (iceTransportPolicy 'relay'). */
        relayOnly: z.boolean(),
      })
      .strict()
      .refine((t) => t.minPort < t.maxPort, { message: 'minPort must be below maxPort', path: ['maxPort'] })
      .refine((t) => t.enabled || !t.relayOnly, {
        message: 'relayOnly needs turn.enabled',
        path: ['relayOnly'],
      }),
    voice: z
      .object({
        /** espeak: Debian's espeak-ng through the agent; browser: the page's speechSynthesis voice. */
        engine: z.enum(['espeak', 'browser']),
        rateWpm: z.number().int().min(80).max(400),
        volume: z.number().int().min(10).max(200),
      })
      .strict(),
  })
  .strict();

export type BranchConfig = z.infer<typeof BranchConfigSchema>;

export const DEFAULT_CONFIG: BranchConfig = {
  dataDir: './data',
  logLevel: 'info',
  hub: {
    host: '127.0.0.1',
    port: 7100,
    tlsCertFile: '',
    tlsKeyFile: '',
    tlsSelfSigned: false,
    tlsClientCaFile: '',
    recording: false,
    recordingRetentionDays: 180,
    ticketSla: DEFAULT_TICKET_SLA,
    ticketEscalationSeconds: 60,
  },
  agent: {
    host: '127.0.0.1',
    port: 7200,
    kioskId: 'kiosk-sim-1',
    mode: 'simulation',
    hubUrl: '',
    hubCaFile: '',
    hubCertFile: '',
    hubKeyFile: '',
  },
  cardReader: { vendorId: 0, productId: 0, report: 'keyboard' },
  gpio: {
    chip: '',
    pins: { estop: 17, presence: 27, door: 22, customer: 26, green: 5, amber: 6, red: 13, buzzer: 19 },
  },
  technician: {
    host: '127.0.0.1',
    port: -1,
    tlsCertFile: '',
    tlsKeyFile: '',
    allowPlaintext: false,
    trustedProxies: '',
  },
  simulator: { enabled: true, dialect: 'binary' },
  arm: { port: '/dev/ttyUSB0', baudRate: 115_200 },
  safety: { presenceClearMs: 3000, estopDebounceMs: 5 },
  sync: { outboxAlarmChanges: 10_000, outboxAlarmBytes: 64 * 1024 * 1024 },
  turn: { enabled: false, host: '127.0.0.1', port: 3478, minPort: 49_160, maxPort: 49_200, relayOnly: false },
  voice: { engine: 'espeak', rateWpm: 165, volume: 100 },
};
