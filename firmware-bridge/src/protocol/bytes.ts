// Little-endian byte writer and reader for message bodies.
const enc = new TextEncoder();
const dec = new TextDecoder();

export class BodyError extends Error {
  override name = 'BodyError';
}

export class Writer {
  private buf = new Uint8Array(64);
  private view = new DataView(this.buf.buffer);
  private n = 0;
  private ensure(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): this {
    this.ensure(1);
    this.view.setUint8(this.n, v);
    this.n += 1;
    return this;
  }
  u16(v: number): this {
    this.ensure(2);
    this.view.setUint16(this.n, v, true);
    this.n += 2;
    return this;
  }
  u32(v: number): this {
    this.ensure(4);
    this.view.setUint32(this.n, v >>> 0, true);
    this.n += 4;
    return this;
  }
  f32(v: number): this {
    this.ensure(4);
    this.view.setFloat32(this.n, v, true);
    this.n += 4;
    return this;
  }
  /** UTF-8 string with a u16 length prefix. */
  str(s: string): this {
    const b = enc.encode(s);
    this.u16(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
    return this;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export class Reader {
  private readonly view: DataView;
  private n = 0;
  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  private need(k: number): void {
    if (this.n + k > this.buf.length)
      throw new BodyError(`body too short: need ${this.n + k}, have ${this.buf.length}`);
  }
  u8(): number {
    this.need(1);
    return this.view.getUint8(this.n++);
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.n, true);
    this.n += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.n, true);
    this.n += 4;
    return v;
  }
  f32(): number {
    this.need(4);
    const v = this.view.getFloat32(this.n, true);
    this.n += 4;
    return v;
  }
  str(): string {
    const len = this.u16();
    this.need(len);
    const s = dec.decode(this.buf.subarray(this.n, this.n + len));
    this.n += len;
    return s;
  }
  get remaining(): number {
    return this.buf.length - this.n;
  }
  end(): void {
    if (this.remaining !== 0) throw new BodyError(`${this.remaining} trailing bytes in body`);
  }
}
