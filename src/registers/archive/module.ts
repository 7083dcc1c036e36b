/** The part of the register loaded only when a command uses it: messages, deadlines, commands. */
export { messages } from './messages.js';
export { WORDS as words } from './columns.js';
export { archiveDeadlines as deadlines } from './loans.js';
export { archiveCommands as commands } from './commands.js';
