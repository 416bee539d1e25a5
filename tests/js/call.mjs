// Calls one export of an ES module once per argument list and prints the results, for the Python tests.
// Reads {"module": "<path>", "name": "<export>", "calls": [[arg, ...], ...]} as JSON on stdin and writes
// the list of results as JSON on stdout (see tests/js/node.py).

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const { module, name, calls } = JSON.parse(readFileSync(0, "utf8"));
const loaded = await import(pathToFileURL(module).href);
if (typeof loaded[name] !== "function") throw new Error(`${module} exports no function ${name}`);
process.stdout.write(JSON.stringify(calls.map((args) => loaded[name](...args))));
