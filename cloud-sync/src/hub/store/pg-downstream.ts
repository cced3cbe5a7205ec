// What flows down from the PostgreSQL hub: article versions and settings documents, each a sequence
// that kiosks page through by checkpoint. Publishes take an advisory lock so that sequence order
// equals commit order: with several hub instances, a pull can never pass a row that commits later.
import type pg from 'pg';
import type { KnowledgeArticle } from '../../schema/article.ts';
import { settingsIdentity, type SettingsDoc } from '../../schema/settings.ts';
import { parseData } from './rows.ts';
import type { ArticlePage, PublishOutcome, SettingsPage } from './types.ts';
import { CURRENT_ARTICLES, pageAfter, publishVerdict, sinceOf } from './downstream-rules.ts';

const PUBLISH_LOCK = 0x6875_6270;

type Tx = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PgDownstream {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: Tx,
  ) {}

  private async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  /** Version rules shared by articles and settings; `insert` runs under the publish lock. */
  private publish(
    table: 'articles' | 'settings',
    where: string,
    key: unknown[],
    version: number,
    data: string,
    insert: (client: pg.PoolClient, seq: number) => Promise<unknown>,
  ): Promise<PublishOutcome> {
    return this.tx(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      const { rows } = await client.query<{ version: number; data: string }>(
        `SELECT version, data FROM ${table} WHERE ${where} ORDER BY version DESC`,
        key,
      );
      const verdict = publishVerdict(rows, version, data);
      if (verdict) return verdict;
      const next = await client.query<{ s: string }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM ${table}`);
      await insert(client, Number(next.rows[0]?.s));
      return 'published';
    });
  }

  publishArticle(article: KnowledgeArticle): Promise<PublishOutcome> {
    const data = JSON.stringify(article);
    return this.publish(
      'articles',
      'id = $1 AND locale = $2',
      [article.id, article.locale],
      article.version,
      data,
      (c, seq) =>
        c.query(
          'INSERT INTO articles (seq, id, locale, version, data, published_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [seq, article.id, article.locale, article.version, data, new Date().toISOString()],
        ),
    );
  }

  publishSetting(doc: SettingsDoc): Promise<PublishOutcome> {
    const { kind, id, scope } = settingsIdentity(doc);
    const data = JSON.stringify(doc);
    return this.publish(
      'settings',
      'kind = $1 AND id = $2 AND scope = $3',
      [kind, id, scope],
      doc.doc.version,
      data,
      (c, seq) =>
        c.query(
          `INSERT INTO settings (seq, kind, id, scope, version, data, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [seq, kind, id, scope, doc.doc.version, data, new Date().toISOString()],
        ),
    );
  }

  async articlesSince(checkpoint: string, limit: number): Promise<ArticlePage> {
    const since = await this.validSince('articles', checkpoint);
    const rows = await this.rows<{ seq: string; data: string }>(
      'SELECT seq, data FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2',
      [since, limit + 1],
    );
    const { items, checkpoint: next, hasMore } = pageAfter<KnowledgeArticle>(rows, limit, since);
    return { articles: items, checkpoint: next, hasMore };
  }

  async currentArticles(): Promise<KnowledgeArticle[]> {
    return parseData<KnowledgeArticle>(await this.rows<{ data: string }>(CURRENT_ARTICLES));
  }

  async currentArticleVersion(id: string, locale: string): Promise<number> {
    const [r] = await this.rows<{ v: number }>(
      'SELECT COALESCE(MAX(version), 0) AS v FROM articles WHERE id = $1 AND locale = $2',
      [id, locale],
    );
    return Number(r?.v ?? 0);
  }

  async settingsSince(kioskId: string, checkpoint: string, limit: number): Promise<SettingsPage> {
    const since = await this.validSince('settings', checkpoint);
    const rows = await this.rows<{ seq: string; data: string }>(
      `SELECT seq, data FROM settings WHERE seq > $1 AND (scope = '' OR scope = $2) ORDER BY seq LIMIT $3`,
      [since, kioskId, limit + 1],
    );
    const { items, checkpoint: next, hasMore } = pageAfter<SettingsDoc>(rows, limit, since);
    return { docs: items, checkpoint: next, hasMore };
  }

  private async validSince(table: 'articles' | 'settings', checkpoint: string): Promise<number> {
    const [r] = await this.rows<{ m: string }>(`SELECT COALESCE(MAX(seq), 0) AS m FROM ${table}`);
    return sinceOf(checkpoint, Number(r?.m ?? 0));
  }
}
