// Builds the drivers for the mode: virtual ones in simulation; node-hid and onoff in hardware mode,
// where a driver that cannot start is a start-up error, never a fall-back to simulation.
import type { Logger } from 'pino';
import type { CardReader } from '../card/card-reader.ts';
import { HidCardReader } from '../card/hid-card-reader.ts';
import { VirtualCardReader } from '../card/virtual-card-reader.ts';
import type { ResolvedAgentOptions } from '../config/agent-options.ts';
import { NoCustomerProfiles, type CustomerProfiles } from '../customer/customer-profiles.ts';
import { SimulatedCustomerProfiles } from '../customer/simulated-customer-profiles.ts';
import type { Gpio } from '../gpio/gpio.ts';
import { OnoffGpio } from '../gpio/onoff-gpio.ts';
import { VirtualGpio } from '../gpio/virtual-gpio.ts';

export interface Drivers {
  gpio: Gpio;
  cardReader: CardReader;
  /** Simulation: the test cards' holders; hardware: none (no customer system connected yet). */
  profiles: CustomerProfiles;
  /** Simulation only: the same objects, typed for the simulation panel. */
  virtual?: { gpio: VirtualGpio; cardReader: VirtualCardReader };
}

export async function buildDrivers(o: ResolvedAgentOptions, logger: Logger): Promise<Drivers> {
  if (o.mode === 'simulation') {
    if (o.gpio.kind !== 'virtual' || o.cardReader.kind !== 'virtual') {
      throw new Error(
        'simulation mode uses the virtual GPIO and card reader: set gpio.kind and cardReader.kind to "virtual"',
      );
    }
    const gpio = new VirtualGpio();
    const cardReader = new VirtualCardReader();
    await cardReader.open();
    const profiles = new SimulatedCustomerProfiles(Buffer.from(o.cardKey, 'hex'));
    return { gpio, cardReader, profiles, virtual: { gpio, cardReader } };
  }
  if (o.gpio.kind !== 'onoff')
    throw new Error('hardware mode needs gpio.kind "onoff" (virtual GPIO is for simulation only)');
  if (o.cardReader.kind !== 'hid')
    throw new Error('hardware mode needs cardReader.kind "hid" (the virtual reader is for simulation only)');
  const gpio = await OnoffGpio.open({ pins: o.gpio.pins, chip: o.gpio.chip, logger });
  const cardReader = new HidCardReader({
    vendorId: o.cardReader.vendorId as number,
    productId: o.cardReader.productId as number,
    report: o.cardReader.report,
    swipeIdleMs: o.cardReader.swipeIdleMs,
    reattachMs: o.cardReader.reattachMs,
    logger,
  });
  try {
    await cardReader.open();
  } catch (err) {
    await gpio.close();
    throw err;
  }
  return { gpio, cardReader, profiles: new NoCustomerProfiles() };
}
