using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IvsChat.Emulator.Tests.Support;

namespace IvsChat.Emulator.Tests;

/// <summary>The service keeps its own validation (an independent oracle), checked here against AWS's service
/// model (reference/model at the repo root): for every member of every POST /{Operation} request with a range,
/// length or count, a value just past a limit is a ValidationException naming the member, and a value at the limit
/// passes validation.</summary>
public class ServiceModelLimitsTests : IAsyncLifetime
{
    private const string RoomArn = "arn:aws:ivschat:us-east-1:123456789012:room/abcdefghijkl";
    private const string LogArn = "arn:aws:ivschat:us-east-1:123456789012:logging-configuration/abcdefghijkl";
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:review";

    // Shapes whose values at the limit cannot pass for another reason: opaque page tokens are signed by the service.
    private static readonly HashSet<string> NoValueAtLimit = ["PaginationToken"];

    private TestEmulator _emu = null!;
    private JsonObject _shapes = null!;

    public async Task InitializeAsync()
    {
        _emu = await TestEmulator.StartAsync();
        _shapes = LoadModel()["shapes"]!.AsObject();
    }

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Every_limit_in_the_model_is_enforced_where_the_model_puts_it()
    {
        var model = LoadModel();
        var problems = new List<string>();
        int checkedCases = 0;
        foreach (var (operation, node) in model["operations"]!.AsObject())
        {
            var http = node!["http"]!;
            if (http["method"]!.GetValue<string>() != "POST" || http["requestUri"]!.GetValue<string>() != "/" + operation) continue;
            string inputShape = node["input"]!["shape"]!.GetValue<string>();
            foreach (var (path, shapeName) in Leaves(inputShape, []))
                foreach (var (value, mustFail, label) in Cases(shapeName))
                {
                    var body = ValidBody(inputShape);
                    Set(body, inputShape, path, value);
                    var r = await _emu.PostRawAsync(operation, body.ToJsonString());
                    string field = string.Join('.', path);
                    bool refused = r.Status == 400 && r.ErrorType == "ValidationException" && r.FieldNames.Contains(field);
                    checkedCases++;
                    if (mustFail && !refused)
                        problems.Add($"{operation} {field} {label}: expected ValidationException naming {field}, got {r.Status} {r.ErrorType} {r.RawBody}");
                    if (!mustFail && r.ErrorType == "ValidationException")
                        problems.Add($"{operation} {field} {label}: expected to pass validation, got {r.RawBody}");
                }
        }
        Assert.True(checkedCases > 40, $"only {checkedCases} cases: is the model loaded?");
        Assert.Empty(problems);
    }

    /// <summary>Members (at any depth of structures) whose shape has a limit, with their JSON path.</summary>
    private IEnumerable<(string[] Path, string Shape)> Leaves(string structure, string[] prefix)
    {
        foreach (var (member, spec) in _shapes[structure]!["members"]!.AsObject())
        {
            if (spec!["location"] != null) continue; // URI or header members are not in the body
            string shapeName = spec["shape"]!.GetValue<string>();
            var shape = _shapes[shapeName]!;
            string[] path = [.. prefix, member];
            if (shape["type"]!.GetValue<string>() == "structure") { foreach (var leaf in Leaves(shapeName, path)) yield return leaf; }
            else if (shape["min"] != null || shape["max"] != null) yield return (path, shapeName);
        }
    }

