// Runs the graphql-http audit suite against a GraphQL-over-HTTP endpoint.
// Usage: node audit.mjs <url>   (exit code 1 when any MUST fails, 2 on bad usage or a crash)
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}

const results = await auditServer({ url });
const levels = ['MUST', 'SHOULD', 'MAY'];
const counts = Object.fromEntries(levels.map((level) => [level, { ok: 0, total: 0 }]));

for (const result of results) {
  const level = result.name.split(' ')[0];
  counts[level].total++;
  if (result.status === 'ok') {
    counts[level].ok++;
    console.log(`ok     ${result.id} ${result.name}`);
  } else {
    const status = result.response ? ` (HTTP ${result.response.status})` : '';
    console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}: ${result.reason}${status}`);
  }
}

const summary = levels.map((level) => `${level} ${counts[level].ok}/${counts[level].total}`).join(', ');
console.log(`graphql-http audit: ${summary}`);
process.exit(counts.MUST.ok === counts.MUST.total ? 0 : 1);
