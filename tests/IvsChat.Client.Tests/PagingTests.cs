using System.Net;
using System.Text.Json;
using IvsChat.Client.Model;

namespace IvsChat.Client.Tests;

/// <summary>The paginated listings request the next page only when the consumer asks for more.</summary>
public class PagingTests
{
    // Pages of two rooms; the token says which page comes next.
    private static HttpResponseMessage RoomPage(RecordedRequest request, int pages)
    {
        var token = JsonDocument.Parse(request.Body!).RootElement.TryGetProperty("nextToken", out var t) ? t.GetString() : null;
        var page = token == null ? 0 : int.Parse(token.Substring(1));
        var next = page + 1 < pages ? $",\"nextToken\":\"p{page + 1}\"" : "";
        return RecordingHandler.Json(HttpStatusCode.OK,
            $"{{\"rooms\":[{{\"id\":\"r{page}a\"}},{{\"id\":\"r{page}b\"}}]{next}}}");
    }

    [Fact]
    public async Task Walks_every_page_following_next_tokens()
    {
        var handler = new RecordingHandler((r, _) => RoomPage(r, pages: 3));
        using var client = TestClients.Create(handler);
        var ids = new List<string>();
        await foreach (var room in client.ListRoomsPaginatedAsync(new ListRoomsRequest { MaxResults = 2, Name = "x" }))
            ids.Add(room.Id!);
        Assert.Equal(new[] { "r0a", "r0b", "r1a", "r1b", "r2a", "r2b" }, ids);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("""{"name":"x","nextToken":"p1","maxResults":2}""", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Stops_requesting_when_the_consumer_stops()
    {
        var handler = new RecordingHandler((r, _) => RoomPage(r, pages: 100));
        using var client = TestClients.Create(handler);
        var ids = new List<string>();
        await foreach (var room in client.ListRoomsPaginatedAsync(new ListRoomsRequest()))
        {
            ids.Add(room.Id!);
            if (ids.Count == 3) break;
        }
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Nothing_is_requested_until_enumeration_starts()
    {
        var handler = new RecordingHandler((r, _) => RoomPage(r, pages: 2));
        using var client = TestClients.Create(handler);
        var rooms = client.ListRoomsPaginatedAsync(new ListRoomsRequest());
        Assert.Empty(handler.Requests);
        await using var e = rooms.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Does_not_change_the_callers_request()
    {
        var handler = new RecordingHandler((r, _) => RoomPage(r, pages: 2));
        using var client = TestClients.Create(handler);
        var request = new ListRoomsRequest();
        await foreach (var _ in client.ListRoomsPaginatedAsync(request)) { }
        Assert.Null(request.NextToken);
    }

    [Fact]
    public async Task Logging_configurations_page_lazily_too()
    {
        var handler = new RecordingHandler((r, n) => RecordingHandler.Json(HttpStatusCode.OK,
            $"{{\"loggingConfigurations\":[{{\"id\":\"l{n}\"}}],\"nextToken\":\"t{n}\"}}"));
        using var client = TestClients.Create(handler);
        var ids = new List<string>();
        await foreach (var item in client.ListLoggingConfigurationsPaginatedAsync(new ListLoggingConfigurationsRequest { NextToken = "start" }))
        {
            ids.Add(item.Id!);
            if (ids.Count == 2) break;
        }
        Assert.Equal(new[] { "l1", "l2" }, ids);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("\"nextToken\":\"start\"", handler.Requests[0].Body);
        Assert.Contains("\"nextToken\":\"t1\"", handler.Requests[1].Body);
    }

    [Fact]
    public async Task Repeated_token_ends_the_listing()
    {
        var handler = new RecordingHandler((r, n) => RecordingHandler.Json(HttpStatusCode.OK, """{"rooms":[{"id":"a"}],"nextToken":"same"}"""));
        using var client = TestClients.Create(handler);
        var count = 0;
        await foreach (var _ in client.ListRoomsPaginatedAsync(new ListRoomsRequest())) count++;
        Assert.Equal(2, count);
        Assert.Equal(2, handler.Requests.Count);
    }
}
