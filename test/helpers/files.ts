// What a command left on disk, as the tests look at it.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Every file under dir (hidden ones too), by its `/`-separated path under it, sorted. Read from the
 * directory entries alone, no stat: a temp renamed meanwhile by an export still running (a test
 * watching its folder) cannot make it throw.
 */
export function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}
