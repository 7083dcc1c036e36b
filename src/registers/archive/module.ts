/** The part of the register loaded only when a command uses it: messages, deadlines, commands. */
import type { Messages } from '../../core/i18n.js';
import { messages as incomingMessages } from '../incoming/messages.js';
import { messages as archiveMessages } from './messages.js';
import { WORDS } from './columns.js';
import { STATE_LABELS } from '../incoming/columns.js';

/**
 * Filing from an incoming document runs the incoming register's rules, whose refusals
 * (incoming.notFound, incoming.cannotFile, …) need their text even when only `archive` is loaded.
 */
export const messages: Messages = { zh: { ...incomingMessages.zh, ...archiveMessages.zh }, en: { ...incomingMessages.en, ...archiveMessages.en } };
export { archiveDeadlines as deadlines } from './loans.js';
export { archiveCommands as commands } from './commands.js';
export const words = { ...STATE_LABELS, ...WORDS };
