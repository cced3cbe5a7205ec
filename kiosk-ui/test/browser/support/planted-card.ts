// A Luhn-valid 19-digit PAN that browser tests plant in a raw swipe on the simulation panel; it must
// never leave the agent unmasked (pages, WebSocket frames, logs, data files).
export const PLANTED_PAN = '6228480044712359080';
export const PLANTED_SWIPE = `%B${PLANTED_PAN}^WANG/XIAOMING^3012101000000123456?;${PLANTED_PAN}=30121010000001234567?`;
