import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { CUSTOMER_PRESENT_CLASS, CustomerGreeter } from './customer-greeter.ts';

type PresenceHandler = (p: { present: boolean }) => void;

/** The greeter's surroundings: the agent's events, the attract screen's classes, the avatar's lines. */
function setup(canGreet = () => true) {
  let handler: PresenceHandler | null = null;
  const classes = new Set<string>();
  const said: { text: string; locale: Locale }[] = [];
  let finishLine: (() => void) | null = null;
  const greeter = new CustomerGreeter({
    client: {
      on: ((name: string, cb: PresenceHandler) => {
        if (name === 'Session.PresenceChanged') handler = cb;
        return () => undefined;
      }) as never,
    },
    attractScreen: {
      classList: {
        toggle: (c: string, on?: boolean) => {
          if (on) classes.add(c);
          else classes.delete(c);
          return on === true;
        },
      } as unknown as DOMTokenList,
    },
    canGreet,
    say: (text, locale) => {
      said.push({ text, locale });
      return new Promise<void>((r) => (finishLine = r));
    },
    mood: () => undefined,
  });
  const event = (present: boolean) => handler?.({ present });
  const lineEnds = async () => {
    finishLine?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { greeter, event, classes, said, lineEnds };
}

describe('CustomerGreeter', () => {
  it('greets a customer who walks up in zh-CN, then en, and marks the attract screen', async () => {
    const s = setup();
    s.event(true);
    expect(s.classes.has(CUSTOMER_PRESENT_CLASS)).toBe(true);
    expect(s.said).toEqual([{ text: t('zh-CN', 'attract.greet'), locale: 'zh-CN' }]);
    await s.lineEnds();
    expect(s.said.map((l) => l.locale)).toEqual(['zh-CN', 'en']);
    expect(s.said[1]?.text).toBe(t('en', 'attract.greet'));
    s.event(false);
    expect(s.classes.has(CUSTOMER_PRESENT_CLASS)).toBe(false);
  });
  it('greets once per arrival: a repeated report (e.g. Common.Status on reconnect) says nothing', async () => {
    const s = setup();
    s.greeter.setPresent(true);
    await s.lineEnds();
    await s.lineEnds();
    s.event(true);
    s.greeter.setPresent(true);
    expect(s.said).toHaveLength(2);
  });
  it('stops after the first language when the customer touched to begin or walked away', async () => {
    let attract = true;
    const s = setup(() => attract);
    s.event(true);
    attract = false;
    await s.lineEnds();
    expect(s.said).toHaveLength(1);

    const away = setup();
    away.event(true);
    away.event(false);
    await away.lineEnds();
    expect(away.said).toHaveLength(1);
  });
  it('does not greet outside the attract loop or while the service is unavailable, but marks presence', () => {
    const s = setup(() => false);
    s.event(true);
    expect(s.said).toEqual([]);
    expect(s.classes.has(CUSTOMER_PRESENT_CLASS)).toBe(true);
  });
});
