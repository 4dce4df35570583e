#!/usr/bin/env node
// `--version` alone is answered before the command-line parser and its modules load, so that it
// starts about as fast as bare node.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('../dist/cli.js');
  await main(process.argv);
}
