// AWS's official @aws-sdk/client-ivschat, unchanged, against the local IVS Chat service (control plane).
// Run: build the emulator, `npm ci` here, then
//   IVSCHAT_EMULATOR_DLL=<repo>/src/IvsChat.Emulator/bin/Release/net10.0/IvsChat.Emulator.dll node --test control-plane.test.mjs
import { test, before, after, beforeEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as ivs from '@aws-sdk/client-ivschat';
import { startEmulator } from './lib/emulator.mjs';
import { emulatorControl } from './lib/emulator-control.mjs';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:review';
const S3 = { s3: { bucketName: 'chat-logs' } };

let emu;
let client;
let control;

function makeClient(overrides = {}) {
  return new ivs.IvschatClient({
    endpoint: emu.endpoint,
    region: emu.region,
    credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
    maxAttempts: 1,
    ...overrides,
  });
}

async function rejects(promise, name, check) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    assert.ok(e instanceof ivs.IvschatServiceException || name.endsWith('Exception') || name === 'PendingVerification');
    assert.match(e.$metadata.requestId ?? '', /.+/);
    if (check) check(e);
    return e;
  }
  assert.fail(`expected ${name}`);
}

before(async () => {
  emu = await startEmulator([]);
  client = makeClient();
  control = emulatorControl(emu.endpoint);
});
after(async () => { await emu?.stop(); });
beforeEach(async () => { await control.reset(); });

