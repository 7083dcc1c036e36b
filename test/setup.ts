/** Every test sees every register's messages, as a command of that register would. */
import { buildRegistry, loadRegister } from '../src/cli/registry.js';

await Promise.all(buildRegistry().registers.map(loadRegister));
