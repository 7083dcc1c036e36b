/** The part of the register loaded only when a command uses it: messages, words, deadlines, commands. */
export { messages } from './messages.js';
export { WORDS as words } from './columns.js';
export { meetingDeadlines as deadlines } from './followup.js';
export { meetingCommands as commands } from './commands.js';
