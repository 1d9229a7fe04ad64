// Drives the reference graphql-transport-ws client (graphql-ws) against a running endpoint serving the
// WebSocket test schema of tests/DualRandomGraph.GraphQL.Tests (WebSockets/WebSocketTestSchema.cs).
// Usage: node client.mjs <ws-url> <bearer-token> <expected-subject>
// Prints one line per check and a summary; exits with 1 when a check fails, 2 on bad usage or a crash.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, subject] = process.argv.slice(2);
if (!url || !token || !subject) {
  console.error('usage: node client.mjs <ws-url> <bearer-token> <expected-subject>');
  process.exit(2);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { authToken: token },
  retryAttempts: 0,
});

const results = [];

async function check(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`ok     ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL   ${name}: ${error?.message ?? JSON.stringify(error)}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function all(query, variables) {
  const results = [];
  for await (const result of client.iterate({ query, variables })) results.push(result);
  return results;
}

async function until(predicate, what) {
  const deadline = Date.now() + 5000;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const subscribers = async () => (await all('{ eventSubscribers }'))[0].data.eventSubscribers;

await check('query over the socket, as the user of the token in connectionParams', async () => {
  const [result] = await all('{ whoami }');
  assert(result.data.whoami === subject, `whoami was ${JSON.stringify(result)}`);
});

await check('mutation over the socket', async () => {
  const [first] = await all('mutation { increment }');
  const [second] = await all('mutation { increment }');
  assert(second.data.increment === first.data.increment + 1, `increments were ${JSON.stringify([first, second])}`);
});

await check('subscription completed by the server', async () => {
  const results = await all('subscription ($from: Int!) { countdown(from: $from) }', { from: 3 });
  const values = results.map((r) => r.data.countdown);
  assert(JSON.stringify(values) === '[3,2,1]', `countdown gave ${JSON.stringify(results)}`);
});

await check('subscription to published events, completed by the client', async () => {
  const events = client.iterate({ query: 'subscription { events { number text } }' });
  const first = events.next();
  await until(async () => (await subscribers()) === 1, 'the subscription to be set up');
  await all('mutation { publish(number: 7, text: "seven") }');
  const { value } = await first;
  assert(value.data.events.number === 7 && value.data.events.text === 'seven', `event was ${JSON.stringify(value)}`);
  await events.return();
  await until(async () => (await subscribers()) === 0, 'the subscriber to be released');
});

await check('validation errors arrive as an error message', async () => {
  let errors;
  try {
    await all('{ noSuchField }');
  } catch (error) {
    errors = error;
  }
  assert(Array.isArray(errors) && errors.length === 1, `errors were ${JSON.stringify(errors)}`);
  assert(errors[0].message.includes('noSuchField'), `message was ${errors[0].message}`);
});

await client.dispose();

const passed = results.filter(Boolean).length;
console.log(`graphql-ws client: ${passed}/${results.length} passed`);
process.exit(passed === results.length ? 0 : 1);
