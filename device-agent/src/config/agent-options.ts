// Options of startAgent, validated with zod so that a JSON config and a programmatic caller get the
// same checks and the same clear errors.
import { isIP } from 'node:net';
import { isLoopbackHost } from '../tech/client-address.ts';
import { PinHash, TechnicianAccountSchema } from '../tech/technician-accounts.ts';
import type { Logger } from 'pino';
import { z } from 'zod';

const Port = z.number().int().min(0).max(65_535);
const LineNumber = z.number().int().min(0).max(1023);
const UsbId = z.number().int().min(0).max(0xffff);

export const PinoLoggerSchema = z.custom<Logger>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Logger).info === 'function' &&
    typeof (v as Logger).child === 'function',
  'must be a pino logger',
);

export const LoggerOptionsSchema = z
  .object({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Log file path; stdout when absent. */
    file: z.string().min(1).optional(),
  })
  .strict();

export const AgentOptionsSchema = z
  .object({
    /** Kiosk API address; 127.0.0.1 so that nothing off the kiosk can reach it. */
    host: z.string().min(1).max(255).default('127.0.0.1'),
    port: Port.default(7200),
    /**
     * Host names (no port) the kiosk API answers to besides 127.0.0.1, localhost, ::1 and `host`;
     * requests naming any other Host are refused (DNS rebinding).
     */
    allowedHosts: z.array(z.string().min(1).max(255)).max(16).default([]),
    /** Holds agent.sqlite (WAL). */
    dataDir: z.string().min(1),
    /** Built kiosk-ui (kiosk-ui/dist): index.html at /, sim.html at /sim, assets at /assets/*. */
    staticDir: z.string().min(1).optional(),
    mode: z.enum(['simulation', 'hardware']).default('simulation'),
    kioskId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only, at most 64'),
    hub: z
      .object({
        url: z.url(),
        token: z.string().min(1),
        /** An https hub: the PEM CA its certificate must chain to (only it is trusted); else the system's. */
        caFile: z.string().min(1).optional(),
        /** The kiosk's PEM certificate and key, for a hub that asks for client certificates (mutual TLS). */
        certFile: z.string().min(1).optional(),
        keyFile: z.string().min(1).optional(),
      })
      .strict()
      .refine((h) => (h.certFile === undefined) === (h.keyFile === undefined), {
        message: 'certFile and keyFile go together: set both or neither',
        path: ['keyFile'],
      }),
    /** Per-kiosk HMAC-SHA256 key for card tokens, hex (at least 16 bytes). */
    cardKey: z.string().regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, 'hex, 16 to 64 bytes'),
    arm: z
      .object({
        dialect: z.enum(['binary', 'gcode']).default('binary'),
        path: z.string().min(1),
        baudRate: z.number().int().positive().optional(),
      })
      .strict(),
    cardReader: z
      .object({
        kind: z.enum(['virtual', 'hid']).default('virtual'),
        vendorId: UsbId.optional(),
        productId: UsbId.optional(),
        /** HID report layout: keyboard-wedge reports, or a MagTek-style raw vendor report. */
        report: z.enum(['keyboard', 'magtek']).default('keyboard'),
        /** Flush a swipe that did not end with Enter after this quiet time. */
        swipeIdleMs: z.number().int().min(10).max(2000).default(150),
        reattachMs: z.number().int().min(100).max(60_000).default(2000),
      })
      .strict()
      .refine((r) => r.kind === 'virtual' || (r.vendorId !== undefined && r.productId !== undefined), {
        message: 'a hid card reader needs vendorId and productId',
      })
      .default({ kind: 'virtual', report: 'keyboard', swipeIdleMs: 150, reattachMs: 2000 }),
    gpio: z
      .object({
        kind: z.enum(['virtual', 'onoff']).default('virtual'),
        /** gpiochip label (e.g. 'pinctrl-rp1') or name; default: the Raspberry Pi header chip. */
        chip: z.string().min(1).optional(),
        /** Chip-relative line numbers (not sysfs numbers). */
        pins: z
          .object({
            estop: LineNumber,
            presence: LineNumber,
            door: LineNumber,
            green: LineNumber,
            amber: LineNumber,
            red: LineNumber,
            buzzer: LineNumber,
            /** The customer sensor at the kiosk front (not a safety input); optional for older configs. */
            customer: LineNumber.default(26),
          })
          .strict()
          .default({
            estop: 17,
            presence: 27,
            door: 22,
            green: 5,
            amber: 6,
            red: 13,
            buzzer: 19,
            customer: 26,
          }),
      })
      .strict()
      .default({
        kind: 'virtual',
        pins: { estop: 17, presence: 27, door: 22, green: 5, amber: 6, red: 13, buzzer: 19, customer: 26 },
      }),
    safety: z
      .object({
        presenceClearMs: z.number().int().min(0).max(600_000).default(3000),
        estopDebounceMs: z.number().int().min(0).max(1000).default(5),
      })
      .strict()
      .default({ presenceClearMs: 3000, estopDebounceMs: 5 }),
    /**
     * The kiosk's voice: 'espeak' (Debian's espeak-ng, run as a separate process; lines and their timing
     * at POST /voice/line) or 'browser' (no engine route: the page uses speechSynthesis, where the kiosk
     * has a better system voice). rateWpm and volume are the branch's normal speed and loudness; the
     * elderly mode is slower and louder than these.
     */
    voice: z
      .object({
        engine: z.enum(['espeak', 'browser']).default('espeak'),
        rateWpm: z.number().int().min(80).max(400).default(165),
        volume: z.number().int().min(10).max(200).default(100),
      })
      .strict()
      .default({ engine: 'espeak', rateWpm: 165, volume: 100 }),
    /** Debounce of the customer sensor: greet after presentMs, forget after goneMs. */
    customerSensor: z
      .object({
        presentMs: z.number().int().min(0).max(60_000).default(500),
        goneMs: z.number().int().min(0).max(600_000).default(3000),
      })
      .strict()
      .default({ presentMs: 500, goneMs: 3000 }),
    technician: z
      .object({
        /** From hashTechnicianPin(): 'scrypt$N$r$p$salt$hash' (base64url): the trial account's PIN. */
        pinHash: PinHash.optional(),
        /** Personal accounts (name, PIN hash, role); the trial account is added when pinHash is set. */
        accounts: z.array(TechnicianAccountSchema).max(200).default([]),
        tokenTtlMs: z
          .number()
          .int()
          .min(10_000)
          .max(3_600_000)
          .default(15 * 60_000),
        /** Technician console and API listener: its own address (e.g. the service LAN), not the kiosk's. */
        host: z.string().min(1).max(255).default('127.0.0.1'),
        port: Port.default(7201),
        /** PEM certificate (chain) and private key files: with both, the listener serves HTTPS and wss. */
        tlsCertFile: z.string().min(1).optional(),
        tlsKeyFile: z.string().min(1).optional(),
        /**
         * Plain HTTP on a non-loopback host. Only behind a TLS-terminating proxy on a network segment
         * nobody else reaches; without it such a host needs tlsCertFile and tlsKeyFile.
         */
        allowPlaintext: z.boolean().default(false),
        /**
         * Addresses of TLS-terminating proxies: for a connection from one of these, sign-in attempts
         * count against the address the proxy put last in X-Forwarded-For, not against the proxy.
         */
        trustedProxies: z
          .array(z.string().refine((a) => isIP(a) !== 0, 'an IP address'))
          .max(16)
          .default([]),
      })
      .strict()
      .refine((t) => (t.tlsCertFile === undefined) === (t.tlsKeyFile === undefined), {
        message: 'tlsCertFile and tlsKeyFile go together: set both or neither',
        path: ['tlsKeyFile'],
      })
      .superRefine((t, ctx) => {
        if (isLoopbackHost(t.host) || t.tlsCertFile !== undefined || t.allowPlaintext) return;
        ctx.addIssue({
          code: 'custom',
          path: ['host'],
          message:
            `technician.host ${t.host} is not loopback: set tlsCertFile and tlsKeyFile (HTTPS), or allowPlaintext ` +
            'only when a TLS-terminating proxy fronts the listener',
        });
      })
      .refine((t) => t.pinHash !== undefined || t.accounts.length > 0, 'set pinHash or at least one account')
      .refine(
        (t) => new Set(t.accounts.map((a) => a.id)).size === t.accounts.length,
        'technician account ids must be unique',
      ),
    /** Where runbooks read device states (printer, card slot, touchscreen). */
    deviceStatus: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('none') }).strict(),
        /** The firmware simulator's control channel (its fixture states). */
        z.object({ kind: z.literal('simulator'), url: z.url() }).strict(),
      ])
      .default({ kind: 'none' }),
    sessions: z
      .object({
        /** A customer session with no command for this long ends as timed_out. */
        idleTimeoutMs: z.number().int().min(1000).max(3_600_000).default(180_000),
        /** Below this the bot says it is not sure and offers a person. */
        answerThreshold: z.number().min(0).max(1).default(0.35),
      })
      .strict()
      .default({ idleTimeoutMs: 180_000, answerThreshold: 0.35 }),
    /**
     * The outbox size alarm: /healthz reports `sync.outboxAlarm` and the agent warns once when this many
     * changes (or bytes of them) wait for the hub; it clears below 90 % of both.
     */
    sync: z
      .object({
        outboxAlarmChanges: z.number().int().min(1).max(10_000_000).default(10_000),
        outboxAlarmBytes: z
          .number()
          .int()
          .min(1024)
          .max(2 ** 40)
          .default(64 * 1024 * 1024),
      })
      .strict()
      .default({ outboxAlarmChanges: 10_000, outboxAlarmBytes: 64 * 1024 * 1024 }),
    logger: z.union([PinoLoggerSchema, LoggerOptionsSchema]).default({ level: 'info' }),
  })
  .strict();

/** What callers pass (defaults optional). */
export type AgentOptions = z.input<typeof AgentOptionsSchema>;
/** After validation, with defaults filled in. */
export type ResolvedAgentOptions = z.output<typeof AgentOptionsSchema>;
