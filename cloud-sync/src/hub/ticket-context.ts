// What the hub holds around a device-fault ticket: the kiosk's `runbook.result` event of the failed run
// (with its steps when the kiosk sent them, schema/runbook-steps.ts), the kiosk's health at the time,
// and the device's own events in the hour before.
import { decodeRunbookSteps } from '../schema/runbook-steps.ts';
import type { DeviceFaultContext } from '../schema/ticket-desk-api.ts';
import type { Ticket } from '../schema/ticket.ts';
import type { HubStore } from './store/types.ts';

const WINDOW_MS = 3600_000;

export async function deviceFaultContext(store: HubStore, ticket: Ticket): Promise<DeviceFaultContext> {
  const event = await store.ticketDesk.runbookEvent(ticket);
  const d = event?.data;
  const since = new Date(Date.parse(ticket.createdAt) - WINDOW_MS).toISOString();
  const events = ticket.device
    ? await store.ticketDesk.deviceEvents(ticket.kioskId, ticket.device, since, ticket.createdAt, 20)
    : [];
  return {
    runbook: event
      ? {
          runbookId: String(d?.runbookId ?? ''),
          runId: String(d?.runId ?? ''),
          failedStep: typeof d?.failedStep === 'number' ? d.failedStep : null,
          message: event.message,
          steps: decodeRunbookSteps(d),
        }
      : null,
    health: await store.ticketDesk.healthAt(ticket.kioskId, ticket.createdAt),
    events: events.map((e) => ({ at: e.at, type: e.type, severity: e.severity, message: e.message })),
  };
}
