using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using IvsChat.Emulator.Aws;
using IvsChat.Emulator.Hosting;
using IvsChat.Emulator.Messaging;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>
/// Random and mutated input against the request reader, validation, the SigV4 header parser, raw HTTP and the
/// WebSocket frames: always a clean AWS-shaped 4xx (or success), never a 500, a crash or an allocation out of
/// proportion to the input. Each property runs for a bounded time (seconds), in the default test run.
/// </summary>
public class PropertyTests
{
    private const int Seconds = 2;

    private static readonly string[] ValidBodies =
    [
        """{"name":"room-1","maximumMessageRatePerSecond":5,"tags":{"k":"v"},"messageReviewHandler":""" +
        """{"uri":"arn:aws:lambda:us-east-1:123456789012:function:f","fallbackResult":"DENY"}}""",
        """{"roomIdentifier":"arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl","userId":"u","capabilities":""" +
        """["SEND_MESSAGE"],"attributes":{"a":"b"},"sessionDurationInMinutes":5}""",
        """{"destinationConfiguration":{"s3":{"bucketName":"my-bucket"}},"name":"lc","tags":{}}""",
        """{"maxResults":2""" +
        ""","nextToken":"abc","name":"x","loggingConfigurationIdentifier":"arn:aws:ivschat:us-east-1:123456789012:logging-configuration/abcdefghijkl"}""",
        """{"identifier":"arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl","eventName":"e","attributes":{"x":"y"},"reason":"r","id":"abc"}""",
    ];

    private static readonly Gen<byte[]> Bodies = Gen.OneOf(
        Mutations.JsonObject(RobustnessTests.Members).Select(Encoding.UTF8.GetBytes),
        Mutations.Of(ValidBodies.Select(Encoding.UTF8.GetBytes).ToArray()),
        Gen.Byte.Array[0, 64]);

    private static void AssertBoundedAllocation(long allocated, int inputLength) =>
        Assert.True(allocated < 256 * 1024 + 64L * inputLength, $"{allocated} bytes allocated for {inputLength} bytes of input");

