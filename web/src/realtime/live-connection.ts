// Binds one Socket.IO connection to the tab's live sequence: live events are applied once each;
// on every (re)connection the client asks `resume` for what it missed, and gets it replayed or,
// when that is no longer kept, refetches everything live. A hole in the numbers that does not
// fill itself shortly (events from another API process arrive late) is asked for the same way.
import type { Socket } from 'socket.io-client';
import { toLiveEvent, toLiveMeta, type LiveEvent } from './live-events.ts';
import type { LiveSequence } from './live-sequence.ts';
import { resumeLive } from './resume-live.ts';

const GAP_WAIT_MS = 1500;

type LiveConnection = {
  socket: Socket;
  sequence: LiveSequence;
  apply: (events: LiveEvent[]) => void;
  refetchAll: () => void;
};

export function bindLiveConnection({ socket, sequence, apply, refetchAll }: LiveConnection): () => void {
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const catchUp = async () => {
    const hadPosition = sequence.position().epoch !== null;
    const answer = await resumeLive(socket, sequence.position());
    if (answer.status === 'replay') {
      const fresh = sequence.replay(answer.epoch, answer.seq, answer.events);
      apply(fresh.flatMap((event) => toLiveEvent(event.event, event.payload) ?? []));
    } else if (answer.status === 'reset') {
      // A first connection has just loaded its pages; anyone else may have missed something.
      if (hadPosition || answer.reason !== 'first-connection') {
        refetchAll();
      }
      sequence.reset(answer.epoch, answer.seq);
    } else {
      refetchAll();
      sequence.forget();
    }
  };
  const requestCatchUp = () => {
    if (running) {
      again = true;
      return;
    }
    running = catchUp().finally(() => {
      running = null;
      if (again && socket.connected) {
        again = false;
        requestCatchUp();
      }
    });
  };
  const onEvent = (name: string, payload: unknown, meta: unknown) => {
    if (!sequence.accept(toLiveMeta(meta))) {
      return;
    }
    const event = toLiveEvent(name, payload);
    if (event) {
      apply([event]);
    }
    if (sequence.hasGap() && !gapTimer) {
      gapTimer = setTimeout(() => {
        gapTimer = undefined;
        if (sequence.hasGap() && socket.connected) {
          requestCatchUp();
        }
      }, GAP_WAIT_MS);
    }
  };

  socket.on('connect', requestCatchUp);
  socket.onAny(onEvent);
  return () => {
    clearTimeout(gapTimer);
    socket.off('connect', requestCatchUp);
    socket.offAny(onEvent);
  };
}
