// What the overlay's progress indicator and camera indicator show at each screen of the journey.
import type { CameraState, OverlayState } from '@branch/avatar';
import { t, type Locale } from '../i18n/index.ts';
import type { Screen } from './kiosk-view.ts';

const STEPS: Partial<Record<Screen, number>> = { language: 0, main: 1, wrapup: 2 };
const STEP_LABELS = ['progress.language', 'progress.help', 'progress.wrapup'] as const;

/** Before a language is chosen, labels show in both languages. */
const CAMERA_LABELS = {
  off: 'camera.off',
  consent: 'camera.asking',
  on: 'camera.on',
  unavailable: 'camera.unavailable',
  call: 'camera.call',
} as const satisfies Record<CameraState, string>;

function label(
  key: (typeof STEP_LABELS)[number] | (typeof CAMERA_LABELS)[CameraState],
  locale: Locale | null,
): string {
  return locale ? t(locale, key) : `${t('zh-CN', key)} · ${t('en', key)}`;
}

export function progressFor(screen: Screen, locale: Locale | null): OverlayState['progress'] {
  const step = STEPS[screen];
  if (step === undefined) return null;
  return { step, total: STEP_LABELS.length, label: label(STEP_LABELS[step]!, locale) };
}

/** The camera indicator: off, asking for consent, on (analysing on the kiosk), or no camera fitted. */
export function cameraIndicator(locale: Locale | null, state: CameraState = 'off'): OverlayState['camera'] {
  return { state, label: label(CAMERA_LABELS[state], locale) };
}
