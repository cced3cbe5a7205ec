// Synthetic kiosk traffic for the benchmarks: conversations with messages, as push bodies.
import { ulid } from 'ulid';
import { Hlc, type ChangeEnvelope } from '../src/index.ts';

/** `n` changes of one kiosk: one conversation per ten messages, messages of about 120 bytes. */
export function kioskChanges(kioskId: string, n: number): ChangeEnvelope[] {
  const hlc = new Hlc(kioskId);
  const out: ChangeEnvelope[] = [];
  let conv = '';
  const at = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const stamp = Hlc.serialize(hlc.now());
    if (i % 11 === 0) {
      conv = `c-${ulid()}`;
      const data = { id: conv, kioskId, locale: 'zh-CN' as const, startedAt: at, intent: 'opening_hours' };
      out.push({
        id: ulid(),
        kioskId,
        entity: 'conversation',
        entityId: conv,
        op: 'upsert',
        hlc: stamp,
        data,
      });
    } else {
      const data = {
        id: `m-${ulid()}`,
        conversationId: conv,
        role: 'customer' as const,
        text: `请问周六营业吗？第 ${i} 条消息，谢谢。`,
        at,
      };
      out.push({ id: ulid(), kioskId, entity: 'message', entityId: data.id, op: 'upsert', hlc: stamp, data });
    }
  }
  return out;
}

export function kioskCreds(n: number): { id: string; token: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench-${i}`,
    token: `bench-token-${i}-0123456789abcdef`,
  }));
}
