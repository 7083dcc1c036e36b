#!/usr/bin/env node
// Thin launcher: loads the built CLI (npm run build), nothing else.
import { run } from '../dist/cli.js';

await run();
