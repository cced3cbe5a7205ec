// The agent's SQLite store: durable pragmas, migrations, and each change committed with its outbox
// entry in one transaction (the real cloud-sync outbox, loops not started).
import type { KioskSync } from '@branch/cloud-sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/store/migrations.ts';
import { openDatabase, type Db } from '../src/store/open-database.ts';
import { ConversationStore } from '../src/store/conversation-store.ts';
import { openTempStore, type TempStore } from './support/temp-store.ts';

let temp: TempStore;
let dir: string;
let db: Db;
let sync: KioskSync;

beforeEach(() => {
  temp = openTempStore('agent-store-', 'kiosk-db');
  ({ dir, db, sync } = temp);
});
afterEach(() => temp.close());

describe('agent store', () => {
  it('opens in WAL with synchronous=FULL at the current schema version, and reopens idempotently', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const again = openDatabase(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('refuses a database from a newer agent', () => {
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => openDatabase(dir)).toThrow(/newer than this agent/);
  });

  it('commits a conversation write and its outbox entry together', () => {
    const store = new ConversationStore(db, sync.outbox, 'kiosk-db');
    const c = store.start('conv-1', 'en', new Date().toISOString());
    expect(c).toMatchObject({ id: 'conv-1', kioskId: 'kiosk-db', locale: 'en' });
    store.addMessage({
      id: 'm-1',
      conversationId: 'conv-1',
      role: 'customer',
      text: 'hi',
      at: new Date().toISOString(),
    });
    expect(sync.status().pending).toBe(2);
  });

  it('stores a 1..5 rating with its outbox entry; a second replaces the first; the table refuses others', () => {
    const store = new ConversationStore(db, sync.outbox, 'kiosk-db');
    store.start('conv-r', 'en', new Date().toISOString());
    const pending = sync.status().pending;
    expect(store.rate('conv-r', 2).rating).toBe(2);
    expect(store.rate('conv-r', 5).rating).toBe(5);
    expect(sync.status().pending).toBe(pending + 2);
    expect(() => store.rate('conv-r', 6)).toThrow(/CHECK/);
    expect(sync.status().pending).toBe(pending + 2);
    expect(store.get('conv-r')?.rating).toBe(5);
  });

  it('rolls back both when either half fails: an unmasked PAN is refused by the store, nothing is queued', () => {
    const store = new ConversationStore(db, sync.outbox, 'kiosk-db');
    store.start('conv-2', 'zh-CN', new Date().toISOString());
    const pending = sync.status().pending;
    expect(() => store.linkCard('conv-2', '4111111111111111', 'a'.repeat(64))).toThrow();
    expect(sync.status().pending).toBe(pending);
    expect(store.get('conv-2')?.maskedPan).toBeUndefined();
    // A message for a conversation that does not exist fails its foreign key, and queues nothing.
    expect(() =>
      store.addMessage({
        id: 'm-x',
        conversationId: 'missing',
        role: 'bot',
        text: 'x',
        at: new Date().toISOString(),
      }),
    ).toThrow();
    expect(sync.status().pending).toBe(pending);
    // The write succeeds and the outbox refuses the change (over the schema's text limit): both roll back.
    expect(() =>
      store.addMessage({
        id: 'm-long',
        conversationId: 'conv-2',
        role: 'bot',
        text: 'x'.repeat(5000),
        at: new Date().toISOString(),
      }),
    ).toThrow();
    expect(db.prepare("SELECT count(*) FROM messages WHERE id = 'm-long'").pluck().get()).toBe(0);
    expect(sync.status().pending).toBe(pending);
    store.linkCard('conv-2', '411111******1111', 'a'.repeat(64));
    expect(store.get('conv-2')).toMatchObject({
      maskedPan: '411111******1111',
      customerToken: 'a'.repeat(64),
    });
  });

  it('ends conversations left open by a crash as abandoned', () => {
    const store = new ConversationStore(db, sync.outbox, 'kiosk-db');
    store.start('conv-3', 'en', new Date().toISOString());
    expect(store.endOrphans(new Date().toISOString())).toBe(1);
    expect(store.get('conv-3')?.outcome).toBe('abandoned');
    expect(store.endOrphans(new Date().toISOString())).toBe(0);
  });
});
