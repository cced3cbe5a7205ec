// The card reader every driver implements: the virtual reader (simulation) and node-hid readers.

export type CardReaderEvent =
  /** Raw track text of one swipe. Listeners must parse it at once and drop it. */
  | { type: 'swipe'; raw: string }
  | { type: 'error'; message: string }
  | { type: 'attach' }
  | { type: 'detach' };

export interface CardReader {
  readonly kind: 'virtual' | 'hid';
  /** Opens the device (or starts watching for it); rejects with a clear error when it cannot. */
  open(): Promise<void>;
  close(): Promise<void>;
  attached(): boolean;
  /** Subscribes; returns the unsubscribe function. */
  on(listener: (event: CardReaderEvent) => void): () => void;
}

/** A small listener set shared by the readers. */
export class ReaderEvents {
  private listeners = new Set<(event: CardReaderEvent) => void>();
  on(listener: (event: CardReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: CardReaderEvent): void {
    for (const l of [...this.listeners]) l(event);
  }
}
