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
