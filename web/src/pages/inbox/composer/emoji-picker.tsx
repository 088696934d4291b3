// A small built-in emoji grid: the ones agents reach for, no library to download.
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';

const EMOJI = [
  ...('😀😃😄😁😊🙂😉😍🥰😘😅😂🤣😇🤔🤗😎🥳😢😭😮😴😬🙄🙏👍👎👌👏🙌💪👋🤝✌️🤞❤️💚💙💯✨🔥🎉🎁✅❌⚠️📦🚚📞📧📍⏰💬🛒💳🧾'.match(
    /\p{Extended_Pictographic}\uFE0F?/gu,
  ) ?? []),
];

export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <Popover label="Insert emoji" triggerClassName="icon-button" trigger={<Icon name="smile" size={17} />}>
      {(close) => (
        <div className="emoji-grid" role="group" aria-label="Emoji">
          {EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="emoji-button"
              aria-label={emoji}
              onClick={() => {
                onPick(emoji);
                close();
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </Popover>
  );
}
