// A progress bar on stderr for runs that take longer than a second; silent when stderr is not a terminal.

/**
 * @example
 * const progress = progressBar(100_000, "agreed");
 * progress(50_000); // [██████████          ] 50% agreed
 * progress.done();
 */
export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  const start = Date.now();
  let shown = false;
  const update = (done: number) => {
    if (!stream.isTTY || Date.now() - start < 1000) return;
    shown = true;
    const width = 30;
    const filled = Math.round((width * done) / total);
    stream.write(`\r[${"█".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor((100 * done) / total)}% ${label}`);
  };
  update.done = () => {
    if (shown) stream.write("\n");
  };
  return update;
}
