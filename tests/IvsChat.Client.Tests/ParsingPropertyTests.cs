using System.Net;
using System.Text;
using CsCheck;
using IvsChat.Client.Internal;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>Property tests over what the client parses from outside: answers, error answers and AWS profile files.
/// Random and mutated inputs must give a result or a typed error, never another exception type, and never an
/// allocation out of proportion to the input. Each runs a bounded number of samples (about a second).</summary>
public class ParsingPropertyTests
{
    private const string Secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYPROPSECRET";
    private const string LowerSecret = "lowercasesecretvalue4242";

    private static readonly string[] ErrorBodies =
    {
        """{"message":"Room not found","resourceId":"g1H2I3j4k5L6","resourceType":"ROOM"}""",
        """{"message":"bad","reason":"FIELD_VALIDATION_FAILED","fieldList":[{"name":"name","message":"too long"},{"name":"x"}]}""",
        """{"__type":"aws.protocoltests#ThrottlingException:http://x","Message":"slow \u00e9 \ud83d\ude00","limit":5}""",
        """{"code":"ServiceQuotaExceededException","message":"limit","limit":50,"resourceType":"ROOM"}""",
        """{"message":"\ud800 lone surrogate"}""",
        "[1,2,3]", "\"just a string\"", "", "<html><body>502 Bad Gateway</body></html>",
    };

    private static readonly string[] Answers =
    {
        """{"arn":"arn:aws:ivschat:us-west-2:123456789012:room/""" +
        """g1H2I3j4k5L6","id":"g1H2I3j4k5L6","name":"lobby","createTime":"2024-01-02T03:04:05.678Z","maximumMessageLength":500""" +
        ""","maximumMessageRatePerSecond":10,"tags":{"team":"chat"},"loggingConfigurationIdentifiers":["abc"]""" +
        ""","messageReviewHandler":{"uri":"arn:aws:lambda:us-west-2:123456789012:function:f","fallbackResult":"ALLOW"}}""",
        """{"rooms":[{"id":"a","name":"b","updateTime":"2024-01-02T03:04:05Z","tags":{}},{"id":"c"}],"nextToken":"next"}""",
        """{"token":"AQICAHh","tokenExpirationTime":"2030-01-01T00:00:00Z","sessionExpirationTime":"2030-01-01T00:00:00Z"}""",
        """{"tags":{"a":"b","\u00e9":"\ud83d\ude00"}}""",
        """{"loggingConfigurations":[{"id":"x","state":"ACTIVE","destinationConfiguration":{"s3":{"bucketName":"b"}}}]}""",
        """{"id":"x","destinationConfiguration":{"cloudWatchLogs":{"logGroupName":"g"}},"state":"CREATING"}""",
    };

    /// <summary>A seed with a few bytes flipped, inserted or removed (with a bias to JSON's own punctuation and to
    /// bytes that are invalid UTF-8).</summary>
    private static Gen<byte[]> Mutated(string[] seeds) =>
        Gen.Select(Gen.OneOf(seeds), Gen.Int[0, 6], Gen.Int[0, int.MaxValue].Array[6], Gen.OneOf(Gen.Byte, Gen.OneOf(
            (byte)'"', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', (byte)',', (byte)'\\', (byte)'u', (byte)'9', (byte)'-', (byte)'e',
            (byte)0xff, (byte)0xc0, (byte)0xed, (byte)0x80)).Array[6],
            (seed, count, positions, bytes) =>
            {
                var data = Encoding.UTF8.GetBytes(seed).ToList();
                for (var i = 0; i < count; i++)
                {
                    var at = data.Count == 0 ? 0 : positions[i] % data.Count;
                    switch (positions[i] % 3)
                    {
                        case 0 when data.Count > 0: data[at] = bytes[i]; break;
                        case 1: data.Insert(at, bytes[i]); break;
                        default: if (data.Count > 0) data.RemoveAt(at); break;
                    }
                }
                return data.ToArray();
            });

    private static Gen<byte[]> Bodies(string[] seeds) => Gen.Frequency(
        (3, Mutated(seeds)),
        (1, Gen.Byte.Array[0, 600]),
        (1, Gen.String.Select(s => Encoding.UTF8.GetBytes(s))));

