/** The part of the register loaded only when a command uses it: messages, words, deadlines, commands. */
import { STATE_LABELS, STEP_WORDS, URGENCY_LABELS, VIA_LABELS } from './columns.js';

export { messages } from './messages.js';
export const words = { ...STATE_LABELS, ...STEP_WORDS, ...URGENCY_LABELS, ...VIA_LABELS };
export { outgoingDeadlines as deadlines } from './rules.js';
export { outgoingCommands as commands } from './commands.js';
