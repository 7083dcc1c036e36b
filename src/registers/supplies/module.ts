/** The part of the register loaded only when a command uses it: messages, deadlines, commands. */
export { messages } from './messages.js';
export { planDeadlines as deadlines } from './plans.js';
export { suppliesCommands as commands } from './commands.js';
export { WORDS as words } from './columns.js';
