// Captures the requests AWS's official JS SDK (@aws-sdk/client-ivschat) sends for each of the 17 operations,
// and a SigV4 signature computed by @smithy/signature-v4, as reference data for tests/IvsChat.Client.Tests.
// Regenerate (after `npm ci` in tests/conformance):  node tests/conformance/capture/capture-requests.mjs
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as ivschat from '@aws-sdk/client-ivschat';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../IvsChat.Client.Tests/Fixtures');

const roomArn = 'arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6';
const logArn = 'arn:aws:ivschat:us-west-2:123456789012:logging-configuration/ABcdef123456';
const lambdaArn = 'arn:aws:lambda:us-west-2:123456789012:function:review-handler';

// [operation, command input, minimal valid response body (null = empty 204/200)]
const cases = [
  ['CreateChatToken', { roomIdentifier: roomArn, userId: 'user-1', capabilities: ['SEND_MESSAGE', 'DELETE_MESSAGE'],
    sessionDurationInMinutes: 30, attributes: { displayName: 'Ann', 'emoji/ü': 'ok & yes' } }, 200,
    { token: 'tok', tokenExpirationTime: '2026-01-01T00:00:00.000Z', sessionExpirationTime: '2026-01-01T01:00:00Z' }],
  ['CreateLoggingConfiguration', { name: 'logs-1', destinationConfiguration: { s3: { bucketName: 'my-bucket' } },
    tags: { team: 'chat', env: 'dev' } }, 200, { arn: logArn, id: 'ABcdef123456', state: 'ACTIVE' }],
  ['CreateRoom', { name: 'room-1', maximumMessageRatePerSecond: 5, maximumMessageLength: 200,
    messageReviewHandler: { uri: lambdaArn, fallbackResult: 'DENY' }, tags: { a: '1' },
    loggingConfigurationIdentifiers: [logArn] }, 200, { arn: roomArn, id: 'g1H2I3j4k5L6' }],
  ['CreateRoom', {}, 200, { arn: roomArn, id: 'g1H2I3j4k5L6' }],
  ['DeleteLoggingConfiguration', { identifier: logArn }, 204, null],
  ['DeleteMessage', { roomIdentifier: roomArn, id: 'MSGid1234567', reason: 'spam' }, 200, { id: 'EVTid1234567' }],
  ['DeleteRoom', { identifier: roomArn }, 204, null],
  ['DisconnectUser', { roomIdentifier: roomArn, userId: 'user-1', reason: 'bye' }, 200, {}],
  ['GetLoggingConfiguration', { identifier: logArn }, 200, { arn: logArn }],
  ['GetRoom', { identifier: roomArn }, 200, { arn: roomArn }],
  ['ListLoggingConfigurations', { maxResults: 10, nextToken: 'page/2+=' }, 200, { loggingConfigurations: [] }],
  ['ListLoggingConfigurations', {}, 200, { loggingConfigurations: [] }],
  ['ListRooms', { name: 'room-1', maxResults: 50, nextToken: 'abc', messageReviewHandlerUri: lambdaArn,
    loggingConfigurationIdentifier: logArn }, 200, { rooms: [] }],
  ['ListRooms', {}, 200, { rooms: [] }],
  ['ListTagsForResource', { resourceArn: roomArn }, 200, { tags: {} }],
  ['SendEvent', { roomIdentifier: roomArn, eventName: 'app:kick', attributes: { reason: 'x', n: '1' } }, 200, { id: 'EVTid1234567' }],
  ['TagResource', { resourceArn: logArn, tags: { team: 'chat', 'cost center': 'a/b' } }, 200, {}],
  ['UntagResource', { resourceArn: roomArn, tagKeys: ['team', 'cost center', 'a/b&c'] }, 200, {}],
  ['UpdateLoggingConfiguration', { identifier: logArn, name: 'logs-2',
    destinationConfiguration: { cloudWatchLogs: { logGroupName: '/aws/chat' }, firehose: { deliveryStreamName: 'fh' } } }, 200, { arn: logArn }],
  ['UpdateRoom', { identifier: roomArn, name: 'room-2', maximumMessageRatePerSecond: 10, maximumMessageLength: 500,
    messageReviewHandler: { uri: '' }, loggingConfigurationIdentifiers: [] }, 200, { arn: roomArn }],
];

let pending;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const [rawPath, rawQuery = ''] = req.url.split('?');
    pending.recorded = {
      method: req.method, rawPath, rawQuery,
      contentType: req.headers['content-type'] ?? null,
      body: body.length ? body : null,
    };
    res.writeHead(pending.status, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' });
    res.end(pending.response === null ? '' : JSON.stringify(pending.response));
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const endpoint = `http://127.0.0.1:${server.address().port}`;

const client = new ivschat.IvschatClient({
  region: 'us-west-2', endpoint, maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});

const requests = [];
for (const [operation, input, status, response] of cases) {
  pending = { status, response };
  await client.send(new ivschat[`${operation}Command`](input));
  requests.push({ operation, input, request: pending.recorded });
}
server.close();
writeFileSync(path.join(fixtures, 'js-sdk-requests.json'), JSON.stringify({
  generatedBy: 'tests/conformance/capture/capture-requests.mjs',
  sdk: '@aws-sdk/client-ivschat', requests }, null, 2) + '\n');

// SigV4 reference: one fixed request (a tag ARN in the path, repeated query keys, a body, a session token).
const sigInput = {
  accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FQoGZXIvYXdzEXAMPLETOKEN', region: 'us-west-2', service: 'ivschat',
  signingDate: '2024-05-06T07:08:09Z',
  method: 'POST', host: 'ivschat.us-west-2.amazonaws.com',
  path: '/tags/arn%3Aaws%3Aivschat%3Aus-west-2%3A123456789012%3Aroom%2Fg1H2I3j4k5L6',
  query: { tagKeys: ['b key', 'a'] },
  contentType: 'application/json',
  body: '{"tags":{"team":"chat"}}',
};
const signer = new SignatureV4({
  credentials: { accessKeyId: sigInput.accessKeyId, secretAccessKey: sigInput.secretAccessKey, sessionToken: sigInput.sessionToken },
  region: sigInput.region, service: sigInput.service, sha256: Sha256, uriEscapePath: true, applyChecksum: true,
});
const signed = await signer.sign(new HttpRequest({
  method: sigInput.method, protocol: 'https:', hostname: sigInput.host,
  path: decodeURIComponent(sigInput.path).replace(/^\/tags\/(.*)$/, (_, arn) => '/tags/' + encodeURIComponent(arn)),
  query: sigInput.query,
  headers: { host: sigInput.host, 'content-type': sigInput.contentType },
  body: sigInput.body,
}), { signingDate: new Date(sigInput.signingDate) });
writeFileSync(path.join(fixtures, 'sigv4.json'), JSON.stringify({
  generatedBy: 'tests/conformance/capture/capture-requests.mjs', signer: '@smithy/signature-v4',
  input: sigInput,
  signedHeaders: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k.toLowerCase() !== 'authorization')),
  authorization: signed.headers.authorization,
}, null, 2) + '\n');
console.log(`wrote ${requests.length} requests and sigv4.json to ${fixtures}`);
