// The card reader of simulation mode: the simulation panel swipes predefined test cards or raw text.
import { ReaderEvents, type CardReader, type CardReaderEvent } from './card-reader.ts';
import { testCardTrack } from './test-cards.ts';

export class VirtualCardReader implements CardReader {
  readonly kind = 'virtual' as const;
  private events = new ReaderEvents();
  private isOpen = false;

  async open(): Promise<void> {
    this.isOpen = true;
    this.events.emit({ type: 'attach' });
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.events.emit({ type: 'detach' });
  }

  attached(): boolean {
    return this.isOpen;
  }

  on(listener: (event: CardReaderEvent) => void): () => void {
    return this.events.on(listener);
  }

  /** Swipes a predefined test card; false when the id is unknown. */
  swipeTestCard(id: string): boolean {
    const track = testCardTrack(id);
    if (track === undefined) return false;
    this.swipeRaw(track);
    return true;
  }

  /** Swipes raw track text, as a keyboard-wedge reader would type it. */
  swipeRaw(raw: string): void {
    if (!this.isOpen) throw new Error('virtual card reader is not open');
    this.events.emit({ type: 'swipe', raw });
  }
}
