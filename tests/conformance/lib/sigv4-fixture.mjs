// Writes requests signed by AWS's @smithy/signature-v4 (the JS SDK's signer) as a fixture for the emulator's
// SigV4 verifier tests. Regenerate (after `npm ci` here):  node tests/conformance/lib/sigv4-fixture.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../IvsChat.Emulator.Tests/Fixtures/js-sdk-signed-requests.json');
const credentials = { accessKeyId: 'AKIAIVSCHATEMULATOR0', secretAccessKey: 'ivschat-emulator-local-test-secret-key00' };
const signingDate = new Date('2026-03-04T05:06:07Z');
const host = '127.0.0.1:4566';
const roomArn = 'arn:aws:ivschat:us-east-1:123456789012:room/g1H2I3j4k5L6';

const cases = [
  { name: 'CreateRoom', method: 'POST', path: '/CreateRoom', query: {}, body: '{"name":"room-1","tags":{"k":"v ü"}}' },
  { name: 'TagResource', method: 'POST', path: `/tags/${encodeURIComponent(roomArn)}`, query: {}, body: '{"tags":{"team":"chat"}}' },
  { name: 'UntagResource', method: 'DELETE', path: `/tags/${encodeURIComponent(roomArn)}`,
    query: { tagKeys: ['b key', 'a/b&c', 'ü'] }, body: '' },
  { name: 'ListTagsForResource (session token)', method: 'GET', path: `/tags/${encodeURIComponent(roomArn)}`, query: {}, body: '',
    sessionToken: 'FQoGZXIvYXdzEXAMPLETOKEN' },
];

const requests = [];
for (const c of cases) {
  const signer = new SignatureV4({
    credentials: { ...credentials, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) },
    region: 'us-east-1', service: 'ivschat', sha256: Sha256, uriEscapePath: true, applyChecksum: false,
  });
  const headers = { host };
  if (c.body) headers['content-type'] = 'application/json';
  const req = new HttpRequest({ method: c.method, protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: c.path,
    query: c.query, headers, body: c.body || undefined });
  const signed = await signer.sign(req, { signingDate });
  const rawQuery = Object.entries(c.query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');
  requests.push({
    name: c.name, method: c.method, rawTarget: rawQuery ? `${c.path}?${rawQuery}` : c.path,
    headers: signed.headers, body: c.body,
  });
}
writeFileSync(out, JSON.stringify({
  generatedBy: 'tests/conformance/lib/sigv4-fixture.mjs', signer: '@smithy/signature-v4',
  region: 'us-east-1', ...credentials, signingDate: signingDate.toISOString(), requests,
}, null, 2) + '\n');
console.log(`wrote ${requests.length} signed requests to ${out}`);
