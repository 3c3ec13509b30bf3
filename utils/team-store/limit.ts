/**
 * At most `slots` pieces of work at once; the rest wait in the order they asked. The sync runner puts every
 * blob transfer of a pass through one such limit, so the blobs of all its jobs share a fixed number of
 * connections (rclone's default of four) and a browser's six per host leave room for the small objects.
 */
export type Limit = <T>(work: () => Promise<T>) => Promise<T>;

export function limit(slots: number): Limit {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (work) => {
    if (running >= slots) await new Promise<void>((resolve) => queue.push(resolve));
    else running += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, or is given back.
      const next = queue.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
