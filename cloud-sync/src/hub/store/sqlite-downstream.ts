// What flows down from the SQLite hub: article versions and settings documents, each a sequence
// that kiosks page through by checkpoint. Part of the SQLite store.
import type { SqliteConnection, SqliteStatement } from './sqlite-connection.ts';
import type { KnowledgeArticle } from '../../schema/article.ts';
import { settingsIdentity, type SettingsDoc } from '../../schema/settings.ts';
import type { ArticlePage, PublishOutcome, SettingsPage } from './types.ts';
import { CURRENT_ARTICLES, pageAfter, publishVerdict, sinceOf } from './downstream-rules.ts';
import { parseData } from './rows.ts';

export class SqliteDownstream {
  private readonly q;

  constructor(private readonly db: SqliteConnection) {
    const p = (sql: string): SqliteStatement => db.prepare(sql);
    this.q = {
      articleVersions: p(
        'SELECT version, data FROM articles WHERE id = ? AND locale = ? ORDER BY version DESC',
      ),
      insertArticle: p(
        'INSERT INTO articles (id, locale, version, data, published_at) VALUES (?, ?, ?, ?, ?)',
      ),
      articlesSince: p('SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?'),
      maxArticleSeq: p('SELECT COALESCE(MAX(seq), 0) AS m FROM articles'),
      currentArticles: p(CURRENT_ARTICLES),
      currentVersion: p('SELECT COALESCE(MAX(version), 0) AS v FROM articles WHERE id = ? AND locale = ?'),
      settingVersions: p(
        'SELECT version, data FROM settings WHERE kind = ? AND id = ? AND scope = ? ORDER BY version DESC',
      ),
      insertSetting: p(
        'INSERT INTO settings (kind, id, scope, version, data, published_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      settingsSince: p(
        `SELECT seq, kind, data FROM settings WHERE seq > ? AND (scope = '' OR scope = ?) ORDER BY seq LIMIT ?`,
      ),
      maxSettingSeq: p('SELECT COALESCE(MAX(seq), 0) AS m FROM settings'),
    };
  }

  async publishArticle(article: KnowledgeArticle): Promise<PublishOutcome> {
    return this.db.transaction((): PublishOutcome => {
      const versions = this.q.articleVersions.all(article.id, article.locale) as {
        version: number;
        data: string;
      }[];
      const data = JSON.stringify(article);
      const verdict = publishVerdict(versions, article.version, data);
      if (verdict) return verdict;
      this.q.insertArticle.run(article.id, article.locale, article.version, data, new Date().toISOString());
      return 'published';
    })();
  }

  async articlesSince(checkpoint: string, limit: number): Promise<ArticlePage> {
    const since = sinceOf(checkpoint, (this.q.maxArticleSeq.get() as { m: number }).m);
    const rows = this.q.articlesSince.all(since, limit + 1) as { seq: number; data: string }[];
    const { items, checkpoint: next, hasMore } = pageAfter<KnowledgeArticle>(rows, limit, since);
    return { articles: items, checkpoint: next, hasMore };
  }

  async currentArticles(): Promise<KnowledgeArticle[]> {
    return parseData<KnowledgeArticle>(this.q.currentArticles.all() as { data: string }[]);
  }

  async currentArticleVersion(id: string, locale: string): Promise<number> {
    return (this.q.currentVersion.get(id, locale) as { v: number }).v;
  }

  async publishSetting(doc: SettingsDoc): Promise<PublishOutcome> {
    const { kind, id, scope } = settingsIdentity(doc);
    const version = doc.doc.version;
    return this.db.transaction((): PublishOutcome => {
      const versions = this.q.settingVersions.all(kind, id, scope) as { version: number; data: string }[];
      const data = JSON.stringify(doc);
      const verdict = publishVerdict(versions, version, data);
      if (verdict) return verdict;
      this.q.insertSetting.run(kind, id, scope, version, data, new Date().toISOString());
      return 'published';
    })();
  }

  async settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage> {
    const since = sinceOf(checkpoint, (this.q.maxSettingSeq.get() as { m: number }).m);
    const rows = this.q.settingsSince.all(since, kioskId, limit + 1) as { seq: number; data: string }[];
    const { items, checkpoint: next, hasMore } = pageAfter<SettingsDoc>(rows, limit, since);
    return { docs: items, checkpoint: next, hasMore };
  }
}
