// The simulation panel's view of the agent and its controls over the virtual drivers.
import type { ArmController } from '@branch/firmware-bridge';
import { listTestCards } from '../card/test-cards.ts';
import type { VirtualCardReader } from '../card/virtual-card-reader.ts';
import type { CustomerPresence } from '../gpio/customer-presence.ts';
import type { VirtualGpio } from '../gpio/virtual-gpio.ts';
import type { SimRoutesDeps } from '../http/sim-routes.ts';
import type { SafetyController } from '../safety/safety-controller.ts';

export function simControls(
  virtual: { gpio: VirtualGpio; cardReader: VirtualCardReader },
  safety: SafetyController,
  arm: ArmController,
  presence: CustomerPresence,
): SimRoutesDeps {
  return {
    state() {
      const s = arm.status();
      return {
        gpio: safety.inputs(),
        customer: { line: virtual.gpio.read('customer') === 1, present: presence.present() },
        safety: { state: safety.state(), cause: safety.cause() },
        arm: { state: s.state, link: s.link },
        cards: listTestCards(),
      };
    },
    swipeTestCard: (id) => virtual.cardReader.swipeTestCard(id),
    swipeRaw: (raw) => virtual.cardReader.swipeRaw(raw),
    setCardReaderPlugged: (plugged) => virtual.cardReader.setPlugged(plugged),
    // "active" is the unsafe condition of a safety input, wired so that it reads as line 0; for the
    // customer sensor (active-high, see gpio.ts) "active" is someone standing there, line 1.
    setInput: (input, active) => {
      // CLOCK_MONOTONIC, comparable with the simulator's HALT receive times.
      const edgeNs = process.hrtime.bigint();
      virtual.gpio.setLine(input, (input === 'customer') === active ? 1 : 0);
      return { edgeNs: String(edgeNs) };
    },
  };
}
