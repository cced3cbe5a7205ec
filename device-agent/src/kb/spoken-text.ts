// The part of an answer the avatar says aloud: at most two sentences (the screen shows the article). Pure.

const SENTENCE = /[^。！？!?]*?(?:[。！？!?]|\.(?=\s|$))/gu;

export function spokenSentences(text: string, max = 2): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentences = (clean.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => s !== '');
  if (sentences.length === 0) return clean;
  // Chinese sentences run on without a space; English ones take one.
  return sentences
    .slice(0, max)
    .reduce((out, s) => (out === '' || /[。！？]$/u.test(out) ? out + s : `${out} ${s}`), '');
}
