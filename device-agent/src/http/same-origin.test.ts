import { describe, expect, it } from 'vitest';
import { fromSameOrigin, hostAllowed, listenerHosts } from './same-origin.ts';

describe('same-origin rules', () => {
  it('answers only to loopback names, the listen address and configured names, on its port', () => {
    const hosts = listenerHosts(7200, ['0.0.0.0', 'Kiosk-12.branch.lan']);
    expect(hostAllowed('127.0.0.1:7200', hosts)).toBe(true);
    expect(hostAllowed('LOCALHOST:7200', hosts)).toBe(true);
    expect(hostAllowed('[::1]:7200', hosts)).toBe(true);
    expect(hostAllowed('kiosk-12.branch.lan:7200', hosts)).toBe(true);
    expect(hostAllowed('rebind.example:7200', hosts)).toBe(false);
    expect(hostAllowed('127.0.0.1:7201', hosts)).toBe(false);
    expect(hostAllowed('0.0.0.0:7200', hosts)).toBe(false);
    expect(hostAllowed(undefined, hosts)).toBe(false);
  });

  it('takes a write without Origin or from the listener’s own origin only', () => {
    expect(fromSameOrigin(undefined, '127.0.0.1:7200')).toBe(true);
    expect(fromSameOrigin('http://127.0.0.1:7200', '127.0.0.1:7200')).toBe(true);
    expect(fromSameOrigin('http://evil.example', '127.0.0.1:7200')).toBe(false);
  });
});