    /// <summary>Values just past each limit (must fail) and at it (must pass validation).</summary>
    private IEnumerable<(JsonNode Value, bool MustFail, string Label)> Cases(string shapeName)
    {
        var shape = _shapes[shapeName]!;
        string type = shape["type"]!.GetValue<string>();
        int? min = shape["min"]?.GetValue<int>(), max = shape["max"]?.GetValue<int>();
        bool atLimit = !NoValueAtLimit.Contains(shapeName);
        switch (type)
        {
            case "integer":
                if (max is int hi) { yield return (hi + 1, true, $"= {hi + 1}"); if (atLimit) yield return (hi, false, $"= {hi}"); }
                if (min is int lo) { yield return (lo - 1, true, $"= {lo - 1}"); if (atLimit) yield return (lo, false, $"= {lo}"); }
                break;
            case "string":
                char fill = FillCharacter(shape);
                if (max is int longest)
                {
                    yield return (new string(fill, longest + 1), true, $"of length {longest + 1}");
                    if (atLimit && fill != '\0' && longest > 0) yield return (new string(fill, longest), false, $"of length {longest}");
                }
                if (min is int shortest && shortest > 0)
                {
                    yield return (new string(fill == '\0' ? 'a' : fill, shortest - 1), true, $"of length {shortest - 1}");
                    if (atLimit && fill != '\0') yield return (new string(fill, shortest), false, $"of length {shortest}");
                }
                break;
            case "list" when max is int most:
                yield return (new JsonArray([.. Enumerable.Range(0, most + 1).Select(i => ListItem(shape["member"]!["shape"]!.GetValue<string>(), i))]),
                    true, $"with {most + 1} items");
                break;
            case "map" when max is int most:
                var map = new JsonObject();
                for (int i = 0; i <= most; i++) map["k" + i] = "v";
                yield return (map, true, $"with {most + 1} entries");
                break;
        }
    }

    /// <summary>A character that repeated satisfies the shape's pattern ('\0' when no single character does).</summary>
    private static char FillCharacter(JsonNode shape)
    {
        string? pattern = shape["pattern"]?.GetValue<string>();
        if (pattern == null) return 'a';
        foreach (char c in "aA0")
            if (Regex.IsMatch(new string(c, 12), "^(?:" + pattern + ")$")) return c;
        return '\0';
    }

    private JsonNode ListItem(string memberShape, int i) => memberShape switch
    {
        "LoggingConfigurationIdentifier" => LogArn,
        "ChatTokenCapability" => "SEND_MESSAGE",
        _ => "k" + i,
    };

    /// <summary>A request that passes validation: every required member, and one branch of each union.</summary>
    private JsonObject ValidBody(string structure)
    {
        var shape = _shapes[structure]!;
        var body = new JsonObject();
        var required = shape["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
        if (shape["union"]?.GetValue<bool>() == true) required = [shape["members"]!.AsObject().First().Key];
        foreach (var member in required)
        {
            string memberShape = shape["members"]![member]!["shape"]!.GetValue<string>();
            body[member] = ValidValue(memberShape);
        }
        return body;
    }

    private JsonNode ValidValue(string shapeName) => _shapes[shapeName]!["type"]!.GetValue<string>() switch
    {
        "structure" => ValidBody(shapeName),
        "integer" => _shapes[shapeName]!["min"]?.GetValue<int>() ?? 1,
        _ => shapeName switch
        {
            "RoomIdentifier" or "RoomArn" or "ResourceArn" => RoomArn,
            "LoggingConfigurationIdentifier" => LogArn,
            "LambdaArn" => Lambda,
            "ID" or "MessageID" => "abcdefghijkl",
            "BucketName" => "my-bucket",
            _ => _shapes[shapeName]!["pattern"] == null
                ? "v"
                : new string(FillCharacter(_shapes[shapeName]!), Math.Max(1, _shapes[shapeName]!["min"]?.GetValue<int>() ?? 1)),
        },
    };

    /// <summary>Sets the member at <paramref name="path"/>; inside a union, the branch set is the only one.</summary>
    private void Set(JsonObject body, string structure, string[] path, JsonNode value)
    {
        var shape = _shapes[structure]!;
        string member = path[0];
        if (path.Length == 1) { body[member] = value; return; }
        string memberShape = shape["members"]![member]!["shape"]!.GetValue<string>();
        if (shape["union"]?.GetValue<bool>() == true) foreach (var other in body.Select(p => p.Key).ToList()) if (other != member) body.Remove(other);
        if (body[member] is not JsonObject inner) body[member] = inner = ValidBody(memberShape);
        Set(inner, memberShape, path[1..], value);
    }

    private static JsonNode LoadModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "reference", "model", "ivschat-2020-07-14.service-2.json");
            if (File.Exists(path)) return JsonNode.Parse(File.ReadAllText(path))!;
        }
        throw new FileNotFoundException("reference/model/ivschat-2020-07-14.service-2.json not found above " + AppContext.BaseDirectory);
    }
}
