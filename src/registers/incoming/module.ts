/** The part of the register loaded only when a command uses it: messages, deadlines, commands. */
import { COPY_STATUS_LABELS, MEDIUM_LABELS, PROBLEM_LABELS, RETIRE_LABELS, STATE_LABELS, URGENCY_LABELS } from './columns.js';

export { messages } from './messages.js';
export const words = { ...COPY_STATUS_LABELS, ...MEDIUM_LABELS, ...PROBLEM_LABELS, ...RETIRE_LABELS, ...STATE_LABELS, ...URGENCY_LABELS };
export { incomingDeadlines as deadlines } from './workflow.js';
export { incomingCommands as commands } from './commands.js';
