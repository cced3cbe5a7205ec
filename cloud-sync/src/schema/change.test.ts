import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { ChangeEnvelopeSchema, PushRequestSchema, SYNC_LIMITS } from './change.ts';
import { KnowledgeArticleSchema, isArticleInEffect } from './article.ts';
import { Hlc } from './hlc.ts';

const conversation = { id: 'c1', kioskId: 'kiosk-1', locale: 'en', startedAt: '2026-11-25T10:00:00.000Z' };
const change = {
  id: ulid(),
  kioskId: 'kiosk-1',
  entity: 'conversation',
  entityId: 'c1',
  op: 'upsert',
  hlc: Hlc.serialize({ wall: 1, counter: 0, node: 'kiosk-1' }),
  data: conversation,
};

describe('change envelope', () => {
  it('accepts a well-formed change', () => {
    expect(ChangeEnvelopeSchema.parse(change).entity).toBe('conversation');
  });

  it.each([
    ['a non-ULID id', { id: 'abc' }],
    ['entityId differing from data.id', { entityId: 'c2' }],
    ['an unknown entity', { entity: 'survey' }],
    ['a delete op', { op: 'delete' }],
    ['a bad hlc', { hlc: '2026-11-25' }],
    ['an unmasked PAN', { data: { ...conversation, maskedPan: '6228480012341234' } }],
  ])('rejects %s', (_name, patch) => {
    expect(ChangeEnvelopeSchema.safeParse({ ...change, ...patch }).success).toBe(false);
  });

  it('bounds the batch size', () => {
    expect(PushRequestSchema.safeParse({ changes: [] }).success).toBe(false);
    const full = Array.from({ length: SYNC_LIMITS.maxBatchChanges }, () => change);
    expect(PushRequestSchema.safeParse({ changes: full }).success).toBe(true);
    expect(PushRequestSchema.safeParse({ changes: [...full, change] }).success).toBe(false);
  });
});

describe('knowledge article', () => {
  const article = {
    id: 'faq-hours',
    version: 1,
    locale: 'zh-CN',
    title: '营业时间',
    body: '周一至周五 9:00-17:00',
    tags: ['hours'],
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    effectiveTo: '2026-07-01T00:00:00.000Z',
  };

  it('validates dates and computes whether it is in effect', () => {
    const a = KnowledgeArticleSchema.parse(article);
    expect(isArticleInEffect(a, new Date('2026-03-01T00:00:00Z'))).toBe(true);
    expect(isArticleInEffect(a, new Date('2026-07-01T00:00:00Z'))).toBe(false);
    expect(isArticleInEffect(a, new Date('2025-12-31T23:59:59Z'))).toBe(false);
    const backwards = { ...article, effectiveTo: '2025-01-01T00:00:00.000Z' };
    expect(KnowledgeArticleSchema.safeParse(backwards).success).toBe(false);
    expect(KnowledgeArticleSchema.safeParse({ ...article, locale: 'fr' }).success).toBe(false);
    expect(KnowledgeArticleSchema.safeParse({ ...article, productRiskLevel: 'R9' }).success).toBe(false);
  });

  it('keeps parsing articles without example questions and synonyms, and takes them when present', () => {
    expect(KnowledgeArticleSchema.parse(article).exampleQuestions).toBeUndefined();
    const withData = { ...article, exampleQuestions: ['几点关门'], synonyms: ['下班'] };
    expect(KnowledgeArticleSchema.parse(withData)).toMatchObject(withData);
    expect(KnowledgeArticleSchema.safeParse({ ...article, exampleQuestions: [''] }).success).toBe(false);
  });
});
