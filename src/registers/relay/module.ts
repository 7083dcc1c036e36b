/** The part of the register loaded only when a command uses it: messages, words, deadlines, commands. */
import { CHANNEL_LABELS, DIRECTION_LABELS, STATE_LABELS } from './columns.js';

export { messages } from './messages.js';
export const words = { ...STATE_LABELS, ...DIRECTION_LABELS, ...CHANNEL_LABELS };
export { relayDeadlines as deadlines } from './rules.js';
export { relayCommands as commands } from './commands.js';