    [Fact]
    public void The_request_reader_answers_anything_with_a_value_or_a_400()
    {
        Bodies.Sample(body =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var r = RequestReader.FromBody(body);
                foreach (string member in RobustnessTests.Members)
                {
                    r.String(member, max: 128, pattern: Patterns.Name);
                    r.Int(member, 1, 100);
                    r.Enum(member, ["ALLOW", "DENY"]);
                    r.StringList(member, 3);
                    r.Tags(member);
                    r.Object(member)?.String("uri", required: true);
                }
                r.ThrowIfInvalid();
            }
            catch (ApiException e)
            {
                Assert.Equal((400, "ValidationException"), (e.Status, e.Code));
                Assert.False(string.IsNullOrEmpty(e.Message));
            }
            AssertBoundedAllocation(GC.GetAllocatedBytesForCurrentThread() - before, body.Length);
        }, time: Seconds, print: b => Convert.ToHexString(b));
    }

    [Fact]
    public async Task Every_operation_answers_any_body_with_success_or_an_AWS_shaped_4xx()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        string room = await emu.CreateRoomAsync();
        var paths = RobustnessTests.Operations.Select(op => (HttpMethod.Post, "/" + op))
            .Concat([
                (HttpMethod.Post, TestEmulator.TagPath(room)), (HttpMethod.Delete, TestEmulator.TagPath(room) + "?tagKeys=a"), (HttpMethod.Get, "/tags/x%ff"),
            ])
            .ToArray();
        Gen.Select(Gen.OneOf(paths), Bodies).Sample(c =>
        {
            using var request = new HttpRequestMessage(c.Item1.Item1, new Uri(emu.BaseUrl, c.Item1.Item2)) { Content = new ByteArrayContent(c.Item2) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = emu.Http.Send(request);
            int status = (int)response.StatusCode;
            string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            Assert.True(status is 200 or 204 or 400 or 402 or 404 or 409 or 413, $"{c.Item1.Item2}: {status} {text}");
            if (status >= 400)
            {
                Assert.True(response.Headers.Contains("x-amzn-ErrorType"), $"{status} without x-amzn-ErrorType");
                Assert.NotNull(JsonNode.Parse(text)!["message"]);
            }
        }, time: Seconds, threads: 2, print: c => c.Item1.Item2 + " " + Convert.ToHexString(c.Item2));
    }

    [Fact]
    public async Task Mangled_raw_requests_get_an_AWS_shaped_answer_or_none()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { RequireSignatures = false });
        string[] seeds =
        [
            "POST /CreateRoom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"name\":\"a\"}\n",
            "POST /ListRooms HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
            "GET /tags/arn%3Aaws%3Aivschat%3Aus-east-1%3A123456789012%3Aroom%2Fabcdefghijkl HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /_emulator/requests HTTP/1.1\r\nHost: localhost\r\n\r\n",
        ];
        Mutations.Of(seeds.Select(Encoding.Latin1.GetBytes).ToArray()).Sample(bytes =>
        {
            using var client = new TcpClient();
            client.Connect(emu.BaseUrl.Host, emu.BaseUrl.Port);
            client.ReceiveTimeout = 5000;
            var stream = client.GetStream();
            try
            {
                stream.Write(bytes);
                client.Client.Shutdown(SocketShutdown.Send); // nothing more comes: the server must decide now
            }
            catch (IOException) { }
            var received = new MemoryStream();
            var buffer = new byte[4096];
            try
            {
                int n;
                while ((n = stream.Read(buffer)) > 0) received.Write(buffer, 0, n);
            }
            catch (IOException) { }
            if (received.Length == 0) return; // an incomplete request ends without an answer
            Assert.True(RawHttp.TryParse(received.ToArray(), out var r), Encoding.Latin1.GetString(received.ToArray()));
            // 505: a garbled HTTP version is a protocol refusal, not a failure of the service.
            Assert.True(r!.Status is (>= 200 and < 500) or 505, $"{r.Status} {r.RawBody}");
            if (r.Status >= 400) HostileInputTests.AssertAwsShaped(r, r.Status);
        }, time: Seconds, threads: 2, print: b => Encoding.Latin1.GetString(b));
    }

    [Fact]
    public void The_SigV4_header_parser_answers_any_header_with_a_400_or_403()
    {
        var fixture = JsSdkSignedRequests.Load();
        var verifier = JsSdkSignedRequests.Verifier(fixture);
        var seed = fixture["requests"]!.AsArray()[0]!;
        var headers = seed["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>());
        string authorization = headers.First(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value;
        string date = headers.First(h => h.Key.Equals("x-amz-date", StringComparison.OrdinalIgnoreCase)).Value;
        string rawTarget = seed["rawTarget"]!.GetValue<string>();
        Gen.Select(Gen.OneOf(Mutations.Of(authorization), Mutations.JsonString), Gen.OneOf(Gen.Const(date), Mutations.Of(date)),
            Gen.OneOf(Gen.Const(rawTarget), Mutations.Of(rawTarget))).Sample(c =>
        {
            var ctx = JsSdkSignedRequests.Context("POST", c.Item3, headers);
            ctx.Request.Headers.Authorization = c.Item1;
            ctx.Request.Headers["x-amz-date"] = c.Item2;
            var error = Record.Exception(() => verifier.Verify(ctx, Encoding.UTF8.GetBytes(seed["body"]!.GetValue<string>())));
            if (error == null) return;
            var api = Assert.IsType<ApiException>(error);
            Assert.True(api.Status is 400 or 403, $"{api.Status} {api.Code}");
        }, time: Seconds, print: c => $"{c.Item1} | {c.Item2} | {c.Item3}");
    }

    private static readonly string[] FrameMembers = ["Action", "RequestId", "Content", "Attributes", "Id", "UserId", "Reason"];

    private static readonly string[] ValidFrames =
    [
        """{"Action":"SEND_MESSAGE","RequestId":"r1","Content":"hello","Attributes":{"a":"b"}}""",
        """{"Action":"DELETE_MESSAGE","RequestId":"r2","Id":"AbCdEfGhIjKl","Reason":"spam"}""",
        """{"Action":"DISCONNECT_USER","RequestId":"r3","UserId":"someone-else","Reason":"bye"}""",
    ];

    private static readonly Gen<string> Frames = Gen.OneOf(
        Mutations.JsonObject(FrameMembers),
        Gen.Select(Gen.OneOf("SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER"), Mutations.JsonObject(FrameMembers))
            .Select(t => t.Item2.Length > 2 ? $"{{\"Action\":\"{t.Item1}\",{t.Item2[1..]}" : $"{{\"Action\":\"{t.Item1}\"}}"),
        Mutations.Of(ValidFrames));

    [Fact]
    public void The_frame_parser_answers_anything_with_a_request_or_a_400()
    {
        Frames.Sample(text =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool parsed = ClientFrames.TryParse(bytes, out var request, out var rejection);
            AssertBoundedAllocation(GC.GetAllocatedBytesForCurrentThread() - before, bytes.Length);
            if (parsed) Assert.NotNull(request);
            else Assert.Equal(400, rejection!.ErrorCode);
        }, time: Seconds, print: t => t);
    }

    [Fact]
    public async Task A_connection_answers_every_random_frame_and_stays_open()
    {
        await using var service = await Messaging.ChatTestService.StartAsync();
        string room = await service.CreateRoomAsync(rate: 100);
        await using var client = await service.ConnectAsync(room, "fuzzer", "SEND_MESSAGE", "DELETE_MESSAGE", "DISCONNECT_USER");
        Frames.Sample(text =>
        {
            client.SendTextAsync(text).GetAwaiter().GetResult();
            var frame = client.ReceiveAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            Assert.NotNull(frame);
            string type = frame["Type"]!.GetValue<string>();
            if (type == "ERROR") Assert.Contains(frame["ErrorCode"]!.GetValue<int>(), new[] { 400, 403, 404, 406, 413, 429 });
            else Assert.Contains(type, new[] { "MESSAGE", "EVENT" });
        }, time: Seconds, threads: 1, print: t => t);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, client.Socket.State);
    }
}