    private static void AssertBoundedAllocation(long before, int inputBytes)
        => Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256 * 1024 + 64L * inputBytes,
            $"allocated {GC.GetAllocatedBytesForCurrentThread() - before} bytes for {inputBytes} input bytes");

    [Fact]
    public void Error_answers_always_become_a_typed_service_error()
    {
        var redactor = new Redactor(new[] { "user-secret-7" });
        Gen.Select(Gen.Int[100, 599], Bodies(ErrorBodies), Gen.OneOf(Gen.Const((string?)null), Gen.String.Select(s => (string?)s),
                Gen.OneOf((string?)"ValidationException", "ThrottlingException:http://x", "#", ":", " ")))
            .Sample((status, body, errorType) =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var error = ErrorParser.Parse(status, "Reason", errorType, "req-1", "application/json", body, redactor);
                Assert.NotNull(error.Message);
                Assert.False(string.IsNullOrWhiteSpace(error.ErrorCode));
                Assert.Equal(status, error.StatusCode);
                AssertBoundedAllocation(before, body.Length + (errorType?.Length ?? 0) * 2);
            }, iter: 10000, threads: 1);
    }

    [Fact]
    public async Task Answers_always_become_a_result_or_an_InvalidResponse_error()
    {
        var operations = new Func<IvsChatClient, Task>[]
        {
            c => c.GetRoomAsync(new GetRoomRequest { Identifier = "g1H2I3j4k5L6" }),
            c => c.ListRoomsAsync(new ListRoomsRequest()),
            c => c.CreateChatTokenAsync(new CreateChatTokenRequest { RoomIdentifier = "r", UserId = "u" }),
            c => c.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = "arn:aws:ivschat:us-west-2:123456789012:room/g1H2I3j4k5L6" }),
            c => c.ListLoggingConfigurationsAsync(new ListLoggingConfigurationsRequest()),
            c => c.GetLoggingConfigurationAsync(new GetLoggingConfigurationRequest { Identifier = "x" }),
        };
        byte[] body = Array.Empty<byte>();
        var handler = new RecordingHandler((r, n) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        using var client = TestClients.Create(handler);
        await Gen.Select(Gen.Int[0, operations.Length - 1], Bodies(Answers)).SampleAsync(async (operation, answer) =>
        {
            body = answer;
            try { await operations[operation](client); }
            catch (IvsChatServiceException error) { Assert.Equal("InvalidResponse", error.ErrorCode); }
        }, iter: 6000, threads: 1);
    }

    [Fact]
    public void Reading_an_answer_allocates_in_proportion_to_it()
    {
        Bodies(Answers).Sample(answer =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try { System.Text.Json.JsonSerializer.Deserialize(answer, IvsChatJsonContext.Wire.ListRoomsResponse); }
            catch (System.Text.Json.JsonException) { }
            AssertBoundedAllocation(before, answer.Length);
        }, iter: 6000, threads: 1);
    }

    private static readonly string[] ProfileFilesSeeds =
    {
        $"[default]\naws_access_key_id = AKID\naws_secret_access_key = {Secret}\naws_session_token = {LowerSecret}\nregion = us-west-2\n",
        "[profile dev]\nregion=eu-west-1\nservices = local\ns3 =\n  max_concurrent_requests = 10\n[services local]\nivschat =\n" +
        $"  endpoint_url = http://127.0.0.1:1\n[sso-session corp]\nsso_region = us-east-1\n# comment\n; comment\nmy_token = {LowerSecret}\n",
        $"[broken]\naws_secret_access_key: {Secret}\nsome_token {LowerSecret}\n{LowerSecret}\n[ok]\nregion = us-east-1\n",
    };

    [Fact]
    public void Profile_files_parse_or_fail_clearly_and_never_show_a_secret()
    {
        Gen.Frequency((4, Mutated(ProfileFilesSeeds).Select(b => Encoding.UTF8.GetString(b))), (1, Gen.String))
            .Sample(text =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var file = ProfileIni.Parse("/home/me/.aws/credentials", text);
                foreach (var name in new[] { "default", "broken", "ok", "dev" })
                    foreach (var section in new[] { file.Find(name), file.Find(name, "profile"), file.Find(name, "services") })
                    {
                        if (section == null) continue;
                        try { section.Checked(); }
                        catch (IvsChatConfigurationException error)
                        {
                            Assert.DoesNotContain(Secret, error.Message);
                            Assert.DoesNotContain(LowerSecret, error.Message);
                            Assert.Contains("/home/me/.aws/credentials", error.Message);
                        }
                    }
                AssertBoundedAllocation(before, text.Length * 2);
            }, iter: 10000, threads: 1);
    }

    private static readonly string[] ChatFrames =
    {
        """{"Type":"MESSAGE","Id":"m1","RequestId":"r1","Content":"hi \u00e9","Attributes":""" +
        """{"a":"b"},"Sender":{"UserId":"u1","Attributes":{"role":"x"}},"SendTime":"2024-01-02T03:04:05.678Z"}""",
        """{"Type":"EVENT","Id":"e1","EventName":"aws:DELETE_MESSAGE","Attributes":{"MessageID":"m1","Reason":"spam"},"SendTime":"2024-01-02T03:04:05Z"}""",
        """{"Type":"ERROR","Id":"x","RequestId":"r2","ErrorCode":429,"ErrorMessage":"rate exceeded"}""",
    };

    [Fact]
    public void Chat_frames_parse_to_an_item_or_a_stated_problem()
    {
        Bodies(ChatFrames).Sample(frame =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var item = IvsChat.Client.Messaging.ChatWire.Parse(frame, out var problem);
            Assert.True(item != null ^ problem != null, $"item {item}, problem {problem}");
            AssertBoundedAllocation(before, frame.Length);
        }, iter: 10000, threads: 1);
    }
}
