// Supervisors' recordings (shown in the Audit tab): the hub's call recordings, newest first, each played
// in a <video> here. The bytes are fetched with the session's bearer token (a <video src> could not send
// it) and the hub writes the play to the audit log before it answers.
import { el } from '../dom.ts';
import { t, type Locale } from '../i18n/index.ts';
import { HubError, type HubApi, type RecordingInfo } from './hub-api.ts';

export function createRecordingsView(
  api: HubApi,
  locale: Locale,
  onExpired: () => void,
  /** After a play: the audit log now holds it. */
  onPlayed: () => void = () => {},
) {
  const status = el('p', { className: 'empty', testid: 'recordings-status' });
  const list = el('ul', { className: 'rows', testid: 'recording-rows' });
  const video = el('video', { className: 'recording-video', testid: 'recording-video' });
  video.controls = true;
  video.playsInline = true;
  video.hidden = true;
  const root = el(
    'section',
    { className: 'box', testid: 'recordings' },
    el('h2', { text: t(locale, 'recordings.heading') }),
    status,
    list,
    video,
  );
  let objectUrl: string | null = null;

  const failed = (err: unknown): void => {
    if (err instanceof HubError && err.status === 401) return onExpired();
    status.textContent = t(locale, 'recordings.loadError', { error: (err as Error).message });
  };

  const play = async (r: RecordingInfo): Promise<void> => {
    try {
      const blob = await api.recordingBlob(r.id);
      onPlayed();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = URL.createObjectURL(blob);
      video.dataset.recordingId = r.id;
      // A MediaRecorder file names no duration: seeking far once makes the browser work it out.
      video.addEventListener(
        'loadedmetadata',
        () => {
          if (video.duration !== Infinity) return;
          video.addEventListener('durationchange', () => (video.currentTime = 0), { once: true });
          video.currentTime = Number.MAX_SAFE_INTEGER;
        },
        { once: true },
      );
      video.src = objectUrl;
      video.hidden = false;
      await video.play().catch(() => undefined);
    } catch (err) {
      failed(err);
    }
  };

  const row = (r: RecordingInfo): HTMLElement => {
    const button = el('button', {
      className: 'secondary',
      testid: 'recording-play',
      text: t(locale, 'recordings.play'),
    });
    button.type = 'button';
    button.addEventListener('click', () => void play(r));
    const when = new Date(r.startedAt);
    const li = el(
      'li',
      { className: 'row', testid: 'recording-row' },
      el('span', {
        text: t(locale, 'recordings.row', {
          when: Number.isNaN(when.getTime()) ? r.startedAt : when.toLocaleString(locale),
          kiosk: r.kioskId,
          agent: r.agent,
          kb: Math.ceil(r.bytes / 1024),
        }),
      }),
      button,
    );
    li.dataset.handoffId = r.handoffId;
    if (r.legalHold) li.dataset.legalHold = 'true';
    return li;
  };

  return {
    root,
    async show(): Promise<void> {
      try {
        const recordings = await api.recordings();
        list.replaceChildren(...recordings.map(row));
        status.textContent = recordings.length === 0 ? t(locale, 'recordings.empty') : '';
      } catch (err) {
        // A hub that records no calls has no recordings API: nothing to show.
        if (err instanceof HubError && err.status === 404) {
          root.hidden = true;
          return;
        }
        failed(err);
      }
    },
    reset(): void {
      list.replaceChildren();
      status.textContent = '';
      video.removeAttribute('src');
      video.hidden = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      objectUrl = null;
    },
  };
}
