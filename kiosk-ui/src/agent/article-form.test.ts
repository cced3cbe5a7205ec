import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle } from '@branch/cloud-sync';
import { draftFromForm, formValues, fromLocalInput, parseTags, toLocalInput } from './article-form.ts';

const BASE: KnowledgeArticle = {
  id: 'branch-opening-hours',
  version: 3,
  locale: 'en',
  title: 'Branch opening hours',
  body: 'Open 9 to 5.',
  tags: ['hours', 'branch'],
  effectiveFrom: '2026-01-01T00:00:00.250Z',
  exampleQuestions: ['When do you open?', 'Are you open on Saturday?'],
  synonyms: ['hours', 'closing time'],
};

describe('article form', () => {
  it('round-trips local date inputs to the same instant', () => {
    const local = toLocalInput('2026-03-04T05:06:07.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2026-03-04T05:06:07.000Z');
    expect(fromLocalInput('2026-03-04T05:06')).toBe(new Date(2026, 2, 4, 5, 6).toISOString());
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(fromLocalInput('2026-13-45T99:00')).toBeNull();
    expect(toLocalInput(undefined)).toBe('');
  });

  it('splits tags on ASCII and Chinese commas, without empties or repeats', () => {
    expect(parseTags(' hours, branch,,hours，营业时间、 ')).toEqual(['hours', 'branch', '营业时间']);
    expect(parseTags('')).toEqual([]);
  });

  it('turns the unchanged form back into the same draft, without the version', () => {
    const result = draftFromForm(BASE, formValues(BASE));
    const { version: _v, ...expected } = BASE;
    expect(result).toEqual({ ok: true, draft: expected });
  });

  it('carries edits, an end date and a risk level', () => {
    const v = { ...formValues(BASE), body: ' New text. ', tags: 'a, b', risk: 'R3' };
    v.effectiveTo = toLocalInput('2027-01-01T00:00:00.000Z');
    const result = draftFromForm(BASE, v);
    expect(result).toMatchObject({
      ok: true,
      draft: {
        body: 'New text.',
        tags: ['a', 'b'],
        productRiskLevel: 'R3',
        effectiveTo: '2027-01-01T00:00:00.000Z',
      },
    });
    const cleared = draftFromForm({ ...BASE, productRiskLevel: 'R2' }, { ...formValues(BASE), risk: '' });
    expect(cleared.ok && 'productRiskLevel' in cleared.draft).toBe(false);
  });

  it('names the field a person got wrong', () => {
    const v = formValues(BASE);
    expect(draftFromForm(BASE, { ...v, title: '  ' })).toMatchObject({ ok: false, field: 'title' });
    expect(draftFromForm(BASE, { ...v, body: '' })).toMatchObject({ ok: false, field: 'body' });
    expect(draftFromForm(BASE, { ...v, effectiveFrom: '' })).toMatchObject({
      ok: false,
      field: 'effectiveFrom',
      message: 'kb.badDate',
    });
    expect(draftFromForm(BASE, { ...v, effectiveTo: toLocalInput('2025-01-01T00:00:00Z') })).toMatchObject({
      ok: false,
      field: 'effectiveTo',
      message: 'kb.dateOrder',
    });
  });

  it('keeps the example questions and synonyms, one question per line and synonyms by comma', () => {
    const v = formValues(BASE);
    expect(v.examples).toBe('When do you open?\nAre you open on Saturday?');
    expect(v.synonyms).toBe('hours, closing time');
    const edited = draftFromForm(BASE, {
      ...v,
      examples: `${v.examples}\r\n\n  What time do you close?  \nWhen do you open?`,
      synonyms: `${v.synonyms}，下班时间`,
    });
    expect(edited).toMatchObject({
      ok: true,
      draft: {
        exampleQuestions: ['When do you open?', 'Are you open on Saturday?', 'What time do you close?'],
        synonyms: ['hours', 'closing time', '下班时间'],
      },
    });
    const cleared = draftFromForm(BASE, { ...v, examples: ' \n', synonyms: '' });
    expect(cleared.ok && ('exampleQuestions' in cleared.draft || 'synonyms' in cleared.draft)).toBe(false);
  });

  it('refuses more example questions or longer synonyms than an article may carry', () => {
    const v = formValues(BASE);
    const many = Array.from({ length: 61 }, (_, i) => `Question ${i}?`).join('\n');
    expect(draftFromForm(BASE, { ...v, examples: many })).toMatchObject({
      ok: false,
      field: 'examples',
      message: 'kb.tooMany',
      values: { max: 60 },
    });
    expect(draftFromForm(BASE, { ...v, synonyms: `ok, ${'x'.repeat(61)}` })).toMatchObject({
      ok: false,
      field: 'synonyms',
      message: 'kb.tooLong',
      values: { max: 60 },
    });
  });
});
