#!/usr/bin/env node
// The composition root: the CLI shell gets the API shell's server here, as shells never import each other.
import { startServer } from "../dist/api/index.js";
import { runCli } from "../dist/cli/index.js";
import { processIo } from "../dist/cli/output.js";

process.exitCode = await runCli(process.argv, { io: processIo, env: process.env, serve: startServer });
