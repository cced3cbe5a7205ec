// Agent accounts as supervisors manage them in the console: create, edit, disable, enable, reset. Each
// person has their own password; the hub keeps only its hash. Pure zod.
import { z } from 'zod';
import { AgentRoleSchema } from './agent-api.ts';

/** What an account can take: the queues it serves and the languages it speaks. */
export const ACCOUNT_SKILLS = ['agent', 'expert', 'risk', 'zh-CN', 'en'] as const;
export const AccountSkillSchema = z.enum(ACCOUNT_SKILLS);
export type AccountSkill = z.infer<typeof AccountSkillSchema>;

export const UsernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore');

/** A new password: long enough to resist guessing, short enough to type. */
export const NewPasswordSchema = z.string().min(10).max(256);

export const AccountSchema = z.object({
  username: z.string(),
  role: AgentRoleSchema,
  displayName: z.string(),
  skills: z.array(AccountSkillSchema),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** Who last changed it in the console; null while it is as the seed wrote it. */
  changedBy: z.string().nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

const SkillsSchema = z.array(AccountSkillSchema).max(ACCOUNT_SKILLS.length);

export const CreateAccountRequestSchema = z.object({
  username: UsernameSchema,
  role: AgentRoleSchema,
  displayName: z.string().trim().min(1).max(100),
  skills: SkillsSchema,
  password: NewPasswordSchema,
});
export type CreateAccountRequest = z.infer<typeof CreateAccountRequestSchema>;

export const UpdateAccountRequestSchema = z
  .object({
    role: AgentRoleSchema.optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
    skills: SkillsSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'nothing to change' });
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequestSchema>;

/** A reset: the supervisor sets a new password and hands it over (every session of the account ends). */
export const ResetPasswordRequestSchema = z.object({ password: NewPasswordSchema });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

/** Anyone signed in changes their own password, proving the current one. */
export const ChangePasswordRequestSchema = z.object({
  current: z.string().min(1).max(256),
  password: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export interface AccountListResponse {
  accounts: Account[];
}
export interface AccountResponse {
  account: Account;
}
