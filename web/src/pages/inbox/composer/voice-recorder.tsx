// A voice note recorded in the browser. WhatsApp plays Ogg/Opus voice notes: Firefox records that
// directly; Chromium records Opus only inside WebM, which the upload moves into Ogg on the server
// (api/media/webm-to-ogg.ts, no re-encoding). Safari's MP4 goes out as an audio file. Stops by
// itself after 3 minutes.
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { formatDuration } from '../time-text.ts';

export const MAX_VOICE_MS = 3 * 60_000;
const PREFERRED_TYPES = ['audio/ogg;codecs=opus', 'audio/ogg', 'audio/webm;codecs=opus', 'audio/mp4'];

export function VoiceRecorder({ onRecorded }: { onRecorded: (blob: Blob, name: string) => void }) {
  const toast = useToast();
  const recorder = useRef<MediaRecorder | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  /** Discard stops the recorder too; its stop handler must then drop the audio. */
  const cancelled = useRef(false);

  useEffect(() => {
    if (startedAt === null) {
      return;
    }
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() - startedAt >= MAX_VOICE_MS) {
        recorder.current?.stop();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [startedAt]);
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((t) => t.stop()), []);

  const start = async () => {
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices) {
      toast.show('This browser cannot record audio', 'error');
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const mimeType = PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
      const media = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
      const chunks: Blob[] = [];
      media.ondataavailable = (event) => chunks.push(event.data);
      media.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        setStartedAt(null);
        const type = (media.mimeType || 'audio/ogg').split(';')[0]!;
        const blob = new Blob(chunks, { type });
        if (blob.size > 0 && !cancelled.current) {
          onRecorded(blob, `voice-note.${type.split('/')[1] ?? 'ogg'}`);
        }
        cancelled.current = false;
      };
      recorder.current = media;
      media.start();
      setStartedAt(Date.now());
      setNow(Date.now());
    } catch {
      toast.show('The microphone is blocked: allow it in the browser to record', 'error');
    }
  };
  if (startedAt === null) {
    return (
      <button type="button" className="icon-button" aria-label="Record a voice note" onClick={() => void start()}>
        <Icon name="mic" size={17} />
      </button>
    );
  }
  return (
    <span className="voice-recording" role="status">
      <span className="voice-dot" aria-hidden="true" />
      Recording {formatDuration(now - startedAt)} / 3m
      <button type="button" className="btn btn-sm btn-primary" onClick={() => recorder.current?.stop()}>
        Send voice note
      </button>
      <button
        type="button"
        className="btn btn-sm btn-ghost"
        onClick={() => {
          cancelled.current = true;
          recorder.current?.stop();
        }}
      >
        Discard
      </button>
    </span>
  );
}
