// AWS's official @aws-sdk/client-ivschat, from tests/conformance's pinned node_modules, pointed at the service
// whose settings the emulator printed (IVSCHAT_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const conformance = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/conformance/package.json');
const require = createRequire(conformance);
export const sdk = require('@aws-sdk/client-ivschat');

export function newClient() {
  const env = process.env;
  return new sdk.IvschatClient({
    endpoint: env.IVSCHAT_ENDPOINT,
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
}

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

export const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
