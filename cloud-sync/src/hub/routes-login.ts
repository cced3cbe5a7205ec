// POST /api/agent/login: JSON only (a cross-site form post cannot send application/json without a
// preflight the hub never grants), failed attempts counted atomically per account and per client
// address, and one answer for a wrong password, an unknown user and a locked or disabled account.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AgentLoginRequestSchema, type AgentLoginResponse } from '../schema/agent-api.ts';
import { AddressThrottle } from './address-throttle.ts';
import { apiError, readJson, tooLarge } from './http-util.ts';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from './crypto.ts';
import type { HubStore } from './store/types.ts';
import type { HubMetrics } from './metrics.ts';
import { HUB_ROUTES } from '../wire.ts';

export interface LoginOptions {
  /** Session lifetime. Default 1 hour. */
  sessionTtlMs: number;
  /** Failed logins in a row before the account locks. Default 5. */
  maxFailedLogins: number;
  /** How long a locked account stays locked, and the per-address window. Default 15 minutes. */
  lockoutMs: number;
  /** Failed sign-ins one client address may make per `lockoutMs`, whatever the usernames. */
  failuresPerAddress: number;
  passwordIterations: number;
  now: () => number;
}

/** The runtime passes the peer's address as `env.clientAddress` (node.ts, bin/hub-deno.ts). */
export function clientAddress(c: Context): string {
  const env = c.env as { clientAddress?: unknown } | undefined;
  return typeof env?.clientAddress === 'string' ? env.clientAddress : 'unknown';
}

export function isJsonRequest(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  return /^application\/json\s*(;|$)/i.test(type.trim());
}

export function loginRoutes(store: HubStore, metrics: HubMetrics, opts: LoginOptions): Hono {
  const app = new Hono();
  const throttle = new AddressThrottle({ maxFailures: opts.failuresPerAddress, windowMs: opts.lockoutMs });
  // Verified against when the username is unknown or locked, so timing does not tell them apart.
  const decoy = hashPassword(randomToken(), opts.passwordIterations);
  const refused = (c: Context) => apiError(c, 401, 'bad_credentials', 'unknown username or wrong password');

  app.post(
    HUB_ROUTES.agent.login,
    bodyLimit({ maxSize: 4096, onError: (c) => tooLarge(c, 'login body too large') }),
    async (c) => {
      if (!isJsonRequest(c))
        return apiError(c, 415, 'unsupported_media_type', 'send the sign-in as application/json');
      const now = opts.now();
      const address = clientAddress(c);
      const wait = throttle.retryAfterMs(address, now);
      if (wait > 0) {
        c.header('Retry-After', String(Math.ceil(wait / 1000)));
        return apiError(c, 429, 'too_many_attempts', 'too many failed sign-ins from this address');
      }
      const body = await readJson(c, AgentLoginRequestSchema);
      if (!body.ok) return body.response;
      const { username, password } = body.value;
      const agent = await store.getAgent(username);
      const locked = agent?.lockedUntil ? Date.parse(agent.lockedUntil) > now : false;
      const usable = agent && !locked && !agent.disabled ? agent : null;
      const ok = await verifyPassword(password, usable?.passwordHash ?? (await decoy));
      if (!usable || !ok) {
        metrics.loginFailures += 1;
        throttle.fail(address, now);
        if (usable)
          await store.countLoginFailure(
            username,
            opts.maxFailedLogins,
            new Date(now + opts.lockoutMs).toISOString(),
          );
        return refused(c);
      }
      if (usable.failedLogins > 0 || usable.lockedUntil) await store.setLoginState(username, 0, null);
      const token = randomToken();
      const expiresAt = new Date(now + opts.sessionTtlMs).toISOString();
      await store.createSession(await sha256Hex(token), username, expiresAt);
      const response: AgentLoginResponse = {
        token,
        expiresAt,
        agent: { username: usable.username, role: usable.role, displayName: usable.displayName },
      };
      return c.json(response);
    },
  );
  return app;
}
