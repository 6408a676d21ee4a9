using System;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IvsChat.Internal;

/// <summary>Base of the model rules: each element of an array is checked; null passes, because a piped object's
/// null property (a room without a review handler, a listing without limits) means "not given", as an absent
/// parameter does.</summary>
public abstract class ValidateModelAttribute : ValidateArgumentsAttribute
{
    protected sealed override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject p ? p.BaseObject : arguments;
        if (value == null) return;
        if (value is IEnumerable items && !(value is string))
        {
            foreach (var item in items) if ((item is PSObject pi ? pi.BaseObject : item) is object element) ValidateElement(element);
            return;
        }
        ValidateElement(value);
    }

    /// <summary>Throws ValidationMetadataException, naming the rule, when <paramref name="element"/> breaks it.</summary>
    protected abstract void ValidateElement(object element);
}

/// <summary>Validates a string (or each string of an array) against a model rule, with a message that names
/// the rule. (ValidatePattern has no custom message in Windows PowerShell 5.1.)</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateModelStringAttribute : ValidateModelAttribute
{
    private Regex? _regex;
    private readonly string _rule;
    private readonly bool _echoValue;

    /// <param name="pattern">The service model's pattern; the whole value must match it.</param>
    /// <param name="min">Minimum length.</param>
    /// <param name="max">Maximum length.</param>
    /// <param name="rule">The rule in words, with {0} and {1} for the lengths, e.g. "a room name is {0}-{1} letters, digits, '-' or '_'".</param>
    /// <param name="echoValue">False for values that must not appear in error messages.</param>
    public ValidateModelStringAttribute(string pattern, int min, int max, string rule, bool echoValue = true)
    {
        Pattern = pattern;
        MinLength = min;
        MaxLength = max;
        _rule = string.Format(System.Globalization.CultureInfo.InvariantCulture, rule, min, max);
        _echoValue = echoValue;
    }

    /// <summary>The model's pattern (checked against the model by the tests).</summary>
    public string Pattern { get; }
    public int MinLength { get; }
    public int MaxLength { get; }

    // Built when a value is first checked: PowerShell creates every parameter's attributes at a cmdlet's first call,
    // and building them there cost that call about 2 ms (first-call profile), mostly for parameters not given.
    private Regex Regex => _regex ??= new Regex("^(?:" + Pattern + ")$", RegexOptions.CultureInvariant);

    protected override void ValidateElement(object element)
    {
        var s = element as string ?? element.ToString() ?? "";
        if (s.Length < MinLength || s.Length > MaxLength || !Regex.IsMatch(s))
            throw new ValidationMetadataException((_echoValue ? "'" + s + "' is not valid: " : "The value is not valid: ") + _rule + ".");
    }
}

