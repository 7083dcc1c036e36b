/** The part of the register loaded only when a command uses it: messages, deadlines, commands. */
export { messages } from './messages.js';
export { sealDeadlines as deadlines } from './rules.js';
export { sealCommands as commands } from './commands.js';
export { WORDS as words } from './columns.js';
