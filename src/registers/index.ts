/** The registers of wenmi. A register is one folder and one line here. */
import type { CliRegister } from '../cli/kit.js';
import { archive } from './archive/index.js';
import { incoming } from './incoming/index.js';
import { meeting } from './meeting/index.js';
import { outgoing } from './outgoing/index.js';
import { relay } from './relay/index.js';
import { seal } from './seal/index.js';
import { supplies } from './supplies/index.js';

export const registers: CliRegister[] = [incoming, outgoing, seal, supplies, archive, meeting, relay];
