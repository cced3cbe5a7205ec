// The runbooks shipped with the agent, as plain data (validated by loadRunbooks at start). Each acts on a
// named fixture of the branch (firmware-bridge's FIXTURES) and checks the device afterwards.
import type { RunbookInput } from './runbook-schema.ts';

const ready = [{ kind: 'safetyReady' }, { kind: 'armLinkUp' }, { kind: 'noArmFaults' }] as const;

export const BUILTIN_RUNBOOKS: RunbookInput[] = [
  {
    id: 'printer-reset',
    title: 'Receipt printer reset',
    description: 'Presses the receipt printer reset button and checks that the printer reports ok.',
    device: 'printer',
    preconditions: [...ready],
    steps: [
      { kind: 'home', label: 'Home the arm', timeoutMs: 15_000 },
      { kind: 'moveTo', label: 'Approach the reset button', target: { fixture: 'printer.resetButton' } },
      { kind: 'press', label: 'Press the reset button', fixture: 'printer.resetButton', retries: 1 },
      {
        kind: 'waitFor',
        label: 'Wait for the printer to report ok',
        device: 'printer.resetButton',
        states: ['ok'],
        timeoutMs: 3000,
      },
      { kind: 'moveTo', label: 'Return home', target: { pose: 'home' } },
    ],
  },
  {
    id: 'card-slot-reseat',
    title: 'Card slot reseat',
    description: 'Closes the gripper, pushes a jammed card back into the slot and checks it is seated.',
    device: 'card_reader',
    preconditions: [...ready],
    steps: [
      { kind: 'home', label: 'Home the arm', timeoutMs: 15_000 },
      { kind: 'grip', label: 'Close the gripper', opening: 0 },
      { kind: 'moveTo', label: 'Approach the card slot', target: { fixture: 'cardSlot' } },
      { kind: 'press', label: 'Push the card home', fixture: 'cardSlot', dwellMs: 300, retries: 1 },
      { kind: 'verify', label: 'Card is seated', device: 'cardSlot', states: ['seated'] },
      { kind: 'moveTo', label: 'Return home', target: { pose: 'home' } },
      { kind: 'grip', label: 'Open the gripper', opening: 1 },
    ],
  },
  {
    id: 'touchscreen-recalibrate',
    title: 'Touchscreen recalibration',
    description:
      'Presses the touchscreen recalibration button and waits for the screen to report calibrated.',
    device: 'touchscreen',
    preconditions: [...ready],
    steps: [
      { kind: 'home', label: 'Home the arm', timeoutMs: 15_000 },
      {
        kind: 'moveTo',
        label: 'Approach the recalibration button',
        target: { fixture: 'touchscreen.recalibrateButton' },
      },
      {
        kind: 'press',
        label: 'Press the recalibration button',
        fixture: 'touchscreen.recalibrateButton',
        retries: 1,
      },
      {
        kind: 'waitFor',
        label: 'Wait for calibrated',
        device: 'touchscreen.recalibrateButton',
        states: ['calibrated'],
        timeoutMs: 5000,
      },
      { kind: 'moveTo', label: 'Return home', target: { pose: 'home' } },
    ],
  },
  {
    id: 'printer-door-close',
    title: 'Printer door close',
    description: 'Pushes the receipt printer door shut and checks that it reports closed.',
    device: 'printer',
    preconditions: [...ready],
    steps: [
      { kind: 'home', label: 'Home the arm', timeoutMs: 15_000 },
      { kind: 'moveTo', label: 'Approach the printer door', target: { fixture: 'printer.door' } },
      { kind: 'press', label: 'Push the door shut', fixture: 'printer.door', dwellMs: 300, retries: 1 },
      { kind: 'verify', label: 'Door reports closed', device: 'printer.door', states: ['closed'] },
      { kind: 'moveTo', label: 'Return home', target: { pose: 'home' } },
    ],
  },
];
