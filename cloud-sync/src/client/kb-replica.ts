// The kiosk's replica of the knowledge base. A pulled page and its checkpoint commit together, so a
// crash between them can only cause the same page to be pulled again (and applied idempotently).
import type BetterSqlite3 from 'better-sqlite3';
import { isArticleInEffect, type KnowledgeArticle } from '../schema/article.ts';

const CHECKPOINT_KEY = 'pull.articles.checkpoint';

export class KbReplica {
  private readonly upsert: BetterSqlite3.Statement;
  private readonly saveCheckpoint: BetterSqlite3.Statement;
  private readonly readCheckpoint: BetterSqlite3.Statement;
  private readonly selectAll: BetterSqlite3.Statement;

  constructor(private readonly db: BetterSqlite3.Database) {
    // Only a newer version replaces what the kiosk has: pages may arrive again after a crash.
    this.upsert = db.prepare(
      `INSERT INTO sync_kb_articles (id, locale, version, data, effective_from, effective_to)
       VALUES (@id, @locale, @version, @data, @effectiveFrom, @effectiveTo)
       ON CONFLICT(id, locale) DO UPDATE SET version = excluded.version, data = excluded.data,
         effective_from = excluded.effective_from, effective_to = excluded.effective_to
       WHERE excluded.version > sync_kb_articles.version`,
    );
    this.saveCheckpoint = db.prepare(
      `INSERT INTO sync_state (key, value) VALUES ('${CHECKPOINT_KEY}', ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    this.readCheckpoint = db.prepare(`SELECT value FROM sync_state WHERE key = '${CHECKPOINT_KEY}'`);
    this.selectAll = db.prepare('SELECT data FROM sync_kb_articles ORDER BY id, locale');
  }

  checkpoint(): string {
    return (this.readCheckpoint.get() as { value: string } | undefined)?.value ?? '';
  }

  /** Applies one pulled page and moves the checkpoint in the same transaction; returns rows changed. */
  applyPage(articles: readonly KnowledgeArticle[], checkpoint: string): number {
    return this.db.transaction(() => {
      let changed = 0;
      for (const a of articles) {
        changed += this.upsert.run({
          id: a.id,
          locale: a.locale,
          version: a.version,
          data: JSON.stringify(a),
          effectiveFrom: a.effectiveFrom,
          effectiveTo: a.effectiveTo ?? null,
        }).changes;
      }
      this.saveCheckpoint.run(checkpoint);
      return changed;
    })();
  }

  /** Articles in effect now, from the local copy (works offline). */
  inEffect(at: Date = new Date()): KnowledgeArticle[] {
    const rows = this.selectAll.all() as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as KnowledgeArticle).filter((a) => isArticleInEffect(a, at));
  }
}
