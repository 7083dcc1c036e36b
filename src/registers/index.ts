/** The registers of wenmi. A register is one folder and one line here. */
import type { Register } from '../core/register.js';
import { archive } from './archive/index.js';
import { incoming } from './incoming/index.js';
import { seal } from './seal/index.js';
import { supplies } from './supplies/index.js';

export const registers: Register[] = [incoming, seal, supplies, archive];
