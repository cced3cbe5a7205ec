// Public entry of the avatar part: the digital human for the kiosk page, its pixi.js overlay, and the
// pure building blocks behind them (speech timing, visemes, the animator, the generated mesh).
export { createAvatar } from './create-avatar.ts';
export type {
  Avatar,
  AvatarEvent,
  AvatarOptions,
  FrameTiming,
  Mood,
  RendererKind,
  SaidListener,
  SpeechLocale,
} from './types.ts';
export {
  planSpeech,
  englishSyllables,
  jawAt,
  visemeAt,
  offsetOfChar,
  type SpeechPlan,
  type Syllable,
  type VisemeCue,
} from './speech-plan.ts';
export { VISEMES, VISEME_MORPHS, type Viseme, type VisemeStep } from './speech/viseme.ts';
export {
  planFromEngine,
  phonemeVisemes,
  spokenUpTo,
  type EngineLine,
  type EnginePiece,
} from './speech/engine-plan.ts';
export type { EngineChunk, EngineSource } from './speech/engine-voice.ts';
export { pinyinVisemes, chineseCharVisemes } from './speech/visemes-zh.ts';
export { englishWordVisemes, englishWordSteps } from './speech/visemes-en.ts';
export { pickVoice, browserVoice, type VoiceOutput, type VoiceHandlers } from './speech/browser-voice.ts';
export {
  generateHeadGeometry,
  generateBodyGeometry,
  type HeadGeometryData,
} from './geometry/head-geometry.ts';
export { MORPH_NAMES, type MorphName } from './geometry/face-layout.ts';
export { FaceAnimator, MOODS, type FacePose, type HeadPose } from './animation/face-animator.ts';
export {
  createOverlay,
  type KioskOverlay,
  type OverlayButton,
  type OverlayState,
  type CameraState,
} from './overlay/kiosk-overlay.ts';
export { OVERLAY_COLOURS, MIN_TOUCH_PX, CAPTION_MIN_PX } from './overlay/overlay-theme.ts';
