/** The part of the register loaded only when a command uses it: messages, deadlines, commands. */
export { messages } from './messages.js';
export { incomingDeadlines as deadlines } from './workflow.js';
export { incomingCommands as commands } from './commands.js';
