// Sends NOTIFYs over one connection in the order they were asked for, many per statement: while one
// statement is out, the next notifications gather and leave together, so a burst costs one round trip
// instead of one each (a lone one leaves at once). Web-standard apart from the query it is given. A payload too big for NOTIFY goes alone, stored in
// hub_notify_payloads in the same statement as the notification that names its row. Node only (pg).

/** Longest payload sent inline; PostgreSQL refuses 8000 bytes and over. */
export const INLINE_MAX_BYTES = 7900;
/** What a notification carries instead of a payload too big for it: this and the row's id. */
export const PAYLOAD_REF = '@ref:';
const MAX_BATCH = 500;
const encoder = new TextEncoder();

export interface Notification {
  channel: string;
  text: string;
}

export class NotifyBatcher {
  private readonly pending: (Notification & { inline: boolean })[] = [];
  private flushing = false;

  constructor(
    private readonly run: (sql: string, params: unknown[]) => Promise<unknown>,
    private readonly failed: (batch: Notification[], err: Error) => void,
  ) {}

  send(channel: string, text: string): void {
    this.pending.push({ channel, text, inline: encoder.encode(text).byteLength <= INLINE_MAX_BYTES });
    if (!this.flushing) void this.flush();
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const first = this.pending[0] as Notification & { inline: boolean };
      let n = 1;
      if (first.inline) while (n < this.pending.length && n < MAX_BATCH && this.pending[n]?.inline) n += 1;
      const batch = this.pending.splice(0, n);
      try {
        if (first.inline)
          // unnest yields in array order, and each row's pg_notify is queued in that order.
          await this.run('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS t(c, p)', [
            batch.map((b) => b.channel),
            batch.map((b) => b.text),
          ]);
        else
          await this.run(
            `WITH r AS (INSERT INTO hub_notify_payloads (body) VALUES ($2) RETURNING id)
             SELECT pg_notify($1, $3 || r.id) FROM r`,
            [first.channel, first.text, PAYLOAD_REF],
          );
      } catch (err) {
        this.failed(batch, err as Error);
      }
    }
    this.flushing = false;
  }
}
