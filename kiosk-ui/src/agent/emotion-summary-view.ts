// The emotion-cue summary of a conversation, as one line for the agent console: each cue that occurred
// with how often and how long, the longest first, and whether a negative cue was sustained.
import type { EmotionSummary } from '@branch/cloud-sync';
import { t, type Locale } from '../i18n/index.ts';

export function emotionSummaryText(summary: EmotionSummary, locale: Locale): string {
  const cues = Object.entries(summary.cues)
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(([cue, s]) => {
      const name = t(locale, `emotion.cue.${cue as keyof EmotionSummary['cues']}`);
      return `${name} ×${s.count} ${Math.round(s.ms / 1000)} s`;
    });
  if (cues.length === 0) cues.push(t(locale, 'agent.emotion.none'));
  if (summary.negativeSustained) cues.push(t(locale, 'agent.emotion.sustained'));
  return cues.join(' · ');
}
