// Two regions through one endpoint with AWS's official @aws-sdk/client-ivschat: the SigV4 credential scope picks
// the region, and each region has its own rooms, ARNs and page tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as ivs from '@aws-sdk/client-ivschat';
import { startEmulator } from './lib/emulator.mjs';

let emu;
const clientFor = (region) => new ivs.IvschatClient({
  endpoint: emu.endpoint,
  region,
  credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
  maxAttempts: 1,
});

before(async () => { emu = await startEmulator(['--regions', 'us-east-1,eu-west-1']); });
after(async () => { await emu?.stop(); });

test('each region has its own rooms, ARNs and page tokens behind one endpoint', async () => {
  const us = clientFor('us-east-1');
  const eu = clientFor('eu-west-1');
  const usRoom = await us.send(new ivs.CreateRoomCommand({ name: 'in-us' }));
  const euRoom = await eu.send(new ivs.CreateRoomCommand({ name: 'in-eu' }));
  await eu.send(new ivs.CreateRoomCommand({ name: 'in-eu-2' }));
  assert.match(usRoom.arn, /^arn:aws:ivschat:us-east-1:/);
  assert.match(euRoom.arn, /^arn:aws:ivschat:eu-west-1:/);

  const names = async (c) => (await c.send(new ivs.ListRoomsCommand({}))).rooms.map((r) => r.name).sort();
  assert.deepEqual(await names(us), ['in-us']);
  assert.deepEqual(await names(eu), ['in-eu', 'in-eu-2']);

  await assert.rejects(us.send(new ivs.GetRoomCommand({ identifier: euRoom.arn })), { name: 'ResourceNotFoundException' });
  const token = (await eu.send(new ivs.ListRoomsCommand({ maxResults: 1 }))).nextToken;
  assert.ok(token);
  await assert.rejects(us.send(new ivs.ListRoomsCommand({ nextToken: token })), { name: 'ValidationException' });
  const chat = await eu.send(new ivs.CreateChatTokenCommand({ roomIdentifier: euRoom.arn, userId: 'u' }));
  assert.ok(chat.token);
});

test('a region the service does not serve is InvalidSignatureException', async () => {
  await assert.rejects(clientFor('ap-northeast-1').send(new ivs.ListRoomsCommand({})),
    (e) => e.name === 'InvalidSignatureException' && /ap-northeast-1/.test(e.message));
});
