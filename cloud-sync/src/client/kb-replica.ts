// The kiosk's replica of the knowledge base, pulled page by page (paged-replica.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { isArticleInEffect, type KnowledgeArticle } from '../schema/article.ts';
import { PagedReplica } from './paged-replica.ts';

export class KbReplica extends PagedReplica<KnowledgeArticle> {
  private readonly selectAll: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    super(
      db,
      'pull.articles.checkpoint',
      `INSERT INTO sync_kb_articles (id, locale, version, data, effective_from, effective_to)
       VALUES (@id, @locale, @version, @data, @effectiveFrom, @effectiveTo)
       ON CONFLICT(id, locale) DO UPDATE SET version = excluded.version, data = excluded.data,
         effective_from = excluded.effective_from, effective_to = excluded.effective_to
       WHERE excluded.version > sync_kb_articles.version`,
      (a) => ({
        id: a.id,
        locale: a.locale,
        version: a.version,
        data: JSON.stringify(a),
        effectiveFrom: a.effectiveFrom,
        effectiveTo: a.effectiveTo ?? null,
      }),
    );
    this.selectAll = db.prepare('SELECT data FROM sync_kb_articles ORDER BY id, locale');
  }

  /** Articles in effect now, from the local copy (works offline). */
  inEffect(at: Date = new Date()): KnowledgeArticle[] {
    const rows = this.selectAll.all() as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as KnowledgeArticle).filter((a) => isArticleInEffect(a, at));
  }
}
