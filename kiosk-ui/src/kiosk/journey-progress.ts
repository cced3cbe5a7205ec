// What the overlay's progress indicator and camera indicator show at each screen of the journey.
import type { OverlayState } from '@branch/avatar';
import { t, type Locale } from '../i18n/index.ts';
import type { Screen } from './kiosk-view.ts';

const STEPS: Partial<Record<Screen, number>> = { language: 0, main: 1, wrapup: 2 };
const STEP_LABELS = ['progress.language', 'progress.help', 'progress.wrapup'] as const;

/** Before a language is chosen, labels show in both languages. */
function label(key: (typeof STEP_LABELS)[number] | 'camera.off', locale: Locale | null): string {
  return locale ? t(locale, key) : `${t('zh-CN', key)} · ${t('en', key)}`;
}

export function progressFor(screen: Screen, locale: Locale | null): OverlayState['progress'] {
  const step = STEPS[screen];
  if (step === undefined) return null;
  return { step, total: STEP_LABELS.length, label: label(STEP_LABELS[step]!, locale) };
}

/** The camera comes with a later issue: until then the indicator says plainly that none is in use. */
export function cameraIndicator(locale: Locale | null): OverlayState['camera'] {
  return { state: 'unavailable', label: label('camera.off', locale) };
}
