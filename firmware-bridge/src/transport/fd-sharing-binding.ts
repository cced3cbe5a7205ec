// serialport's native binding, with the open port's descriptor shared with the port thread
// (SharedPort): published once the port is open, withdrawn before any close — the ones serialport
// starts by itself on a disconnect included — so the thread never writes to a number the kernel may
// already have handed to another file. Everything else is the native binding's own.
import {
  autoDetect,
  type BindingInterface,
  type BindingPortInterface,
  type OpenOptions,
  type PortInfo,
  type SetOptions,
  type UpdateOptions,
} from '@serialport/bindings-cpp';
import type { SharedPort } from './shared-port.ts';

class FdSharingPort implements BindingPortInterface {
  constructor(
    private readonly port: BindingPortInterface,
    private readonly shared: SharedPort,
  ) {}

  get openOptions(): Required<OpenOptions> {
    return this.port.openOptions;
  }
  get isOpen(): boolean {
    return this.port.isOpen;
  }
  /** The descriptor, on the platforms whose binding has one (Linux, macOS). */
  get fd(): number | null {
    return (this.port as { fd?: number | null }).fd ?? null;
  }

  close(): Promise<void> {
    this.shared.withdraw();
    return this.port.close();
  }
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    return this.port.read(buffer, offset, length);
  }
  write(buffer: Buffer): Promise<void> {
    return this.port.write(buffer);
  }
  update(options: UpdateOptions): Promise<void> {
    return this.port.update(options);
  }
  set(options: SetOptions): Promise<void> {
    return this.port.set(options);
  }
  get(): ReturnType<BindingPortInterface['get']> {
    return this.port.get();
  }
  getBaudRate(): ReturnType<BindingPortInterface['getBaudRate']> {
    return this.port.getBaudRate();
  }
  flush(): Promise<void> {
    return this.port.flush();
  }
  drain(): Promise<void> {
    return this.port.drain();
  }
}

export function fdSharingBinding(shared: SharedPort): BindingInterface<FdSharingPort> {
  const native = autoDetect() as BindingInterface;
  return {
    list: (): Promise<PortInfo[]> => native.list(),
    async open(options: OpenOptions): Promise<FdSharingPort> {
      const port = new FdSharingPort(await native.open(options), shared);
      if (port.fd !== null) shared.publish(port.fd);
      return port;
    },
  };
}
