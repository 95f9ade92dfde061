/**
 * Reads until `check` holds or about 10 s have passed, and answers the last value read: tests wait
 * for states, never for durations, and a state that never comes fails on the test's own assertion.
 */
export async function eventually<T>(
  read: () => Promise<T> | T,
  check: (value: T) => boolean,
  { attempts = 200, intervalMs = 50 }: { attempts?: number; intervalMs?: number } = {},
): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !check(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
