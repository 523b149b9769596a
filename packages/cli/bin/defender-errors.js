#!/usr/bin/env node
// The `defender-errors` executable. A committed file, not dist/cli.js itself, so that installing the
// workspace can link the bin before anything is built (pnpm warns for a bin file that is missing).
import '../dist/cli.js';
