// The simulation panel's view of the agent and its controls over the virtual drivers.
import type { ArmController } from '@branch/firmware-bridge';
import { listTestCards } from '../card/test-cards.ts';
import type { VirtualCardReader } from '../card/virtual-card-reader.ts';
import type { VirtualGpio } from '../gpio/virtual-gpio.ts';
import type { SimRoutesDeps } from '../http/sim-routes.ts';
import type { SafetyController } from '../safety/safety-controller.ts';

export function simControls(
  virtual: { gpio: VirtualGpio; cardReader: VirtualCardReader },
  safety: SafetyController,
  arm: ArmController,
): SimRoutesDeps {
  return {
    state() {
      const s = arm.status();
      return {
        gpio: safety.inputs(),
        safety: { state: safety.state(), cause: safety.cause() },
        arm: { state: s.state, link: s.link },
        cards: listTestCards(),
      };
    },
    swipeTestCard: (id) => virtual.cardReader.swipeTestCard(id),
    swipeRaw: (raw) => virtual.cardReader.swipeRaw(raw),
    setCardReaderPlugged: (plugged) => virtual.cardReader.setPlugged(plugged),
    // "active" is the unsafe condition; every input is wired so that it reads as line 0.
    setInput: (input, active) => {
      // CLOCK_MONOTONIC, comparable with the simulator's HALT receive times.
      const edgeNs = process.hrtime.bigint();
      virtual.gpio.setLine(input, active ? 0 : 1);
      return { edgeNs: String(edgeNs) };
    },
  };
}
