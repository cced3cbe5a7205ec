// Splits a line into the pieces the engine says one at a time, so each piece's length is measured from
// the engine's own samples: a Han character becomes its toned pinyin (pinyin-pro reads polyphones from
// context: 银行 yin2 hang2), a Latin word or number stays a word, punctuation becomes a pause. Pure.
import { pinyin } from 'pinyin-pro';

export type VoiceLocale = 'zh-CN' | 'en';

export type VoiceSegment =
  { kind: 'say'; input: string; charIndex: number; charEnd: number } | { kind: 'pause'; ms: number };

export const SHORT_PAUSE_MS = 160;
export const LONG_PAUSE_MS = 320;
const SHORT_PAUSE = /[,，、;；:：]/;
const LONG_PAUSE = /[.。!！?？…\n]/;
/** What the engine may be given: letters, digits and a few joiners; nothing it could read as a command. */
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/** pinyin-pro writes the neutral tone as 0; espeak-ng's pinyin voice wants 5. */
function espeakPinyin(p: string): string {
  return p.replace(/0$/, '5').replace(/ü/g, 'v');
}

export function segmentLine(text: string, locale: VoiceLocale): VoiceSegment[] {
  const out: VoiceSegment[] = [];
  const chars = [...text];
  const readings =
    locale === 'zh-CN'
      ? pinyin(text, { toneType: 'num', type: 'all', v: true })
      : ([] as { pinyin: string; isZh: boolean }[]);
  let word = '';
  let wordStart = 0;
  let at = 0;
  const flush = (end: number): void => {
    if (word !== '') out.push({ kind: 'say', input: word, charIndex: wordStart, charEnd: end });
    word = '';
  };
  const pause = (ms: number): void => {
    const last = out[out.length - 1];
    if (last?.kind === 'pause') last.ms = Math.max(last.ms, ms);
    else if (last) out.push({ kind: 'pause', ms });
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const here = at;
    at += ch.length;
    const reading = readings[i];
    if (reading?.isZh && reading.pinyin !== '') {
      flush(here);
      out.push({ kind: 'say', input: espeakPinyin(reading.pinyin), charIndex: here, charEnd: at });
    } else if (WORD_CHAR.test(ch)) {
      if (word === '') wordStart = here;
      word += ch;
    } else {
      flush(here);
      if (LONG_PAUSE.test(ch)) pause(LONG_PAUSE_MS);
      else if (SHORT_PAUSE.test(ch)) pause(SHORT_PAUSE_MS);
    }
  }
  flush(at);
  while (out[out.length - 1]?.kind === 'pause') out.pop();
  return out;
}
