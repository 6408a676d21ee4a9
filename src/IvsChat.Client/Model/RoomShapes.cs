using System;
using System.Collections.Generic;

// The room operations' shapes (see Shapes.cs for the conventions).
namespace IvsChat.Client.Model;

/// <summary>The members shared by CreateRoom, GetRoom and UpdateRoom responses.</summary>
public abstract class RoomDescription : IvsChatResponse
{
    /// <summary>Room ARN, assigned by the service.</summary>
    public string? Arn { get; set; }
    /// <summary>Room id: the last part of the ARN (12 characters).</summary>
    public string? Id { get; set; }
    /// <summary>Room name, not necessarily unique (0-128 characters: letters, digits, '-' and '_').</summary>
    public string? Name { get; set; }
    /// <summary>When the room was created (UTC).</summary>
    public DateTime? CreateTime { get; set; }
    /// <summary>When the room was last updated (UTC).</summary>
    public DateTime? UpdateTime { get; set; }
    /// <summary>Most messages per second the room accepts from all its clients together, 1-100 (default 10).</summary>
    public int? MaximumMessageRatePerSecond { get; set; }
    /// <summary>Most characters in one message, counted in code points, not bytes: 1-500 (default 500).</summary>
    public int? MaximumMessageLength { get; set; }
    /// <summary>The Lambda function that reviews the room's messages, if any.</summary>
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    /// <summary>The room's tags, key to value (at most 50).</summary>
    public Dictionary<string, string>? Tags { get; set; }
    /// <summary>ARNs of the logging configurations that record the room's messages (at most 3).</summary>
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}

/// <summary>CreateRoom input; every member is optional.</summary>
public sealed class CreateRoomRequest
{
    /// <inheritdoc cref="RoomDescription.Name"/>
    public string? Name { get; set; }
    /// <inheritdoc cref="RoomDescription.MaximumMessageRatePerSecond"/>
    public int? MaximumMessageRatePerSecond { get; set; }
    /// <inheritdoc cref="RoomDescription.MaximumMessageLength"/>
    public int? MaximumMessageLength { get; set; }
    /// <summary>A Lambda function that reviews each message before the room gets it.</summary>
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    /// <summary>Tags to attach, key to value (at most 50; keys 1-128 and values 0-256 characters).</summary>
    public Dictionary<string, string>? Tags { get; set; }
    /// <inheritdoc cref="RoomDescription.LoggingConfigurationIdentifiers"/>
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}

/// <summary>CreateRoom output: the new room.</summary>
public sealed class CreateRoomResponse : RoomDescription { }

/// <summary>GetRoom input.</summary>
public sealed class GetRoomRequest
{
    /// <summary>ARN of the room (required).</summary>
    public string? Identifier { get; set; }
}

/// <summary>GetRoom output: the room.</summary>
public sealed class GetRoomResponse : RoomDescription { }

/// <summary>UpdateRoom input: members left null keep their current value.</summary>
public sealed class UpdateRoomRequest
{
    /// <summary>ARN of the room to update (required).</summary>
    public string? Identifier { get; set; }
    /// <inheritdoc cref="RoomDescription.Name"/>
    public string? Name { get; set; }
    /// <inheritdoc cref="RoomDescription.MaximumMessageRatePerSecond"/>
    public int? MaximumMessageRatePerSecond { get; set; }
    /// <inheritdoc cref="RoomDescription.MaximumMessageLength"/>
    public int? MaximumMessageLength { get; set; }
    /// <summary>The new review handler; a Uri of "" removes the room's handler.</summary>
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    /// <summary>The logging configurations to attach in place of the current ones (at most 3 ARNs).</summary>
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}

/// <summary>UpdateRoom output: the room as updated.</summary>
public sealed class UpdateRoomResponse : RoomDescription { }

/// <summary>DeleteRoom input.</summary>
public sealed class DeleteRoomRequest
{
    /// <summary>ARN of the room to delete (required).</summary>
    public string? Identifier { get; set; }
}

/// <summary>DeleteRoom output (no members; HTTP 204).</summary>
public sealed class DeleteRoomResponse : IvsChatResponse { }

/// <summary>ListRooms input: the filters (all optional) and one page's bounds.</summary>
public sealed class ListRoomsRequest
{
    /// <summary>Only rooms with this name.</summary>
    public string? Name { get; set; }
    /// <summary>Where the page starts: the previous page's NextToken (at most 1024 characters).</summary>
    public string? NextToken { get; set; }
    /// <summary>Most rooms in one page, 1-50 (default 50).</summary>
    public int? MaxResults { get; set; }
    /// <summary>Only rooms reviewed by this Lambda ARN.</summary>
    public string? MessageReviewHandlerUri { get; set; }
    /// <summary>Only rooms recorded by this logging configuration (ARN).</summary>
    public string? LoggingConfigurationIdentifier { get; set; }
}

/// <summary>One room of a ListRooms page: no message limits (GetRoom has them).</summary>
public sealed class RoomSummary
{
    /// <inheritdoc cref="RoomDescription.Arn"/>
    public string? Arn { get; set; }
    /// <inheritdoc cref="RoomDescription.Id"/>
    public string? Id { get; set; }
    /// <inheritdoc cref="RoomDescription.Name"/>
    public string? Name { get; set; }
    /// <inheritdoc cref="RoomDescription.MessageReviewHandler"/>
    public MessageReviewHandler? MessageReviewHandler { get; set; }
    /// <inheritdoc cref="RoomDescription.CreateTime"/>
    public DateTime? CreateTime { get; set; }
    /// <inheritdoc cref="RoomDescription.UpdateTime"/>
    public DateTime? UpdateTime { get; set; }
    /// <inheritdoc cref="RoomDescription.Tags"/>
    public Dictionary<string, string>? Tags { get; set; }
    /// <inheritdoc cref="RoomDescription.LoggingConfigurationIdentifiers"/>
    public List<string>? LoggingConfigurationIdentifiers { get; set; }
}

/// <summary>ListRooms output: one page of rooms, the most recently updated first.</summary>
public sealed class ListRoomsResponse : IvsChatResponse
{
    /// <summary>The page's rooms.</summary>
    public List<RoomSummary> Rooms { get; set; } = new List<RoomSummary>();
    /// <summary>Set when more rooms follow: the next request's NextToken.</summary>
    public string? NextToken { get; set; }
}
