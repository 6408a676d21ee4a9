using IvsChat.Client.Model;

namespace IvsChat.Internal;

/// <summary>A logging configuration's destination, from whichever of -BucketName, -LogGroupName, -DeliveryStreamName is set.</summary>
internal static class Destinations
{
    /// <summary>The destination named by whichever one of the three parameters is set (null if none).</summary>
    public static DestinationConfiguration? From(string? bucketName, string? logGroupName, string? deliveryStreamName)
    {
        if (bucketName != null) return new DestinationConfiguration { S3 = new S3DestinationConfiguration { BucketName = bucketName } };
        if (logGroupName != null)
            return new DestinationConfiguration { CloudWatchLogs = new CloudWatchLogsDestinationConfiguration { LogGroupName = logGroupName } };
        if (deliveryStreamName != null)
            return new DestinationConfiguration { Firehose = new FirehoseDestinationConfiguration { DeliveryStreamName = deliveryStreamName } };
        return null;
    }

    public static string Describe(DestinationConfiguration d) =>
        d.S3 != null ? "S3 bucket '" + d.S3.BucketName + "'"
        : d.CloudWatchLogs != null ? "CloudWatch Logs group '" + d.CloudWatchLogs.LogGroupName + "'"
        : "Firehose delivery stream '" + d.Firehose?.DeliveryStreamName + "'";
}
