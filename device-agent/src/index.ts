// Public entry of device-agent. kiosk-ui imports only types from here.
export * from './protocol/envelope.ts';
export * from './protocol/messages.ts';
