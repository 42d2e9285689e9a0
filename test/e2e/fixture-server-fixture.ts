/** The fixture server (fake PingOne and consoles) as a Playwright worker fixture, shared by both browsers' harnesses. */
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

// Playwright reads the first parameter's destructuring pattern to find what a fixture depends on: here, nothing.
// eslint-disable-next-line no-empty-pattern
export async function serveFixtures({}: object, use: (server: FixtureServer) => Promise<void>): Promise<void> {
  const server = await startFixtureServer();
  await use(server);
  await server.close();
}
