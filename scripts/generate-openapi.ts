import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateOpenApiDocument, serializeOpenApiDocument } from '@saeil/app/openapi/document-app';

/** `npm run docs:openapi`: regenerates docs/openapi.json from the controllers (no database needed). */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../docs/openapi.json');
  writeFileSync(target, serializeOpenApiDocument(await generateOpenApiDocument()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