describe('every operation', () => {
  test('rooms, logging configurations, tags, tokens and chat actions round-trip', async () => {
    const lc = await client.send(new ivs.CreateLoggingConfigurationCommand({ name: 'logs-1', destinationConfiguration: S3, tags: { team: 'chat' } }));
    assert.match(lc.arn, /^arn:aws:ivschat:us-east-1:123456789012:logging-configuration\/[a-zA-Z0-9]{12}$/);
    assert.equal(lc.state, 'ACTIVE');
    assert.ok(lc.createTime instanceof Date);
    assert.deepEqual(lc.destinationConfiguration, S3);

    const room = await client.send(new ivs.CreateRoomCommand({
      name: 'room-1', maximumMessageLength: 200, messageReviewHandler: { uri: LAMBDA },
      tags: { a: '1' }, loggingConfigurationIdentifiers: [lc.arn],
    }));
    assert.match(room.arn, /^arn:aws:ivschat:us-east-1:123456789012:room\/[a-zA-Z0-9]{12}$/);
    assert.equal(room.id, room.arn.split('/')[1]);
    assert.equal(room.maximumMessageRatePerSecond, 10);
    assert.equal(room.maximumMessageLength, 200);
    assert.deepEqual(room.messageReviewHandler, { uri: LAMBDA, fallbackResult: 'ALLOW' });
    assert.ok(room.createTime instanceof Date && room.updateTime instanceof Date);

    const got = await client.send(new ivs.GetRoomCommand({ identifier: room.arn }));
    assert.equal(got.createTime.getTime(), room.createTime.getTime());
    assert.deepEqual(got.loggingConfigurationIdentifiers, [lc.arn]);

    await new Promise((r) => setTimeout(r, 5));
    const updated = await client.send(new ivs.UpdateRoomCommand({
      identifier: room.arn, name: 'room-2', messageReviewHandler: { uri: '' }, loggingConfigurationIdentifiers: [],
    }));
    assert.equal(updated.name, 'room-2');
    assert.equal(updated.messageReviewHandler, undefined);
    assert.ok(updated.updateTime > room.updateTime);

    const listed = await client.send(new ivs.ListRoomsCommand({}));
    assert.deepEqual(listed.rooms.map((r) => r.arn), [room.arn]);
    assert.equal(listed.nextToken, undefined);

    await client.send(new ivs.TagResourceCommand({ resourceArn: room.arn, tags: { b: '2', 'c d': 'x/y' } }));
    await client.send(new ivs.UntagResourceCommand({ resourceArn: room.arn, tagKeys: ['a', 'c d'] }));
    assert.deepEqual((await client.send(new ivs.ListTagsForResourceCommand({ resourceArn: room.arn }))).tags, { b: '2' });
    await client.send(new ivs.TagResourceCommand({ resourceArn: lc.arn, tags: { env: 'dev' } }));
    assert.deepEqual((await client.send(new ivs.ListTagsForResourceCommand({ resourceArn: lc.arn }))).tags, { team: 'chat', env: 'dev' });

    const before = Date.now();
    const token = await client.send(new ivs.CreateChatTokenCommand({
      roomIdentifier: room.arn, userId: 'user-1', capabilities: ['SEND_MESSAGE', 'DELETE_MESSAGE'],
      sessionDurationInMinutes: 30, attributes: { displayName: 'Ann' },
    }));
    assert.match(token.token, /^[A-Za-z0-9_.-]+$/);
    assert.ok(Math.abs(token.tokenExpirationTime.getTime() - before - 60_000) < 5_000);
    assert.ok(Math.abs(token.sessionExpirationTime.getTime() - before - 30 * 60_000) < 5_000);

    const ev = await client.send(new ivs.SendEventCommand({ roomIdentifier: room.arn, eventName: 'app:hello', attributes: { k: 'v' } }));
    assert.match(ev.id, /^[a-zA-Z0-9]{12}$/);
    const del = await client.send(new ivs.DeleteMessageCommand({ roomIdentifier: room.arn, id: 'abcdefghijkl', reason: 'spam' }));
    assert.match(del.id, /^[a-zA-Z0-9]{12}$/);
    const disc = await client.send(new ivs.DisconnectUserCommand({ roomIdentifier: room.arn, userId: 'user-1', reason: 'bye' }));
    assert.equal(disc.$metadata.httpStatusCode, 200);

    const lcs = await client.send(new ivs.ListLoggingConfigurationsCommand({}));
    assert.deepEqual(lcs.loggingConfigurations.map((c) => c.arn), [lc.arn]);
    const lc2 = await client.send(new ivs.UpdateLoggingConfigurationCommand({
      identifier: lc.arn, destinationConfiguration: { cloudWatchLogs: { logGroupName: '/aws/chat' } },
    }));
    assert.equal(lc2.name, 'logs-1');
    assert.deepEqual(lc2.destinationConfiguration, { cloudWatchLogs: { logGroupName: '/aws/chat' } });
    assert.deepEqual((await client.send(new ivs.GetLoggingConfigurationCommand({ identifier: lc.arn }))).destinationConfiguration,
      lc2.destinationConfiguration);

    const dr = await client.send(new ivs.DeleteRoomCommand({ identifier: room.arn }));
    assert.equal(dr.$metadata.httpStatusCode, 204);
    const dl = await client.send(new ivs.DeleteLoggingConfigurationCommand({ identifier: lc.arn }));
    assert.equal(dl.$metadata.httpStatusCode, 204);
    assert.deepEqual((await client.send(new ivs.ListRoomsCommand({}))).rooms, []);

    const counts = await control.requests();
    assert.equal(counts.CreateRoom, 1);
    assert.equal(counts.TagResource, 2);
  });
});

