// Public entry of device-agent. kiosk-ui imports only types from here.
export * from './protocol/envelope.ts';
export * from './protocol/messages.ts';
export { startAgent } from './agent/start-agent.ts';
export type { RunningAgent } from './agent/compose-agent.ts';
export { AgentOptionsSchema, type AgentOptions, type ResolvedAgentOptions } from './config/agent-options.ts';
export { hashTechnicianPin } from './tech/pin-hash.ts';
export type { SafetyState, SafetyTransition } from './safety/safety-supervisor.ts';
export type { SimState } from './http/sim-routes.ts';
export type { CardReader, CardReaderEvent } from './card/card-reader.ts';
export type { Gpio, InputName, OutputName, LineValue } from './gpio/gpio.ts';
export type {
  Inventory,
  LiveStatus,
  SelfTestReport,
  HistoryEntry,
  BundleState,
  TechServerMessage,
} from './tech/tech-deps.ts';
export type { TechClientMessage } from './ws/tech-ws.ts';
export { techWsProtocols, type TechWsBearerPrefix, type TechWsProtocol } from './ws/tech-ws-auth.ts';
export type { RunProgress, RunResult, StepResult } from './runbook/run-types.ts';
export type { Runbook, RunbookStep } from './runbook/runbook-schema.ts';
export type { StoredRun } from './runbook/runbook-store.ts';
export type { JogAxis, JogEvent } from './jog/jog-controller.ts';
export { BUILTIN_RUNBOOKS } from './runbook/builtin-runbooks.ts';
export { loadRunbooks, RunbookSchema } from './runbook/runbook-schema.ts';
export { REDUCED_SPEED_MM_S } from './safety/safety-supervisor.ts';
export {
  createReportDecoder,
  MAGTEK_STYLE_LAYOUT,
  VendorReportDecoder,
  type HidReportDecoder,
  type VendorReportLayout,
} from './card/hid-report-decoder.ts';
export {
  EspeakVoice,
  type VoiceChunk,
  type VoiceLine,
  type VoiceMode,
  type VoicePiece,
  type VoiceSettings,
} from './voice/espeak-voice.ts';
export { voiceLineNdjson, type LineStreamer } from './voice/voice-routes.ts';
export { segmentLine, type VoiceSegment } from './voice/voice-segments.ts';
// Hardware mode's start-up checks (the launcher names a missing device before anything starts).
export { chooseChip, readGpioChips, sysfsNumber, type GpioChipInfo } from './gpio/sysfs-lines.ts';
export { loadNodeHid, type NodeHidApi } from './card/hid-card-reader.ts';
