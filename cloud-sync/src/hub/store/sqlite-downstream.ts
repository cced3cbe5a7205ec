// What flows down from the SQLite hub: article versions and settings documents, each a sequence
// that kiosks page through by checkpoint. Part of the SQLite store.
import type { SqliteConnection, SqliteStatement } from './sqlite-connection.ts';
import type { KnowledgeArticle } from '../../schema/article.ts';
import { settingsIdentity, type SettingsDoc } from '../../schema/settings.ts';
import type { ArticlePage, PublishOutcome, SettingsPage } from './types.ts';

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
      // The newest version of each (id, locale); the UNIQUE (id, locale, version) index answers the MAX.
      currentArticles: p(
        `SELECT a.data FROM articles a
         WHERE a.version = (SELECT MAX(b.version) FROM articles b WHERE b.id = a.id AND b.locale = a.locale)
         ORDER BY a.id, a.locale`,
      ),
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
      const same = versions.find((v) => v.version === article.version);
      if (same) return same.data === data ? 'unchanged' : 'conflict';
      if (versions.length > 0 && (versions[0] as { version: number }).version > article.version)
        return 'stale';
      this.q.insertArticle.run(article.id, article.locale, article.version, data, new Date().toISOString());
      return 'published';
    })();
  }

  async articlesSince(checkpoint: string, limit: number): Promise<ArticlePage> {
    let since = checkpoint === '' ? 0 : Number(checkpoint);
    // A checkpoint from the future means this hub's data was replaced: start the kiosk over.
    if (since > (this.q.maxArticleSeq.get() as { m: number }).m) since = 0;
    const rows = this.q.articlesSince.all(since, limit + 1) as { seq: number; data: string }[];
    const page = rows.slice(0, limit);
    const lastSeq = page.length > 0 ? (page[page.length - 1] as { seq: number }).seq : since;
    return {
      articles: page.map((r) => JSON.parse(r.data) as KnowledgeArticle),
      checkpoint: String(lastSeq),
      hasMore: rows.length > limit,
    };
  }

  async currentArticles(): Promise<KnowledgeArticle[]> {
    const rows = this.q.currentArticles.all() as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as KnowledgeArticle);
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
      const same = versions.find((v) => v.version === version);
      if (same) return same.data === data ? 'unchanged' : 'conflict';
      if (versions.length > 0 && (versions[0] as { version: number }).version > version) return 'stale';
      this.q.insertSetting.run(kind, id, scope, version, data, new Date().toISOString());
      return 'published';
    })();
  }

  async settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage> {
    let since = checkpoint === '' ? 0 : Number(checkpoint);
    if (since > (this.q.maxSettingSeq.get() as { m: number }).m) since = 0;
    const rows = this.q.settingsSince.all(since, kioskId, limit + 1) as { seq: number; data: string }[];
    const page = rows.slice(0, limit);
    const lastSeq = page.length > 0 ? (page[page.length - 1] as { seq: number }).seq : since;
    return {
      docs: page.map((r) => JSON.parse(r.data) as SettingsDoc),
      checkpoint: String(lastSeq),
      hasMore: rows.length > limit,
    };
  }
}