describe('documented errors', () => {
  test('ValidationException names the member, whole-value patterns', async () => {
    const e = await rejects(client.send(new ivs.CreateRoomCommand({ name: 'bad name!' })), 'ValidationException');
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.equal(e.reason, 'FIELD_VALIDATION_FAILED');
    assert.deepEqual(e.fieldList.map((f) => f.name), ['name']);
    await rejects(client.send(new ivs.CreateRoomCommand({ maximumMessageRatePerSecond: 101 })), 'ValidationException',
      (x) => assert.equal(x.fieldList[0].name, 'maximumMessageRatePerSecond'));
    await rejects(client.send(new ivs.GetRoomCommand({ identifier: 'not-an-arn' })), 'ValidationException');
    await rejects(client.send(new ivs.CreateChatTokenCommand({
      roomIdentifier: 'arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl', userId: 'u', sessionDurationInMinutes: 181,
    })), 'ValidationException', (x) => assert.equal(x.fieldList[0].name, 'sessionDurationInMinutes'));
    await rejects(client.send(new ivs.CreateLoggingConfigurationCommand({
      destinationConfiguration: { s3: { bucketName: 'abc' }, firehose: { deliveryStreamName: 'x' } },
    })), 'ValidationException', (x) => assert.equal(x.fieldList[0].name, 'destinationConfiguration'));
    await rejects(client.send(new ivs.ListRoomsCommand({ nextToken: 'forged' })), 'ValidationException');
  });

  test('ResourceNotFoundException carries resourceId and resourceType', async () => {
    const e = await rejects(client.send(new ivs.GetRoomCommand({ identifier: 'arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl' })),
      'ResourceNotFoundException');
    assert.equal(e.$metadata.httpStatusCode, 404);
    assert.equal(e.resourceId, 'abcdefghijkl');
    assert.equal(e.resourceType, 'ROOM');
    assert.ok(e instanceof ivs.ResourceNotFoundException);
    await rejects(client.send(new ivs.CreateRoomCommand({
      loggingConfigurationIdentifiers: ['arn:aws:ivschat:us-east-1:123456789012:logging-configuration/abcdefghijkl'],
    })), 'ResourceNotFoundException');
    await rejects(client.send(new ivs.ListTagsForResourceCommand({ resourceArn: 'arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl' })),
      'ResourceNotFoundException');
  });

  test('ConflictException when deleting a logging configuration in use', async () => {
    const lc = await client.send(new ivs.CreateLoggingConfigurationCommand({ destinationConfiguration: S3 }));
    await client.send(new ivs.CreateRoomCommand({ loggingConfigurationIdentifiers: [lc.arn] }));
    const e = await rejects(client.send(new ivs.DeleteLoggingConfigurationCommand({ identifier: lc.arn })), 'ConflictException');
    assert.equal(e.$metadata.httpStatusCode, 409);
    assert.equal(e.resourceId, lc.id);
    assert.ok(e instanceof ivs.ConflictException);
  });

  test('ServiceQuotaExceededException beyond 10 logging configurations', async () => {
    for (let i = 0; i < 10; i++) await client.send(new ivs.CreateLoggingConfigurationCommand({ destinationConfiguration: S3 }));
    const e = await rejects(client.send(new ivs.CreateLoggingConfigurationCommand({ destinationConfiguration: S3 })),
      'ServiceQuotaExceededException');
    assert.equal(e.$metadata.httpStatusCode, 402);
    assert.equal(e.limit, 10);
    assert.ok(e instanceof ivs.ServiceQuotaExceededException);
  });

  for (const [error, status, cls] of [
    ['AccessDeniedException', 403, ivs.AccessDeniedException],
    ['PendingVerification', 403, ivs.PendingVerification],
    ['InternalServerException', 500, ivs.InternalServerException],
    ['ThrottlingException', 429, ivs.ThrottlingException],
  ]) {
    test(`${error} (injected through /_emulator/faults)`, async () => {
      await control.addFault({ operation: 'CreateChatToken', error, count: 1 });
      const room = await client.send(new ivs.CreateRoomCommand({}));
      const e = await rejects(client.send(new ivs.CreateChatTokenCommand({ roomIdentifier: room.arn, userId: 'u' })), error);
      assert.equal(e.$metadata.httpStatusCode, status);
      assert.ok(e instanceof cls);
      // Only the next call was affected.
      await client.send(new ivs.CreateChatTokenCommand({ roomIdentifier: room.arn, userId: 'u' }));
    });
  }

  test('the SDK retries an injected ThrottlingException and succeeds', async () => {
    await control.addFault({ operation: 'ListRooms', error: 'ThrottlingException', count: 2 });
    const retrying = makeClient({ maxAttempts: 3 });
    const r = await retrying.send(new ivs.ListRoomsCommand({}));
    assert.equal(r.$metadata.attempts, 3);
    assert.equal((await control.requests()).ListRooms, 3);
  });
});

