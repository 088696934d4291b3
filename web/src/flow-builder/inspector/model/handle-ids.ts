// Ids of buttons, list rows, A/B variants and intents name the node's outputs (`button:<id>`), so
// they are made once, when the option is added, and never follow its title: renaming an option
// keeps its edge. Random rather than counted, so a removed option's id is not handed to a new one
// (an edge left on the old handle would silently reconnect).

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newHandleId(prefix: string, taken: readonly string[], random: () => number = Math.random): string {
  for (;;) {
    let suffix = '';
    for (let i = 0; i < 6; i += 1) {
      suffix += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
    }
    const id = `${prefix}_${suffix}`;
    if (!taken.includes(id)) {
      return id;
    }
  }
}
