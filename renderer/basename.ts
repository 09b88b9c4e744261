/** The last segment of a Windows or POSIX path. */
export function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
