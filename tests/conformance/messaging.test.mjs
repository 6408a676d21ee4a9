// AWS's official amazon-ivs-chat-messaging SDK, unchanged, against the local service's messaging WebSocket.
// Tokens come from AWS's official @aws-sdk/client-ivschat. Node 20 has no global WebSocket: use the `ws` package.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { WebSocket } from 'ws';
import {
  IvschatClient, CreateRoomCommand, CreateChatTokenCommand, SendEventCommand, DeleteMessageCommand,
  DisconnectUserCommand, UpdateRoomCommand, DeleteRoomCommand,
} from '@aws-sdk/client-ivschat';
import { startEmulator } from './lib/emulator.mjs';

globalThis.WebSocket = WebSocket;
const { ChatRoom, SendMessageRequest, DeleteMessageRequest, DisconnectUserRequest } = await import('amazon-ivs-chat-messaging');

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function controlClient(emu) {
  return new IvschatClient({
    endpoint: emu.endpoint, region: emu.region, maxAttempts: 1,
    credentials: { accessKeyId: emu.accessKeyId, secretAccessKey: emu.secretAccessKey },
  });
}

/** Waits until predicate() is true, polling; fails after timeoutMs. */
async function until(predicate, what, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A ChatRoom of the official SDK with everything it emits recorded. */
async function join(emu, client, roomArn, { userId = 'viewer', capabilities = [], attributes, tokenProvider } = {}) {
  let tokenRequests = 0;
  const provider = tokenProvider ?? (async () => {
    tokenRequests++;
    const r = await client.send(new CreateChatTokenCommand({ roomIdentifier: roomArn, userId, capabilities, attributes }));
    return { token: r.token, tokenExpirationTime: r.tokenExpirationTime, sessionExpirationTime: r.sessionExpirationTime };
  });
  const room = new ChatRoom({ regionOrUrl: emu.messagingEndpoint, tokenProvider: provider, maxReconnectAttempts: 1 });
  room.logger = silent;
  room.logLevel = 'error';
  const seen = { messages: [], events: [], deletes: [], disconnects: [], states: [], disconnectReasons: [] };
  room.addListener('message', (m) => seen.messages.push(m));
  room.addListener('event', (e) => seen.events.push(e));
  room.addListener('messageDelete', (e) => seen.deletes.push(e));
  room.addListener('userDisconnect', (e) => seen.disconnects.push(e));
  room.addListener('connect', () => seen.states.push('connected'));
  room.addListener('disconnect', (reason) => { seen.states.push('disconnected'); seen.disconnectReasons.push(reason); });
  room.connect();
  return { room, seen, tokenRequests: () => tokenRequests };
}

async function joinConnected(emu, client, roomArn, opts) {
  const j = await join(emu, client, roomArn, opts);
  await until(() => j.room.state === 'connected' || j.room.state === 'disconnected', 'connection');
  assert.equal(j.room.state, 'connected', 'the SDK connects');
  return j;
}

describe('messaging with the official SDKs', () => {
  let emu, client;
  before(async () => { emu = await startEmulator(); client = controlClient(emu); });
  after(async () => { await emu?.stop(); });

  const newRoom = async (extra = {}) => (await client.send(new CreateRoomCommand(extra))).arn;

  test('prints a ws:// messaging endpoint', () => {
    assert.match(emu.messagingEndpoint, /^ws:\/\/127\.0\.0\.1:\d+$/);
  });

  test('sendMessage resolves with the delivered message; every client, the sender too, receives it', async () => {
    const arn = await newRoom();
    const alice = await joinConnected(emu, client, arn, { userId: 'alice', capabilities: ['SEND_MESSAGE'], attributes: { displayName: 'Alice' } });
    const bob = await joinConnected(emu, client, arn, { userId: 'bob' });
    const request = new SendMessageRequest('héllo 👋', { color: 'blue' });
    const message = await alice.room.sendMessage(request);
    assert.equal(message.content, 'héllo 👋');
    assert.equal(message.requestId, request.requestId);
    assert.deepEqual(message.attributes, { color: 'blue' });
    assert.equal(message.sender.userId, 'alice');
    assert.deepEqual(message.sender.attributes, { displayName: 'Alice' });
    assert.match(message.id, /^[a-zA-Z0-9]{12}$/);
    assert.ok(message.sendTime instanceof Date && Math.abs(message.sendTime - Date.now()) < 5000);
    await until(() => bob.seen.messages.length === 1, 'bob receives the message');
    assert.equal(bob.seen.messages[0].id, message.id);
    assert.equal(alice.seen.messages.length, 1);
    alice.room.disconnect(); bob.room.disconnect();
  });

  test('a user may hold several connections at once', async () => {
    const arn = await newRoom();
    const first = await joinConnected(emu, client, arn, { userId: 'multi', capabilities: ['SEND_MESSAGE'] });
    const second = await joinConnected(emu, client, arn, { userId: 'multi' });
    await first.room.sendMessage(new SendMessageRequest('to both'));
    await until(() => second.seen.messages.length === 1, 'the second connection receives');
    assert.equal(first.room.state, 'connected');
    first.room.disconnect(); second.room.disconnect();
  });

  test('deleteMessage resolves on aws:DELETE_MESSAGE and every client sees messageDelete', async () => {
    const arn = await newRoom();
    const mod = await joinConnected(emu, client, arn, { userId: 'mod', capabilities: ['SEND_MESSAGE', 'DELETE_MESSAGE'] });
    const viewer = await joinConnected(emu, client, arn);
    const message = await mod.room.sendMessage(new SendMessageRequest('oops'));
    const request = new DeleteMessageRequest(message.id, 'spam');
    const deleted = await mod.room.deleteMessage(request);
    assert.equal(deleted.messageId, message.id);
    assert.equal(deleted.reason, 'spam');
    assert.equal(deleted.requestId, request.requestId);
    assert.equal(deleted.attributes.MessageId, message.id, 'both spellings are sent');
    await until(() => viewer.seen.deletes.length === 1, 'viewer sees the delete');
    assert.equal(viewer.seen.deletes[0].messageId, message.id);
    mod.room.disconnect(); viewer.room.disconnect();
  });

  test('disconnectUser resolves on aws:DISCONNECT_USER and the user is closed cleanly (no reconnect)', async () => {
    const arn = await newRoom();
    const mod = await joinConnected(emu, client, arn, { userId: 'mod', capabilities: ['DISCONNECT_USER'] });
    const troll = await joinConnected(emu, client, arn, { userId: 'troll' });
    const event = await mod.room.disconnectUser(new DisconnectUserRequest('troll', 'rude'));
    assert.equal(event.userId, 'troll');
    assert.equal(event.reason, 'rude');
    await until(() => troll.room.state === 'disconnected', 'troll disconnected');
    assert.deepEqual(troll.seen.disconnectReasons, ['serverDisconnect']);
    assert.equal(troll.seen.disconnects.length, 1, 'the disconnected user saw the event first');
    assert.equal(troll.tokenRequests(), 1, 'the SDK did not reconnect');
    assert.equal(mod.room.state, 'connected');
    mod.room.disconnect();
  });

  test('actions without the capability are rejected with 403', async () => {
    const arn = await newRoom();
    const viewer = await joinConnected(emu, client, arn);
    await assert.rejects(viewer.room.sendMessage(new SendMessageRequest('hi')), (e) => e.errorCode === 403);
    await assert.rejects(viewer.room.deleteMessage(new DeleteMessageRequest('AAAAAAAAAAAA')), (e) => e.errorCode === 403);
    await assert.rejects(viewer.room.disconnectUser(new DisconnectUserRequest('x')), (e) => e.errorCode === 403);
    assert.equal(viewer.room.state, 'connected', 'errors do not end the connection');
    viewer.room.disconnect();
  });

  test('the room-wide rate limit answers 429; UpdateRoom limits apply to live connections', async () => {
    const arn = await newRoom({ maximumMessageRatePerSecond: 2 });
    const a = await joinConnected(emu, client, arn, { userId: 'a', capabilities: ['SEND_MESSAGE'] });
    const b = await joinConnected(emu, client, arn, { userId: 'b', capabilities: ['SEND_MESSAGE'] });
    const results = await Promise.allSettled([
      a.room.sendMessage(new SendMessageRequest('1')), b.room.sendMessage(new SendMessageRequest('2')),
      a.room.sendMessage(new SendMessageRequest('3')),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2);
    assert.equal(results.find((r) => r.status === 'rejected').reason.errorCode, 429);

    await client.send(new UpdateRoomCommand({ identifier: arn, maximumMessageLength: 3 }));
    await sleep(1100);
    await a.room.sendMessage(new SendMessageRequest('😀😀😀')); // 3 code points, 6 UTF-16 units
    await assert.rejects(a.room.sendMessage(new SendMessageRequest('abcd')), (e) => e.errorCode === 413);
    a.room.disconnect(); b.room.disconnect();
  });

  test('control-plane SendEvent, DeleteMessage and DisconnectUser reach every client', async () => {
    const arn = await newRoom();
    const one = await joinConnected(emu, client, arn, { userId: 'one' });
    const two = await joinConnected(emu, client, arn, { userId: 'two' });
    const { id } = await client.send(new SendEventCommand({ roomIdentifier: arn, eventName: 'app:poll', attributes: { q: 'why?' } }));
    await until(() => one.seen.events.length === 1 && two.seen.events.length === 1, 'the event');
    assert.equal(one.seen.events[0].id, id);
    assert.equal(one.seen.events[0].eventName, 'app:poll');
    assert.deepEqual(one.seen.events[0].attributes, { q: 'why?' });

    await client.send(new DeleteMessageCommand({ roomIdentifier: arn, id: 'AbCdEfGhIjKl', reason: 'cleanup' }));
    await until(() => one.seen.deletes.length === 1 && two.seen.deletes.length === 1, 'the delete');
    assert.equal(two.seen.deletes[0].messageId, 'AbCdEfGhIjKl');
    assert.equal(two.seen.deletes[0].reason, 'cleanup');

    await client.send(new DisconnectUserCommand({ roomIdentifier: arn, userId: 'two', reason: 'bye' }));
    await until(() => two.room.state === 'disconnected', 'two disconnected');
    await until(() => one.seen.disconnects.length === 1, 'one sees the disconnect event');
    assert.equal(one.seen.disconnects[0].userId, 'two');
    assert.equal(one.room.state, 'connected');
    one.room.disconnect();
  });

  test('DeleteRoom closes the connections of the room', async () => {
    const arn = await newRoom();
    const viewer = await joinConnected(emu, client, arn);
    await client.send(new DeleteRoomCommand({ identifier: arn }));
    await until(() => viewer.room.state === 'disconnected', 'disconnect after DeleteRoom');
    assert.deepEqual(viewer.seen.disconnectReasons, ['serverDisconnect']);
  });

  test('a token connects once: reusing it fails the SDK connection', async () => {
    const arn = await newRoom();
    const r = await client.send(new CreateChatTokenCommand({ roomIdentifier: arn, userId: 'u' }));
    const fixed = async () => ({ token: r.token, tokenExpirationTime: r.tokenExpirationTime, sessionExpirationTime: r.sessionExpirationTime });
    const first = await joinConnected(emu, client, arn, { tokenProvider: fixed });
    const second = await join(emu, client, arn, { tokenProvider: fixed });
    await until(() => second.room.state === 'disconnected', 'the reused token is refused');
    assert.deepEqual(second.seen.disconnectReasons, ['socketError']);
    assert.equal(first.room.state, 'connected');
    first.room.disconnect();
  });

  test('a forged token is refused at the handshake', async () => {
    const arn = await newRoom();
    const r = await client.send(new CreateChatTokenCommand({ roomIdentifier: arn, userId: 'u' }));
    const [payload, mac] = r.token.split('.');
    const forged = `${payload}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    const status = await new Promise((resolve) => {
      const ws = new WebSocket(emu.messagingEndpoint, forged);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('open', () => resolve('open'));
      ws.on('error', () => {});
    });
    assert.equal(status, 401);
  });

  test('malformed frames get ERROR 400/413 and the connection keeps working; frame ids are unique', async () => {
    const arn = await newRoom();
    const r = await client.send(new CreateChatTokenCommand({ roomIdentifier: arn, userId: 'raw', capabilities: ['SEND_MESSAGE'] }));
    const ws = new WebSocket(emu.messagingEndpoint, r.token);
    const frames = [];
    ws.on('message', (d) => frames.push(JSON.parse(d.toString())));
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    assert.equal(ws.protocol, r.token, 'the token is echoed as the subprotocol');
    ws.send('not json');
    ws.send(JSON.stringify({ Action: 'SEND_MESSAGE', Content: 42, RequestId: 'r-type' }));
    ws.send(JSON.stringify({ Action: 'JUMP', RequestId: 'r-action' }));
    ws.send(JSON.stringify({ Action: 'SEND_MESSAGE', Content: 'x'.repeat(70 * 1024), RequestId: 'r-big' }));
    ws.send(JSON.stringify({ Action: 'SEND_MESSAGE', Content: 'still here', RequestId: 'r-ok' }));
    await until(() => frames.length === 5, 'five answers');
    assert.deepEqual(frames.slice(0, 4).map((f) => [f.Type, f.ErrorCode, f.RequestId]),
      [['ERROR', 400, undefined], ['ERROR', 400, 'r-type'], ['ERROR', 400, 'r-action'], ['ERROR', 413, undefined]]);
    assert.equal(frames[4].Type, 'MESSAGE');
    assert.equal(frames[4].RequestId, 'r-ok');
    for (const f of frames) assert.match(f.Id, /^[a-zA-Z0-9]{12}$/);
    assert.equal(new Set(frames.map((f) => f.Id)).size, frames.length);
    ws.close();
  });
});

describe('token and session expiry', () => {
  let emu, client;
  before(async () => { emu = await startEmulator(['--token-ttl-seconds', '1', '--session-minute-seconds', '2']); client = controlClient(emu); });
  after(async () => { await emu?.stop(); });

  test('an expired token fails the SDK connection', async () => {
    const arn = (await client.send(new CreateRoomCommand({}))).arn;
    const r = await client.send(new CreateChatTokenCommand({ roomIdentifier: arn, userId: 'late' }));
    await sleep(1500);
    const late = await join(emu, client, arn, {
      tokenProvider: async () => ({ token: r.token, tokenExpirationTime: r.tokenExpirationTime, sessionExpirationTime: r.sessionExpirationTime }),
    });
    await until(() => late.room.state === 'disconnected', 'refused');
    assert.deepEqual(late.seen.disconnectReasons, ['socketError']);
  });

  test('at session end the service sends ERROR 401 and the SDK reconnects with a new token', async () => {
    const arn = (await client.send(new CreateRoomCommand({}))).arn;
    // One session minute lasts 2 s here: a 1-minute session ends after 2 s.
    let requests = 0;
    const short = await joinConnected(emu, client, arn, {
      tokenProvider: async () => {
        requests++;
        const t = await client.send(new CreateChatTokenCommand({ roomIdentifier: arn, userId: 'short', sessionDurationInMinutes: 1 }));
        return { token: t.token, sessionExpirationTime: t.sessionExpirationTime };
      },
    });
    await until(() => requests >= 2 && short.room.state === 'connected', 'a reconnect after the 401', 6000);
    short.room.disconnect();
  });
});

describe('message review stand-in', () => {
  const denyArn = 'arn:aws:lambda:us-east-1:123456789012:function:deny-bad';
  const httpArn = 'arn:aws:lambda:us-east-1:123456789012:function:http-review';
  const slowArn = 'arn:aws:lambda:us-east-1:123456789012:function:slow';
  let emu, client, server, reviewRequests = [];
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        const request = JSON.parse(body);
        reviewRequests.push(request);
        res.setHeader('content-type', 'application/json');
        if (request.Content.includes('deny')) res.end(JSON.stringify({ ReviewResult: 'DENY', Content: request.Content }));
        else res.end(JSON.stringify({ ReviewResult: 'ALLOW', Content: request.Content.toUpperCase(), Attributes: { reviewed: 'yes' } }));
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    process.env.IVSCHAT_REVIEW_RULES = `${denyArn}=deny:\\bbad\\b;${denyArn}=rewrite:darn=>d**n;${slowArn}=delay:3000`;
    process.env.IVSCHAT_REVIEW_HANDLERS = `${httpArn}=http://127.0.0.1:${server.address().port}/review`;
    try { emu = await startEmulator(); } finally {
      delete process.env.IVSCHAT_REVIEW_RULES; delete process.env.IVSCHAT_REVIEW_HANDLERS;
    }
    client = controlClient(emu);
  });
  after(async () => { await emu?.stop(); server?.close(); });

  const sender = async (handler) => {
    const arn = (await client.send(new CreateRoomCommand({ messageReviewHandler: handler }))).arn;
    return joinConnected(emu, client, arn, { userId: 'writer', capabilities: ['SEND_MESSAGE'], attributes: { tier: 'gold' } });
  };

  test('a built-in rule denies (406) and rewrites', async () => {
    const s = await sender({ uri: denyArn });
    await assert.rejects(s.room.sendMessage(new SendMessageRequest('a bad word')), (e) => e.errorCode === 406);
    const ok = await s.room.sendMessage(new SendMessageRequest('darn it'));
    assert.equal(ok.content, 'd**n it');
    s.room.disconnect();
  });

  test('an HTTP handler gets AWS\'s request shape and its ALLOW/DENY answer applies', async () => {
    const s = await sender({ uri: httpArn });
    // The first call pays for the emulator's HTTP client start-up, which on a loaded machine can exceed 200 ms.
    await s.room.sendMessage(new SendMessageRequest('warm up')).catch(() => {});
    const ok = await s.room.sendMessage(new SendMessageRequest('quiet please', { a: '1' }));
    assert.equal(ok.content, 'QUIET PLEASE');
    assert.deepEqual(ok.attributes, { reviewed: 'yes' });
    const seen = reviewRequests.at(-1);
    assert.equal(seen.Content, 'quiet please');
    assert.equal(seen.MessageId, ok.id);
    assert.match(seen.RoomArn, /^arn:aws:ivschat:/);
    assert.deepEqual(seen.Attributes, { a: '1' });
    assert.equal(seen.Sender.UserId, 'writer');
    assert.deepEqual(seen.Sender.Attributes, { tier: 'gold' });
    assert.equal(typeof seen.Sender.Ip, 'string');
    await assert.rejects(s.room.sendMessage(new SendMessageRequest('deny me')), (e) => e.errorCode === 406);
    s.room.disconnect();
  });

  test('a handler slower than 200 ms falls back to fallbackResult', async () => {
    const deny = await sender({ uri: slowArn, fallbackResult: 'DENY' });
    const started = Date.now();
    await assert.rejects(deny.room.sendMessage(new SendMessageRequest('slow')), (e) => e.errorCode === 406);
    assert.ok(Date.now() - started < 2000, 'the 200 ms timeout applies (the handler takes 3 s)');
    deny.room.disconnect();
    const allow = await sender({ uri: slowArn, fallbackResult: 'ALLOW' });
    assert.equal((await allow.room.sendMessage(new SendMessageRequest('slow'))).content, 'slow');
    allow.room.disconnect();
  });
});