describe('paging', () => {
  test('more than 120 rooms page through in updateTime order, with each filter', async () => {
    const lc = await client.send(new ivs.CreateLoggingConfigurationCommand({ destinationConfiguration: S3 }));
    const rooms = [];
    for (let i = 0; i < 125; i++) {
      rooms.push(await client.send(new ivs.CreateRoomCommand({
        name: i % 2 ? 'odd' : 'even',
        ...(i % 5 === 0 ? { messageReviewHandler: { uri: LAMBDA } } : {}),
        ...(i % 3 === 0 ? { loggingConfigurationIdentifiers: [lc.arn] } : {}),
      })));
    }
    const collect = async (input, pageSize) => {
      const arns = [];
      let pages = 0;
      for await (const page of ivs.paginateListRooms({ client, pageSize }, input)) {
        assert.ok(page.rooms.length <= pageSize);
        arns.push(...page.rooms.map((r) => r.arn));
        pages++;
      }
      return { arns, pages };
    };
    const all = await collect({}, 50);
    assert.equal(all.pages, 3);
    assert.deepEqual(all.arns, rooms.map((r) => r.arn).reverse());

    const expect = (pred) => rooms.filter((r, i) => pred(i)).map((r) => r.arn).reverse();
    assert.deepEqual((await collect({ name: 'odd' }, 9)).arns, expect((i) => i % 2 === 1));
    assert.deepEqual((await collect({ messageReviewHandlerUri: LAMBDA }, 4)).arns, expect((i) => i % 5 === 0));
    assert.deepEqual((await collect({ loggingConfigurationIdentifier: lc.arn }, 7)).arns, expect((i) => i % 3 === 0));

    // maxResults out of range
    await rejects(client.send(new ivs.ListRoomsCommand({ maxResults: 51 })), 'ValidationException');
  });
});

describe('tags', () => {
  test('50 tags at most, reserved aws: prefix, key and value lengths', async () => {
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`.padEnd(128, 'x'), 'v'.repeat(256)]));
    const room = await client.send(new ivs.CreateRoomCommand({ tags }));
    assert.equal(Object.keys(room.tags).length, 50);
    await rejects(client.send(new ivs.TagResourceCommand({ resourceArn: room.arn, tags: { extra: '1' } })), 'ValidationException');
    await rejects(client.send(new ivs.CreateRoomCommand({ tags: { ...tags, extra: '1' } })), 'ValidationException');
    await rejects(client.send(new ivs.TagResourceCommand({ resourceArn: room.arn, tags: { 'aws:x': '1' } })), 'ValidationException');
    await rejects(client.send(new ivs.TagResourceCommand({ resourceArn: room.arn, tags: { ['k'.repeat(129)]: '1' } })), 'ValidationException');
    await rejects(client.send(new ivs.TagResourceCommand({ resourceArn: room.arn, tags: { k: 'v'.repeat(257) } })), 'ValidationException');
    await client.send(new ivs.UntagResourceCommand({ resourceArn: room.arn, tagKeys: Object.keys(tags).slice(0, 10) }));
    assert.equal(Object.keys((await client.send(new ivs.ListTagsForResourceCommand({ resourceArn: room.arn }))).tags).length, 40);
  });
});

describe('signatures', () => {
  test('wrong secret: InvalidSignatureException', async () => {
    const bad = makeClient({ credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: 'wrong' } });
    const e = await rejects(bad.send(new ivs.ListRoomsCommand({})), 'InvalidSignatureException');
    assert.equal(e.$metadata.httpStatusCode, 403);
  });

  test('unknown access key: UnrecognizedClientException', async () => {
    const bad = makeClient({ credentials: { accessKeyId: 'AKIDUNKNOWNKEY000000', secretAccessKey: 'x' } });
    const e = await rejects(bad.send(new ivs.ListRoomsCommand({})), 'UnrecognizedClientException');
    assert.equal(e.$metadata.httpStatusCode, 403);
  });

  test('stale clock: InvalidSignatureException "Signature expired"', async () => {
    const skewed = makeClient({ systemClockOffset: -10 * 60 * 1000 });
    const e = await rejects(skewed.send(new ivs.ListRoomsCommand({})), 'InvalidSignatureException');
    assert.match(e.message, /^Signature expired/);
  });

  test('with retries, the SDK corrects its clock from the Date header and succeeds', async () => {
    const skewed = makeClient({ systemClockOffset: -10 * 60 * 1000, maxAttempts: 3 });
    const r = await skewed.send(new ivs.ListRoomsCommand({}));
    assert.equal(r.$metadata.attempts, 2);
  });

  test('session credentials (x-amz-security-token) are accepted', async () => {
    const withToken = makeClient({ credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey, sessionToken: 'tok' } });
    await withToken.send(new ivs.ListRoomsCommand({}));
  });

  test('unsigned request: MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${emu.endpoint}/ListRooms`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    assert.ok(res.headers.get('x-amzn-requestid'));
    assert.ok((await res.json()).message);
  });
});

