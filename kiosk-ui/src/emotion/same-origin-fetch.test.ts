import { describe, expect, it } from 'vitest';
import { sameOriginFetchOnly } from './same-origin-fetch.ts';

describe('sameOriginFetchOnly', () => {
  function scope() {
    const calls: string[] = [];
    const s = {
      location: { origin: 'http://127.0.0.1:8080' },
      fetch: ((input: RequestInfo | URL) => {
        calls.push(String(input));
        return Promise.resolve(new Response('ok'));
      }) as typeof fetch,
    };
    sameOriginFetchOnly(s);
    return { s, calls };
  }

  it('lets requests to the own origin through, relative ones too', async () => {
    const { s, calls } = scope();
    await s.fetch('/assets/models/face_landmarker.task');
    await s.fetch('http://127.0.0.1:8080/assets/x.wasm');
    expect(calls).toEqual(['/assets/models/face_landmarker.task', 'http://127.0.0.1:8080/assets/x.wasm']);
  });

  it("refuses MediaPipe's usage log and any other origin before anything is sent", async () => {
    const { s, calls } = scope();
    await expect(s.fetch('https://odml.pa.googleapis.com/v1/log', { method: 'POST' })).rejects.toThrow(
      /refused \(same origin only\)/,
    );
    await expect(s.fetch(new URL('http://127.0.0.1:9999/x'))).rejects.toThrow(/refused/);
    expect(calls).toEqual([]);
  });
});
