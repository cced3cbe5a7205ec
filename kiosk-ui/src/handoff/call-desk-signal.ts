// The hub's call-desk messages to the kiosk (an article to show, hold, a transfer to another desk),
// checked strictly before anything is shown: exactly the fields the hub sends, of the right types and
// lengths, an article only in this kiosk's language and as plain text. Anything else is dropped.
import type { ServerSignal } from '@branch/cloud-sync';
import { CALL_ARTICLE_MAX } from '@branch/cloud-sync/wire';
import type { Locale } from '../i18n/index.ts';

export type CallDeskSignal = Extract<ServerSignal, { t: 'article' | 'hold' | 'transferred' }>;

const QUEUES = new Set(['agent', 'expert', 'risk']);
// Control characters but the newline, and bidi overrides: the hub removes them, so a message with any
// is not the hub's.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_PLAIN = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysAre = (o: Obj, keys: readonly string[]): boolean =>
  Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));
const text = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max && !NOT_PLAIN.test(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The message as the hub sends it, or null when it is not exactly that. */
export function parseCallDeskSignal(raw: unknown, locale: Locale): CallDeskSignal | null {
  if (!isObj(raw)) return null;
  switch (raw.t) {
    case 'hold':
      return keysAre(raw, ['t', 'on']) && typeof raw.on === 'boolean' ? { t: 'hold', on: raw.on } : null;
    case 'transferred': {
      const { queue, position, estimatedWaitS } = raw;
      if (!keysAre(raw, ['t', 'queue', 'position', 'estimatedWaitS'])) return null;
      if (typeof queue !== 'string' || !QUEUES.has(queue) || !count(position)) return null;
      if (typeof estimatedWaitS !== 'number' || !(estimatedWaitS >= 0) || !Number.isFinite(estimatedWaitS))
        return null;
      return { t: 'transferred', queue: queue as 'agent' | 'expert' | 'risk', position, estimatedWaitS };
    }
    case 'article': {
      const a = raw.article;
      if (!keysAre(raw, ['t', 'article']) || !isObj(a)) return null;
      if (!keysAre(a, ['id', 'version', 'locale', 'title', 'body'])) return null;
      // Only the customer's own language: an article in another is not for this screen.
      if (a.locale !== locale || !count(a.version) || a.version < 1) return null;
      if (!text(a.id, 64) || !text(a.title, 200) || !text(a.body, CALL_ARTICLE_MAX)) return null;
      return {
        t: 'article',
        article: { id: a.id, version: a.version, locale, title: a.title, body: a.body },
      };
    }
    default:
      return null;
  }
}
