// Public entry of the avatar part: the digital human for the kiosk page, plus its pure building blocks.
export { createAvatar } from './create-avatar.ts';
export type { Avatar, AvatarEvent, AvatarOptions, Mood, RendererKind, SpeechLocale } from './types.ts';
export { planSpeech, englishSyllables, jawAt, type SpeechPlan, type Syllable } from './speech-plan.ts';
export {
  generateHeadGeometry,
  generateBodyGeometry,
  type HeadGeometryData,
} from './geometry/head-geometry.ts';
export { MORPH_NAMES, type MorphName } from './geometry/face-layout.ts';
export { FaceAnimator, MOODS, type FacePose, type HeadPose } from './animation/face-animator.ts';
