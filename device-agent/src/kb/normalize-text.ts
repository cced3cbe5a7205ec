// One spelling for what customers type several ways, applied to questions and to the articles alike:
// full-width letters and digits (ＡＴＭ, １０万) folded by NFKC, and the common Chinese typing slips of
// banking words (帐户 for 账户, 登陆 for 登录, 身分证 for 身份证). Pure.
const SLIPS: readonly (readonly [RegExp, string])[] = [
  // 帐 is the old and mistyped form of 账 in every banking word (帐户, 转帐, 对帐单, 帐单).
  [/帐/g, '账'],
  [/登陆/g, '登录'],
  [/身分证/g, '身份证'],
  [/汇律/g, '汇率'],
  [/利律/g, '利率'],
  [/挂矢/g, '挂失'],
];

export function normalizeText(text: string): string {
  let out = text.normalize('NFKC');
  for (const [slip, word] of SLIPS) out = out.replace(slip, word);
  return out;
}
