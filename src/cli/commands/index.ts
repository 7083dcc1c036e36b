/** The commands that belong to no register: init, verify, backup, config, due. */
import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import { addBackup } from './backup.js';
import { addConfig } from './config.js';
import { addDue } from './due.js';
import { addInit } from './init.js';
import { addVerify } from './verify.js';

export function addCoreCommands(root: Command, kit: Kit): void {
  addInit(root, kit);
  addVerify(root, kit);
  addBackup(root, kit);
  addConfig(root, kit);
  addDue(root, kit);
}
