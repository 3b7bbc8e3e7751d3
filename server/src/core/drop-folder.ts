import fs from 'node:fs/promises';
import path from 'node:path';

// A drop folder lies inside the drop root, after following symbolic links: the
// scheduler (often root) moves files out of it and into subfolders of it.

export class OutsideDropRoot extends Error {
  override name = 'OutsideDropRoot';
}

/** The folder as stored: relative ones resolved against the drop root, `..` and `.` taken out. */
export function dropFolderPath(root: string, folder: string): string {
  return path.resolve(root, folder);
}

/**
 * The folder's real path (symbolic links followed, a part that does not exist yet
 * taken as written), when it lies strictly inside the real drop root; otherwise
 * OutsideDropRoot with a Dutch reason.
 */
export async function realDropFolder(root: string, folder: string): Promise<string> {
  const realRoot = await realPathSoFar(path.resolve(root));
  const real = await realPathSoFar(dropFolderPath(root, folder));
  if (!isStrictlyInside(realRoot, real)) {
    const via = real === dropFolderPath(root, folder) ? '' : ` (via een symbolische link naar ${real})`;
    throw new OutsideDropRoot(`map ${dropFolderPath(root, folder)}${via} ligt niet binnen de hoofdmap voor leveringen ${realRoot}`);
  }
  return real;
}

export function isStrictlyInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** fs.realpath of the longest existing head of the path, with the rest appended. */
export async function realPathSoFar(absolute: string): Promise<string> {
  const rest: string[] = [];
  let head = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(head), ...rest);
    } catch (e) {
      const parent = path.dirname(head);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === head)
        throw new OutsideDropRoot(`map ${absolute} is niet te openen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`);
      rest.unshift(path.basename(head));
      head = parent;
    }
  }
}
