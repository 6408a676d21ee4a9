using System;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IvsChat.Internal
{
    /// <summary>Validates a string (or each string of an array) against a model rule, with a message that names
    /// the rule. (ValidatePattern has no custom message in Windows PowerShell 5.1.)</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateModelStringAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly Regex _pattern;
        private readonly int _min;
        private readonly int _max;
        private readonly string _rule;
        private readonly bool _echoValue;

        /// <param name="pattern">Anchored regular expression the whole value must match.</param>
        /// <param name="min">Minimum length.</param>
        /// <param name="max">Maximum length.</param>
        /// <param name="rule">The rule in words, e.g. "a room name is 0-128 letters, digits, '-' or '_'".</param>
        /// <param name="echoValue">False for values that must not appear in error messages.</param>
        public ValidateModelStringAttribute(string pattern, int min, int max, string rule, bool echoValue = true)
        {
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            _min = min;
            _max = max;
            _rule = rule;
            _echoValue = echoValue;
        }

        protected override void ValidateElement(object element)
        {
            var value = element is PSObject p ? p.BaseObject : element;
            var s = value as string ?? value?.ToString() ?? "";
            if (s.Length < _min || s.Length > _max || !_pattern.IsMatch(s))
                throw new ValidationMetadataException((_echoValue ? "'" + s + "' is not valid: " : "The value is not valid: ") + _rule + ".");
        }
    }

    /// <summary>Validates a tag hashtable: at most 50 tags, keys 1-128 characters not starting with 'aws:', values 0-256.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTagsAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Refuse an empty map: AWS accepts one (the model allows 0 tags) but adding nothing is a mistake.</summary>
        public bool AtLeastOne { get; set; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject p ? p.BaseObject : arguments;
            if (!(value is IDictionary tags)) throw new ValidationMetadataException("Tags must be a hashtable, e.g. @{ env = 'prod' }.");
            if (AtLeastOne && tags.Count == 0) throw new ValidationMetadataException("Give at least one tag, e.g. @{ env = 'prod' }: an empty hashtable would add nothing.");
            if (tags.Count > 50) throw new ValidationMetadataException("A resource has at most 50 tags; " + tags.Count + " were given.");
            foreach (DictionaryEntry e in tags)
            {
                var key = e.Key?.ToString() ?? "";
                var val = e.Value is PSObject pv ? pv.BaseObject?.ToString() : e.Value?.ToString();
                if (key.Length < 1 || key.Length > 128) throw new ValidationMetadataException("Tag key '" + key + "' is not valid: tag keys are 1-128 characters.");
                if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)) throw new ValidationMetadataException("Tag key '" + key + "' is not valid: keys starting with 'aws:' are reserved for AWS.");
                if ((val ?? "").Length > 256) throw new ValidationMetadataException("The value of tag '" + key + "' is not valid: tag values are 0-256 characters.");
            }
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
            if (total > _maxBytes) throw new ValidationMetadataException("Attributes are at most " + _maxBytes + " bytes in total (keys and values, UTF-8); " + total + " were given.");
        }
    }

    /// <summary>The model's rules in one place, for the validation attributes.</summary>
    internal static class Rules
    {
        public const string ResourceNamePattern = "^[a-zA-Z0-9-_]*$";
        public const string RoomNameRule = "a room name is 0-128 characters of letters, digits, '-' and '_'";
        public const string LoggingConfigurationNameRule = "a logging configuration name is 0-128 characters of letters, digits, '-' and '_'";
        public const string LambdaArnPattern = @"^(|arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:.+)$";
        public const string LambdaArnRule = "a message review handler is a Lambda function ARN (arn:aws:lambda:<region>:<12-digit account>:function:<name>) of at most 170 characters, or '' to remove it";
        public const string BucketNamePattern = "^[a-z0-9-.]+$";
        public const string BucketNameRule = "an S3 bucket name is 3-63 characters of lowercase letters, digits, '-' and '.'";
        public const string LogGroupNamePattern = @"^[\.\-_/#A-Za-z0-9]+$";
        public const string LogGroupNameRule = "a CloudWatch Logs group name is 1-512 characters of letters, digits and . - _ / #";
        public const string DeliveryStreamNamePattern = "^[a-zA-Z0-9_.-]+$";
        public const string DeliveryStreamNameRule = "a Firehose delivery stream name is 1-64 characters of letters, digits, '_', '.' and '-'";
        public const string IdPattern = "^[a-zA-Z0-9]{12}$";
        public const string MessageIdRule = "a message id is exactly 12 letters or digits";
        public const string IdentifierPattern = @"^\S+$";
    }
}
