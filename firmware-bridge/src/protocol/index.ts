// Pure protocol pieces (no Node built-ins): usable in Node, Deno and the browser.
export * from './crc.ts';
export * from './cobs.ts';
export * from './frame.ts';
export * from './messages.ts';
export * from './link.ts';
export * from './motion.ts';
export * from './kinematics.ts';
export { BodyError } from './bytes.ts';
