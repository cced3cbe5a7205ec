// The card reader of simulation mode: the simulation panel swipes predefined test cards or raw text.
import { ReaderEvents, type CardReader, type CardReaderEvent } from './card-reader.ts';
import { testCardTrack } from './test-cards.ts';

export class VirtualCardReader implements CardReader {
  readonly kind = 'virtual' as const;
  private events = new ReaderEvents();
  private isOpen = false;
  private plugged = true;

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
    return this.isOpen && this.plugged;
  }

  /** Simulates pulling the reader's cable (false) or plugging it back in (true). */
  setPlugged(plugged: boolean): void {
    if (!this.isOpen || plugged === this.plugged) return;
    this.plugged = plugged;
    this.events.emit({ type: plugged ? 'attach' : 'detach' });
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
    if (!this.plugged) throw new Error('virtual card reader is unplugged');
    this.events.emit({ type: 'swipe', raw });
  }
}