describe('--enforce-quotas', () => {
  let strict;
  before(async () => { strict = await startEmulator(['--enforce-quotas']); });
  after(async () => { await strict?.stop(); });

  test('a burst above the room-operation rate answers ThrottlingException', async () => {
    const c = new ivs.IvschatClient({
      endpoint: strict.endpoint, region: strict.region, maxAttempts: 1,
      credentials: { accessKeyId: strict.accessKeyId, secretAccessKey: strict.secretAccessKey },
    });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => c.send(new ivs.ListRoomsCommand({}))));
    const throttled = results.filter((r) => r.status === 'rejected');
    assert.ok(throttled.length >= 2, `throttled ${throttled.length}`);
    assert.ok(results.filter((r) => r.status === 'fulfilled').length >= 5);
    for (const r of throttled) {
      assert.equal(r.reason.name, 'ThrottlingException');
      assert.equal(r.reason.$metadata.httpStatusCode, 429);
      assert.equal(r.reason.limit, 5);
    }
  });
});

describe('startup, options and shutdown', () => {
  test('prints the settings lines first, honours --region/--account-id/--access-key, stops on SIGTERM with code 0', async () => {
    const other = await startEmulator(['--region', 'eu-west-1', '--account-id', '000011112222', '--access-key', 'AKIDOTHER', '--secret-key', 'other-secret']);
    try {
      assert.deepEqual(other.lines.slice(0, 5).map((l) => l.split('=')[0]),
        ['IVSCHAT_ENDPOINT', 'IVSCHAT_MESSAGING_ENDPOINT', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
      assert.match(other.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(other.messagingEndpoint, other.endpoint.replace('http:', 'ws:'));
      assert.deepEqual([other.region, other.accessKeyId, other.secretAccessKey], ['eu-west-1', 'AKIDOTHER', 'other-secret']);
      const c = new ivs.IvschatClient({ endpoint: other.endpoint, region: other.region, maxAttempts: 1,
        credentials: { accessKeyId: other.accessKeyId, secretAccessKey: other.secretAccessKey } });
      const room = await c.send(new ivs.CreateRoomCommand({}));
      assert.match(room.arn, /^arn:aws:ivschat:eu-west-1:000011112222:room\//);
      // The default credentials are not accepted when others are configured.
      const d = new ivs.IvschatClient({ endpoint: other.endpoint, region: other.region, maxAttempts: 1,
        credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey } });
      await rejects(d.send(new ivs.ListRoomsCommand({})), 'UnrecognizedClientException');
    } finally {
      assert.equal(await other.stop(), 0);
    }
  });

  test('--verbose logs requests to stderr, never to stdout', async () => {
    const loud = await startEmulator(['--verbose', '--no-auth']);
    try {
      assert.equal((await fetch(`${loud.endpoint}/ListRooms`, { method: 'POST', body: '{}' })).status, 200);
      assert.equal((await fetch(`${loud.endpoint}/Nope`, { method: 'POST', body: '{}' })).status, 400);
    } finally {
      assert.equal(await loud.stop(), 0);
    }
    assert.ok(loud.lines.length >= 5);
    for (const line of loud.lines) assert.doesNotMatch(line, /^(info|warn|fail|dbug|trce|crit):|Microsoft\.|Request (starting|finished)/);
  });

  test('--no-auth accepts unsigned requests; bad options exit with an error', async () => {
    const open = await startEmulator(['--no-auth']);
    try {
      const res = await fetch(`${open.endpoint}/CreateRoom`, { method: 'POST', body: '{"name":"x"}' });
      assert.equal(res.status, 200);
      assert.equal((await res.json()).name, 'x');
    } finally {
      await open.stop();
    }
    await assert.rejects(startEmulator(['--account-id', '12']), /12 digits/);
  });
});
