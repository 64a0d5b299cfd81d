#!/usr/bin/env node
// Runs a command of src/node/commands as plain JavaScript: `node bin/run.mjs export-pdf --slides`
// does what `tsx src/node/commands/export-pdf.ts --slides` does, without loading a TypeScript
// loader at every start (half a second of the PDF export's three). The command and what it imports
// from src/ are bundled by esbuild into node_modules/.cache/deck-commands/ whenever a source is
// newer than the bundle; packages stay in node_modules and are imported from there as usual.
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMMANDS = join(ROOT, 'src', 'node', 'commands');
const CACHE = join(ROOT, 'node_modules', '.cache', 'deck-commands');
/** Bundled files, named by their content: a file once written never changes, so a running command never sees it change. */
const FILES = join(CACHE, 'files');
/** What a bundle is made of: the Node code and what it shares with the browser, this launcher, the installed packages. */
const SOURCES = [
  join(ROOT, 'src', 'node'),
  join(ROOT, 'src', 'shared'),
  fileURLToPath(import.meta.url),
  join(ROOT, 'package-lock.json'),
];
/** A bundled file no command names is deleted after this long (a command still running may load it). */
const UNUSED_FILE_MS = 60 * 60 * 1000;

/**
 * The newest modification time (ms) under `paths`, folders included: adding, renaming or deleting
 * a file changes its folder's time, editing it changes its own. A missing path counts as now.
 */
export function newestChange(paths) {
  let newest = 0;
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return Date.now();
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory())
      newest = Math.max(newest, newestChange(readdirSync(path).map((name) => join(path, name))));
  }
  return newest;
}

/** `CACHE/<command>.json`: the bundle's entry file and every file it may load, dated when its build began. */
function manifestPath(command) {
  return join(CACHE, `${command}.json`);
}

/** The modification time of `path`, or -1 when there is none. */
function modifiedAt(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * Writes `path` whole or not at all: two commands started together never read half a file.
 * `modified`, when given, is its modification time.
 */
function writeAtomically(path, contents, modified) {
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  if (modified) utimesSync(partial, modified, modified);
  renameSync(partial, path);
}

/**
 * esbuild plugin: each source file keeps its own `import.meta.url`, so the paths it derives (the
 * project root, files beside it, packages resolved from it) are the same as when run from src/.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(
        /\bimport\.meta\.url\b/g,
        JSON.stringify(pathToFileURL(path).href),
      ),
      loader: 'ts',
    }));
  },
};

/** Bundles `entry` and writes the manifest of `command`, dated from before the build, so an edit made during it still counts. */
async function bundleCommand(command, entry) {
  const started = new Date();
  // Imported only here: loading esbuild takes longer than the whole up-to-date check.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { [command]: entry },
    outdir: FILES,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Code imported on demand (Vite and the Markdown pipeline, to build the deck) stays in chunks
    // of its own, loaded with its packages only when imported: one bundle would import them all at start.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Beside each file, not inside it: Node reads maps only with --enable-source-maps (a
    // developer's choice when a stack should name src/ lines); always on, they cost 25 ms a start.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [ownImportMetaUrl],
  });
  mkdirSync(FILES, { recursive: true });
  for (const file of result.outputFiles)
    if (!existsSync(file.path)) writeAtomically(file.path, file.contents);
  const outputs = Object.entries(result.metafile.outputs);
  const manifest = {
    entry: basename(outputs.find(([, output]) => output.entryPoint)[0]),
    files: outputs.map(([path]) => basename(path)),
  };
  writeAtomically(manifestPath(command), JSON.stringify(manifest), started);
  removeUnusedFiles();
  return manifest;
}

/** Deletes bundled files that no command's manifest names any more, once old enough that nothing still runs them. */
function removeUnusedFiles() {
  const used = new Set();
  for (const name of readdirSync(CACHE).filter((name) => name.endsWith('.json'))) {
    try {
      for (const file of JSON.parse(readFileSync(join(CACHE, name), 'utf8')).files) used.add(file);
    } catch {
      // being replaced by another command's build: its files are recent, so they stay anyway
    }
  }
  for (const name of readdirSync(FILES)) {
    const path = join(FILES, name);
    if (!used.has(name) && Date.now() - modifiedAt(path) > UNUSED_FILE_MS) rmSync(path, { force: true });
  }
}

/** The bundle of `command`, made again first when a source changed since it was made. */
async function upToDateBundle(command, entry) {
  const manifest = manifestPath(command);
  if (newestChange(SOURCES) < modifiedAt(manifest)) {
    try {
      return JSON.parse(readFileSync(manifest, 'utf8'));
    } catch {
      // unreadable: make it again
    }
  }
  return bundleCommand(command, entry);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const entry = command && join(COMMANDS, `${command}.ts`);
  if (!entry || !existsSync(entry)) {
    const known = readdirSync(COMMANDS)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.slice(0, -3));
    console.error(`usage: node ${relative(process.cwd(), fileURLToPath(import.meta.url))} <command> [options]
where <command> is one of: ${known.join(', ')}`);
    process.exit(2);
  }
  const { entry: file } = await upToDateBundle(command, entry);
  // The command sees itself as the script Node runs, as under tsx (its isMainModule check).
  process.argv = [process.argv[0], entry, ...args];
  await import(pathToFileURL(join(FILES, file)).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
