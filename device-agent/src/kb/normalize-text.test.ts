import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.ts';

describe('normalizeText', () => {
  it('folds full-width letters and digits and fixes common typing slips of banking words', () => {
    expect(normalizeText('ＡＴＭ取１０００')).toBe('ATM取1000');
    expect(normalizeText('转帐到别的帐户')).toBe('转账到别的账户');
    expect(normalizeText('app登陆不了，身分证过期')).toBe('app登录不了,身份证过期');
    expect(normalizeText('what is my balance')).toBe('what is my balance');
  });
});
