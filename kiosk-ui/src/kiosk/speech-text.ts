// What the avatar says aloud for an answer: its first sentence, kept short. The screen shows it all.
import type { Locale } from '../i18n/index.ts';

export const MAX_SPOKEN_CHARS = 120;

export function shortSpeech(text: string, locale: Locale, max = MAX_SPOKEN_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const match = /^.*?[.!?。！？](?=\s|$|[^.\d])/u.exec(clean);
  const first = match ? match[0] : clean;
  if ([...first].length <= max) return first;
  const chars = [...first].slice(0, max);
  // English: cut at a word boundary; Chinese has none to respect.
  if (locale === 'en') {
    const cut = chars.join('').lastIndexOf(' ');
    if (cut > max / 2) return `${chars.join('').slice(0, cut)}…`;
  }
  return `${chars.join('')}…`;
}

/** An article's effective date as YYYY-MM-DD (unambiguous in both languages), or '' when absent/invalid. */
export function effectiveDate(value: string | undefined): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (m) return m[1]!;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}
