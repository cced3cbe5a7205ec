// Colours and sizes of the overlay (also exported as @branch/avatar/overlay-theme, free of pixi.js), in one place so kiosk-ui's accessibility test can check every
// text/background pair for contrast (at least 4.5:1) and every touch target for size (at least 48 px).

export const OVERLAY_COLOURS = {
  /** Caption band and pills are near-opaque navy; text on them is white. */
  band: '#14213d',
  bandAlpha: 0.94,
  text: '#ffffff',
  /** The caption's words not yet said (the said ones are `text`), on the band. */
  captionAhead: '#b9c3d3',
  pill: '#1d3557',
  pillAlpha: 0.96,
  /** Live camera: a red dot and a red pill (white text). */
  cameraOn: '#b3261e',
  /** Asking for consent: an amber pill with dark text. */
  cameraConsent: '#f2c14e',
  cameraConsentText: '#14202e',
  cameraOff: '#9aa7b4',
  progressDone: '#c9a227',
  progressTodo: '#ffffff',
  button: '#c9a227',
  buttonText: '#14202e',
} as const;

/** Minimum touch target edge in CSS pixels (WCAG 2.5.5 asks 44; the kiosk uses 48 everywhere). */
export const MIN_TOUCH_PX = 48;

/** Caption type size relative to the stage's shorter edge, never below this many CSS pixels. */
export const CAPTION_MIN_PX = 26;
