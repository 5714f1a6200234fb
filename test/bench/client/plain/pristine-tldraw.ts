/**
 * tldraw as published, for the plain page: the product runs tldraw and @tldraw/editor with our
 * patches (patches/, pnpm's patchedDependencies), and a comparison with "plain tldraw" must not
 * give the reference our fixes. pnpm extracts the unpatched package from its store
 * (`pnpm patch --ignore-existing`, which changes nothing in the installation); the copy is put
 * beside the patched package inside pnpm's virtual store, so that its own imports (@tldraw/state,
 * react…) resolve to the very same dependencies. The plain page's vite config then points
 * `tldraw` and `@tldraw/editor` at the copies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface PristinePackage {
  /** The unpatched package's folder. */
  dir: string;
  version: string;
}

const WORKSPACE_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');

/** Where pnpm installed the (patched) package found as `name` in the `nodeModules` folder. */
function installedDir(name: string, nodeModules: string): string {
  return realpathSync(path.join(nodeModules, name));
}

function pristineBeside(name: string, installed: string): PristinePackage {
  const { version } = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
    version: string;
  };
  // The virtual store's node_modules that holds the package and its dependencies.
  const storeModules = name.includes('/') ? path.dirname(path.dirname(installed)) : path.dirname(installed);
  const dir = path.join(storeModules, `.pristine-${name.replace('/', '+')}`);
  if (!existsSync(path.join(dir, 'package.json'))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('pnpm', ['patch', `${name}@${version}`, '--ignore-existing', '--edit-dir', dir], {
      cwd: WORKSPACE_ROOT,
      stdio: 'ignore',
    });
  }
  return { dir, version };
}

/** Unpatched copies of tldraw and of the @tldraw/editor it uses, extracted once and kept. */
export function pristineTldraw(): { tldraw: PristinePackage; editor: PristinePackage } {
  const tldrawDir = installedDir('tldraw', path.join(WORKSPACE_ROOT, 'client/node_modules'));
  const editorDir = installedDir('@tldraw/editor', path.dirname(tldrawDir));
  return { tldraw: pristineBeside('tldraw', tldrawDir), editor: pristineBeside('@tldraw/editor', editorDir) };
}
