// The cache around the real sliced build: built once per set of articles (in any order); a question asked
// while new articles build is answered from them, or by the previous understander past maxWaitMs.
import { DEFAULT_ARTICLES, type KnowledgeArticle } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import { KB_SETTINGS } from '../kb/kb-settings.ts';
import type { QuestionUnderstander, UnderstandingSettings } from '../kb/understand-question.ts';
import { buildKioskUnderstander } from './kiosk-understander.ts';
import { articlesKey, UnderstanderCache } from './understander-cache.ts';

/** The real build, counting its runs and which articles each was for. */
function countingBuild() {
  const builds: KnowledgeArticle[][] = [];
  const build = (articles: KnowledgeArticle[], settings: UnderstandingSettings) => {
    builds.push(articles);
    return buildKioskUnderstander(articles, settings);
  };
  return { builds, build };
}

describe('UnderstanderCache', () => {
  it('keys the articles by id, locale and version in any order', () => {
    const reversed = [...DEFAULT_ARTICLES].reverse();
    expect(articlesKey(reversed)).toBe(articlesKey(DEFAULT_ARTICLES));
    const bumped = DEFAULT_ARTICLES.map((a, i) => (i === 0 ? { ...a, version: a.version + 1 } : a));
    expect(articlesKey(bumped)).not.toBe(articlesKey(DEFAULT_ARTICLES));
  });

  it('builds once for the same articles, in whatever order they come', async () => {
    const { builds, build } = countingBuild();
    const cache = new UnderstanderCache(KB_SETTINGS, build);
    const first = await cache.for(DEFAULT_ARTICLES);
    expect(await cache.for([...DEFAULT_ARTICLES].reverse())).toBe(first);
    expect(builds).toHaveLength(1);
  });

  it('answers a question asked while new articles build from them, not from the previous understander', async () => {
    const { builds, build } = countingBuild();
    const cache = new UnderstanderCache(KB_SETTINGS, build);
    await cache.for(DEFAULT_ARTICLES);
    const hours = DEFAULT_ARTICLES.filter((a) => a.id !== 'branch-opening-hours');
    const next = cache.refresh(hours);
    const meanwhile = await cache.for(hours);
    expect(meanwhile).toBe(await next);
    expect(meanwhile.understand('what are your opening hours', 'en').intent).not.toBe('branch-opening-hours');
    expect(builds).toHaveLength(2);
  });

  it('lets the previous understander answer when the new build takes longer than maxWaitMs', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slowSecond = (articles: KnowledgeArticle[], settings: UnderstandingSettings) =>
      articles.length === DEFAULT_ARTICLES.length
        ? buildKioskUnderstander(articles, settings)
        : gate.then(() => buildKioskUnderstander(articles, settings));
    const cache = new UnderstanderCache(KB_SETTINGS, slowSecond, 20);
    const old = await cache.for(DEFAULT_ARTICLES);
    const hours = DEFAULT_ARTICLES.filter((a) => a.id !== 'branch-opening-hours');
    const meanwhile = await cache.for(hours);
    expect(meanwhile).toBe(old);
    expect(meanwhile.understand('what are your opening hours', 'en').intent).toBe('branch-opening-hours');
    release();
    const built: QuestionUnderstander = await cache.refresh(hours);
    expect(await cache.for(hours)).toBe(built);
  });
});
