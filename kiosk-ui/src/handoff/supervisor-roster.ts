// Who of the supervisors is in the customer's call, as the hub told the kiosk: a supervisor is added
// when they step in (speak), never while they only listen, and removed when they leave. A leave for
// someone never added (they only listened) changes nothing. Pure, so the rule is unit-tested.
export class SupervisorRoster {
  private readonly names: string[] = [];

  /** Adds a supervisor who stepped in; true when the roster changed. */
  joined(name: string): boolean {
    if (this.names.includes(name)) return false;
    this.names.push(name);
    return true;
  }

  /** Removes a supervisor who left; true when they had been in it. */
  left(name: string): boolean {
    const i = this.names.indexOf(name);
    if (i < 0) return false;
    this.names.splice(i, 1);
    return true;
  }

  /** The supervisors in the call now, in the order they stepped in. */
  get present(): readonly string[] {
    return this.names;
  }
}