/// <summary>ValidateRange for the model's integer ranges (null passes, see <see cref="ValidateModelAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateModelRangeAttribute : ValidateModelAttribute
{
    public ValidateModelRangeAttribute(int min, int max) { MinRange = min; MaxRange = max; }

    public int MinRange { get; }
    public int MaxRange { get; }

    protected override void ValidateElement(object element)
    {
        long n;
        try { n = Convert.ToInt64(element, System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
        {
            throw new ValidationMetadataException("'" + element + "' is not a whole number from " + MinRange + " to " + MaxRange + ".");
        }
        if (n < MinRange || n > MaxRange)
            throw new ValidationMetadataException(n + " is out of range: the value must be from " + MinRange + " to " + MaxRange + ".");
    }
}

/// <summary>ValidateSet for the model's enums, case-insensitive (null passes, see <see cref="ValidateModelAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateModelEnumAttribute : ValidateModelAttribute
{
    public ValidateModelEnumAttribute(params string[] validValues) { ValidValues = validValues; }

    public string[] ValidValues { get; }

    protected override void ValidateElement(object element)
    {
        var s = element.ToString() ?? "";
        foreach (var v in ValidValues) if (string.Equals(v, s, StringComparison.OrdinalIgnoreCase)) return;
        throw new ValidationMetadataException("'" + s + "' is not one of: " + string.Join(", ", ValidValues) + ".");
    }
}

/// <summary>Validates a tag hashtable against the model: at most 50 tags, keys 1-128 characters not starting
/// with 'aws:', values 0-256.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateTagsAttribute : ValidateArgumentsAttribute
{
    /// <summary>Refuse an empty map: AWS accepts one (the model allows 0 tags) but adding nothing is a mistake.</summary>
    public bool AtLeastOne { get; set; }

    // Public for the tests that compare them with the model.
    public int MaxCount => ServiceLimits.TagsMax;
    public int KeyMinLength => ServiceLimits.TagKeyMin;
    public int KeyMaxLength => ServiceLimits.TagKeyMax;
    public int ValueMaxLength => ServiceLimits.TagValueMax;

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject p ? p.BaseObject : arguments;
        if (!(value is IDictionary tags)) throw new ValidationMetadataException("Tags must be a hashtable, e.g. @{ env = 'prod' }.");
        if (AtLeastOne && tags.Count == 0)
            throw new ValidationMetadataException("Give at least one tag, e.g. @{ env = 'prod' }: an empty hashtable would add nothing.");
        if (tags.Count > MaxCount) throw new ValidationMetadataException("A resource has at most " + MaxCount + " tags; " + tags.Count + " were given.");
        foreach (DictionaryEntry e in tags)
        {
            var key = e.Key?.ToString() ?? "";
            var val = e.Value is PSObject pv ? pv.BaseObject?.ToString() : e.Value?.ToString();
            if (key.Length < KeyMinLength || key.Length > KeyMaxLength)
                throw new ValidationMetadataException("Tag key '" + key + "' is not valid: tag keys are " + KeyMinLength + "-" + KeyMaxLength + " characters.");
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                throw new ValidationMetadataException("Tag key '" + key + "' is not valid: keys starting with 'aws:' are reserved for AWS.");
            if ((val ?? "").Length > ValueMaxLength)
                throw new ValidationMetadataException("The value of tag '" + key + "' is not valid: tag values are 0-" + ValueMaxLength + " characters.");
        }
    }
}

/// <summary>Refuses wildcard characters in a value matched exactly (e.g. tag keys to remove), pointing to the Get-
/// cmdlet that resolves the pattern.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateNoWildcardsAttribute : ValidateEnumeratedArgumentsAttribute
{
    private readonly string _hint;

    /// <param name="hint">How to select by pattern instead, e.g. "Get-IvsChatTag -Key '{0}' | Remove-IvsChatTag".</param>
    public ValidateNoWildcardsAttribute(string hint) { _hint = hint; }

    protected override void ValidateElement(object element)
    {
        var s = (element is PSObject p ? p.BaseObject : element)?.ToString() ?? "";
        if (WildcardPattern.ContainsWildcardCharacters(s))
            throw new ValidationMetadataException("'" + s + "' contains wildcard characters, but this parameter matches exactly. Select by pattern with: " +
                string.Format(System.Globalization.CultureInfo.InvariantCulture, _hint, s) + ".");
    }
}

/// <summary>Validates an attribute hashtable by total size without ever echoing keys or values (token attributes are secret).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateAttributesAttribute : ValidateArgumentsAttribute
{
    private readonly int _maxBytes;
    public ValidateAttributesAttribute(int maxBytes) { _maxBytes = maxBytes; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject p ? p.BaseObject : arguments;
        if (!(value is IDictionary attributes)) throw new ValidationMetadataException("Attributes must be a hashtable of strings, e.g. @{ color = 'blue' }.");
        var total = 0;
        foreach (DictionaryEntry e in attributes)
        {
            total += System.Text.Encoding.UTF8.GetByteCount(e.Key?.ToString() ?? "");
            total += System.Text.Encoding.UTF8.GetByteCount((e.Value is PSObject pv ? pv.BaseObject : e.Value)?.ToString() ?? "");
        }
        if (total > _maxBytes)
            throw new ValidationMetadataException(
                "Attributes are at most " + _maxBytes + " bytes in total (keys and values, UTF-8); " + total + " were given.");
    }
}

/// <summary>The model's rules in words, for the validation attributes ({0}-{1}: the lengths from <see cref="ServiceLimits"/>).</summary>
internal static class Rules
{
    public const string RoomName = "a room name is {0}-{1} characters of letters, digits, '-' and '_'";
    public const string LoggingConfigurationName = "a logging configuration name is {0}-{1} characters of letters, digits, '-' and '_'";
    public const string LambdaArn = "a message review handler is a Lambda function ARN (arn:aws:lambda:<region>:<12-digit account>:function:<name>) " +
        "of at most {1} characters, or '' to remove it";
    public const string BucketName = "an S3 bucket name is {0}-{1} characters of lowercase letters, digits, '-' and '.'";
    public const string LogGroupName = "a CloudWatch Logs group name is {0}-{1} characters of letters, digits and . - _ / #";
    public const string DeliveryStreamName = "a Firehose delivery stream name is {0}-{1} characters of letters, digits, '_', '.' and '-'";
    public const string MessageId = "a message id is exactly {1} letters or digits";
}
