#!/usr/bin/env node
// `npx marketkit serve | prepare`: the built server of the package (src/server/cli.ts).
import { main } from '../dist/lib/server/cli.js';

process.exitCode = await main(process.argv.slice(2));
