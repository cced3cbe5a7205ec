// Agent accounts as supervisors manage them (routes-accounts.ts), written once with `?` placeholders for
// both stores. A disabled account has no session: the session query skips it (rows.ts) and disabling
// deletes its sessions; a new password ends every session but the one that set it.
import type { Account, AccountSkill } from '../../schema/accounts-api.ts';
import type { AgentRole } from '../../schema/agent-api.ts';
import { agentFromRow } from './rows.ts';
import type { SqlRunner } from './recording-rows.ts';

export interface NewAccount {
  username: string;
  role: AgentRole;
  displayName: string;
  skills: AccountSkill[];
  passwordHash: string;
}

export function accountOf(r: Parameters<typeof agentFromRow>[0]): Account | null {
  const a = agentFromRow(r);
  if (!a) return null;
  const { username, role, displayName, skills, disabled, createdAt, changedBy } = a;
  return { username, role, displayName, skills, disabled, createdAt, changedBy };
}

export class AccountRows {
  constructor(private readonly sql: SqlRunner) {}

  async list(): Promise<Account[]> {
    const rows = await this.sql.all('SELECT * FROM agents ORDER BY username', []);
    return rows.map((r) => accountOf(r) as Account);
  }

  async get(username: string): Promise<Account | null> {
    const [row] = await this.sql.all('SELECT * FROM agents WHERE username = ?', [username]);
    return accountOf(row);
  }

  /** false when the username is taken. */
  async create(a: NewAccount, by: string, at: string): Promise<boolean> {
    const n = await this.sql.run(
      `INSERT INTO agents (username, role, display_name, password_hash, created_at, skills, changed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
      [a.username, a.role, a.displayName, a.passwordHash, at, JSON.stringify(a.skills), by],
    );
    return n > 0;
  }

  /** Role, name and skills; false when there is no such account. */
  async update(
    username: string,
    change: { role?: AgentRole; displayName?: string; skills?: AccountSkill[] },
    by: string,
  ): Promise<boolean> {
    const current = await this.get(username);
    if (!current) return false;
    const n = await this.sql.run(
      'UPDATE agents SET role = ?, display_name = ?, skills = ?, changed_by = ? WHERE username = ?',
      [
        change.role ?? current.role,
        change.displayName ?? current.displayName,
        JSON.stringify(change.skills ?? current.skills),
        by,
        username,
      ],
    );
    return n > 0;
  }

  /** Disabling ends every session of the account at once; false when there is no such account. */
  async setDisabled(username: string, disabled: boolean, by: string, at: string): Promise<boolean> {
    const n = await this.sql.run('UPDATE agents SET disabled_at = ?, changed_by = ? WHERE username = ?', [
      disabled ? at : null,
      by,
      username,
    ]);
    if (disabled) await this.sql.run('DELETE FROM agent_sessions WHERE username = ?', [username]);
    return n > 0;
  }

  /**
   * A new password (a supervisor's reset, or the person's own change): clears the lockout and ends every
   * session of the account except `keepSession` (the token hash of the session that changed it).
   */
  async setPassword(username: string, passwordHash: string, by: string, keepSession = ''): Promise<boolean> {
    const n = await this.sql.run(
      `UPDATE agents SET password_hash = ?, failed_logins = 0, locked_until = NULL, changed_by = ?
       WHERE username = ?`,
      [passwordHash, by, username],
    );
    await this.sql.run('DELETE FROM agent_sessions WHERE username = ? AND token_hash <> ?', [
      username,
      keepSession,
    ]);
    return n > 0;
  }
}
