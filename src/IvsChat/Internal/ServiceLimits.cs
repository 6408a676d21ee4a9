namespace IvsChat.Internal;

/// <summary>The limits the cmdlets validate, copied from AWS's service model
/// (reference/model/ivschat-2020-07-14.service-2.json), named after the model's shapes. Patterns are the model's
/// text, matched against the whole value. tests/Pester/ServiceModel.Tests.ps1 reads the model and fails when a
/// cmdlet's validation differs from it.</summary>
internal static class ServiceLimits
{
    public const string RoomNamePattern = "[a-zA-Z0-9-_]*";
    public const int RoomNameMin = 0, RoomNameMax = 128;
    public const string LoggingConfigurationNamePattern = "[a-zA-Z0-9-_]*";
    public const int LoggingConfigurationNameMin = 0, LoggingConfigurationNameMax = 128;
    public const int RoomMaxMessageRatePerSecondMin = 1, RoomMaxMessageRatePerSecondMax = 100;
    public const int RoomMaxMessageLengthMin = 1, RoomMaxMessageLengthMax = 500;
    public const string LambdaArnPattern = "$|^arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:.+.*";
    public const int LambdaArnMin = 0, LambdaArnMax = 170;
    public const int LoggingConfigurationIdentifierListMin = 0, LoggingConfigurationIdentifierListMax = 3;
    public const string BucketNamePattern = "[a-z0-9-.]+";
    public const int BucketNameMin = 3, BucketNameMax = 63;
    public const string LogGroupNamePattern = @"[\.\-_/#A-Za-z0-9]+";
    public const int LogGroupNameMin = 1, LogGroupNameMax = 512;
    public const string DeliveryStreamNamePattern = "[a-zA-Z0-9_.-]+";
    public const int DeliveryStreamNameMin = 1, DeliveryStreamNameMax = 64;
    public const int UserIdMin = 1, UserIdMax = 128;
    public const int SessionDurationInMinutesMin = 1, SessionDurationInMinutesMax = 180;
    public const int EventNameMin = 1, EventNameMax = 100;
    public const int ReasonMin = 1, ReasonMax = 256;
    public const string MessageIdPattern = "[a-zA-Z0-9]+";
    public const int MessageIdMin = 12, MessageIdMax = 12;
    public const int TagKeyMin = 1, TagKeyMax = 128;
    public const int TagValueMin = 0, TagValueMax = 256;
    public const int TagsMax = 50;
    public const int TagKeyListMax = 50;
    // Not in the model: the IVS Chat quota on token and event attributes (keys and values, UTF-8).
    public const int AttributesMaxBytes = 1024;
}
