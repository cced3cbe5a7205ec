// Agent accounts (mounted under /api/agent, after sign-in). Supervisors list, create, change (role, name,
// skills), disable, enable and reset accounts; everyone changes their own password. Each change is in
// the audit log; disabling or a new password ends the account's sessions (and its signalling socket).
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import {
  ChangePasswordRequestSchema,
  CreateAccountRequestSchema,
  ResetPasswordRequestSchema,
  UpdateAccountRequestSchema,
  type Account,
} from '../schema/accounts-api.ts';
import { audit } from './audit.ts';
import { hashPassword, sha256Hex, verifyPassword } from './crypto.ts';
import { apiError, bearerToken, readJson, tooLarge } from './http-util.ts';
import type { AgentSession, HubStore } from './store/types.ts';
import { HUB_ROUTES } from '../wire.ts';

type Env = { Variables: { agent: AgentSession } };

export interface AccountRouteOptions {
  passwordIterations: number;
  now: () => number;
  /** Re-checks open signalling sockets after sessions ended. */
  onSessionsEnded: () => Promise<void>;
}

const ACCOUNTS_PATH = HUB_ROUTES.agent.accounts;

const describe = (a: Pick<Account, 'role' | 'skills'>) =>
  `role ${a.role}, skills ${a.skills.join(' ') || '-'}`;

export function accountRoutes(store: HubStore, opts: AccountRouteOptions): Hono<Env> {
  const app = new Hono<Env>();
  const limit = bodyLimit({ maxSize: 4096, onError: (c) => tooLarge(c, 'account body too large') });
  const supervisor = createMiddleware<Env>(async (c, next) => {
    if (c.get('agent').role !== 'supervisor')
      return apiError(c, 403, 'forbidden', 'accounts are managed by supervisors');
    await next();
  });
  const at = () => new Date(opts.now());
  const notFound = (c: Context) => apiError(c, 404, 'not_found', 'no such account');

  // Anyone signed in: their own password, proving the current one. Their other sessions end.
  app.post(HUB_ROUTES.agent.password, limit, async (c) => {
    const body = await readJson(c, ChangePasswordRequestSchema);
    if (!body.ok) return body.response;
    const me = c.get('agent').username;
    const record = await store.getAgent(me);
    if (!record || !(await verifyPassword(body.value.current, record.passwordHash)))
      return apiError(c, 403, 'bad_credentials', 'the current password is wrong');
    const keep = await sha256Hex(bearerToken(c.req.header('authorization')) ?? '');
    const hash = await hashPassword(body.value.password, opts.passwordIterations);
    await store.accounts.setPassword(me, hash, me, keep);
    await audit(store, { actor: me, action: 'account.password', subject: me }, at());
    await opts.onSessionsEnded();
    return c.body(null, 204);
  });

  app.use(`${ACCOUNTS_PATH}`, supervisor);
  app.use(`${ACCOUNTS_PATH}/*`, supervisor);

  app.get(ACCOUNTS_PATH, async (c) => c.json({ accounts: await store.accounts.list() }));

  app.post(ACCOUNTS_PATH, limit, async (c) => {
    const body = await readJson(c, CreateAccountRequestSchema);
    if (!body.ok) return body.response;
    const { password, ...account } = body.value;
    const by = c.get('agent').username;
    const hash = await hashPassword(password, opts.passwordIterations);
    const when = at();
    if (!(await store.accounts.create({ ...account, passwordHash: hash }, by, when.toISOString())))
      return apiError(c, 409, 'account_exists', `${account.username} exists`);
    await audit(
      store,
      { actor: by, action: 'account.create', subject: account.username, detail: describe(account) },
      when,
    );
    return c.json({ account: await store.accounts.get(account.username) }, 201);
  });

  app.post(`${ACCOUNTS_PATH}/:username`, limit, async (c) => {
    const body = await readJson(c, UpdateAccountRequestSchema);
    if (!body.ok) return body.response;
    const username = c.req.param('username');
    const by = c.get('agent').username;
    const { disabled, ...change } = body.value;
    // A supervisor cannot lock themselves out (nor the branch out of its last supervisor this way).
    if (username === by && (disabled === true || (change.role !== undefined && change.role !== 'supervisor')))
      return apiError(c, 409, 'own_account', 'you cannot disable or demote your own account');
    const before = await store.accounts.get(username);
    if (!before) return notFound(c);
    const when = at();
    if (Object.values(change).some((v) => v !== undefined)) {
      await store.accounts.update(username, change, by);
      const after = (await store.accounts.get(username)) as Account;
      await audit(
        store,
        {
          actor: by,
          action: 'account.update',
          subject: username,
          detail: `${describe(before)} -> ${describe(after)}${after.displayName !== before.displayName ? ', renamed' : ''}`,
        },
        when,
      );
    }
    if (disabled !== undefined && disabled !== before.disabled) {
      await store.accounts.setDisabled(username, disabled, by, when.toISOString());
      await audit(
        store,
        { actor: by, action: disabled ? 'account.disable' : 'account.enable', subject: username },
        when,
      );
      if (disabled) await opts.onSessionsEnded();
    }
    return c.json({ account: await store.accounts.get(username) });
  });

  // A reset: the supervisor sets a new password and hands it over; the lockout clears, sessions end.
  app.post(`${ACCOUNTS_PATH}/:username/password`, limit, async (c) => {
    const body = await readJson(c, ResetPasswordRequestSchema);
    if (!body.ok) return body.response;
    const username = c.req.param('username');
    const by = c.get('agent').username;
    const hash = await hashPassword(body.value.password, opts.passwordIterations);
    if (!(await store.accounts.setPassword(username, hash, by))) return notFound(c);
    await audit(
      store,
      { actor: by, action: 'account.reset', subject: username, detail: 'password reset, sessions ended' },
      at(),
    );
    await opts.onSessionsEnded();
    return c.json({ account: await store.accounts.get(username) });
  });

  return app;
}
