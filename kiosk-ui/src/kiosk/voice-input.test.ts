import { describe, expect, it } from 'vitest';
import { VoiceInput } from './voice-input.ts';

// A stand-in for the browser's SpeechRecognition that records what the page asked of it.
function fakeRecognition(answer: 'available' | 'downloadable' | 'unavailable' | undefined) {
  const made: { processLocally?: boolean; lang: string; started: boolean }[] = [];
  class Fake {
    lang = '';
    processLocally?: boolean;
    interimResults = false;
    maxAlternatives = 1;
    onresult = null;
    onerror = null;
    onend = null;
    start(): void {
      made.push({ processLocally: this.processLocally, lang: this.lang, started: true });
    }
    abort(): void {}
    static available = answer === undefined ? undefined : async () => answer;
  }
  return { Ctor: Fake, made };
}

const handlers = { onText: () => {}, onListening: () => {}, onFailed: () => {} };

describe('VoiceInput', () => {
  it('is offered only when the browser recognises the locale on the device', async () => {
    const { Ctor, made } = fakeRecognition('available');
    const voice = new VoiceInput(Ctor);
    expect(await voice.availableFor('zh-CN')).toBe(true);
    voice.listen('zh-CN', handlers);
    expect(made).toEqual([{ processLocally: true, lang: 'zh-CN', started: true }]);
  });

  it('is not offered when recognition would go to a cloud service', async () => {
    for (const answer of ['downloadable', 'unavailable', undefined] as const) {
      const { Ctor, made } = fakeRecognition(answer);
      const voice = new VoiceInput(Ctor);
      expect(await voice.availableFor('en')).toBe(false);
      voice.listen('en', handlers);
      expect(made).toEqual([]);
      expect(voice.available).toBe(false);
    }
  });

  it('is not offered without any recognition at all', async () => {
    expect(await new VoiceInput(null).availableFor('en')).toBe(false);
  });
});
