/** Closes the test server once no request is in flight (at most 20 s), so a replication's last request is not cut. */
export async function closeWhenIdle(couch: { inFlight(): number; close(): Promise<unknown> } | undefined): Promise<void> {
  for (let i = 0; couch && couch.inFlight() > 0 && i < 400; i++) await new Promise((r) => setTimeout(r, 50));
  await couch?.close();
}
