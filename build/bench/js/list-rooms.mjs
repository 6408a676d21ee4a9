// Every room through the ListRooms paging loop (nextToken until none), as a JS caller would write it.
import { sdk, newClient, ms } from './sdk.mjs';

const client = newClient();
await client.send(new sdk.ListRoomsCommand({ maxResults: 1 })); // warm-up, as the PowerShell side gets

const t = process.hrtime.bigint();
let rooms = 0;
let pages = 0;
let nextToken;
do {
  const page = await client.send(new sdk.ListRoomsCommand({ nextToken }));
  rooms += page.rooms.length;
  pages++;
  nextToken = page.nextToken;
} while (nextToken);
console.log(JSON.stringify({ rooms, pages, ms: ms(t), peakRssMB: process.resourceUsage().maxRSS / 1024 }));
