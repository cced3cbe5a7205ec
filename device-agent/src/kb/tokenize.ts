// Tokens for ranking: character bigrams for Chinese (no word spaces), lower-case words for English.
// Pure.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const EN_STOPWORDS = new Set(
  'a an and are as at be by can do does for from how i if in is it me my of on or so that the this to what when where which who why will with you your'.split(
    ' ',
  ),
);
/** Chinese function characters that carry no topic on their own. */
const ZH_STOPCHARS = new Set([...'的了吗呢吧啊我你您是在有和与及或就都也请问怎么么什样个这那']);

function stemEnglish(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Tokens of a text: 'w:word' for Latin words, 'b:XY' for CJK bigrams, 'u:X' for lone CJK characters. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  let run = '';
  const flushRun = () => {
    const chars = [...run].filter((c) => !ZH_STOPCHARS.has(c));
    if (chars.length === 1) tokens.push(`u:${chars[0]}`);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(`b:${chars[i]}${chars[i + 1]}`);
    run = '';
  };
  let word = '';
  const flushWord = () => {
    if (word.length > 0 && !EN_STOPWORDS.has(word)) tokens.push(`w:${stemEnglish(word)}`);
    word = '';
  };
  for (const ch of lower) {
    if (CJK.test(ch)) {
      flushWord();
      run += ch;
    } else if (/[a-z0-9]/.test(ch)) {
      flushRun();
      word += ch;
    } else {
      flushRun();
      flushWord();
    }
  }
  flushRun();
  flushWord();
  return tokens;
}
