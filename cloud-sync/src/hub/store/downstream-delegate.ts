// The downstream half of HubStore, handed by both stores to their downstream object
// (sqlite-downstream.ts, pg-downstream.ts).
import type { HubStore } from './types.ts';

type DownstreamMethod =
  | 'publishArticle'
  | 'publishSetting'
  | 'articlesSince'
  | 'currentArticles'
  | 'currentArticleVersion'
  | 'settingsSince';

export type Downstream = Pick<HubStore, DownstreamMethod>;

export abstract class DelegatesDownstream implements Downstream {
  protected abstract readonly downstream: Downstream;

  publishArticle(
    ...args: Parameters<Downstream['publishArticle']>
  ): ReturnType<Downstream['publishArticle']> {
    return this.downstream.publishArticle(...args);
  }

  publishSetting(
    ...args: Parameters<Downstream['publishSetting']>
  ): ReturnType<Downstream['publishSetting']> {
    return this.downstream.publishSetting(...args);
  }

  articlesSince(...args: Parameters<Downstream['articlesSince']>): ReturnType<Downstream['articlesSince']> {
    return this.downstream.articlesSince(...args);
  }

  currentArticles(): ReturnType<Downstream['currentArticles']> {
    return this.downstream.currentArticles();
  }

  currentArticleVersion(
    ...args: Parameters<Downstream['currentArticleVersion']>
  ): ReturnType<Downstream['currentArticleVersion']> {
    return this.downstream.currentArticleVersion(...args);
  }

  settingsSince(...args: Parameters<Downstream['settingsSince']>): ReturnType<Downstream['settingsSince']> {
    return this.downstream.settingsSince(...args);
  }
}
