using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using Client = IvsChat.Client;
using Messaging = IvsChat.Client.Messaging;

namespace IvsChat.Internal;

/// <summary>The one translation from the client's exceptions (loaded privately, not nameable in a script) to the
/// module's public ones. Idempotent: public exceptions and unknown ones come back as they are.</summary>
internal static class PublicErrors
{
    /// <summary>True when <paramref name="ex"/> is a client exception that <see cref="From"/> translates.</summary>
    public static bool IsTranslatable(Exception ex) => !ReferenceEquals(From(ex), ex);

    public static Exception From(Exception ex)
    {
        switch (ex)
        {
            case IvsChatException _:
                return ex;
            case Client.IvsChatServiceException svc:
                return FromService(svc);
            case Client.IvsChatRequestException request:
                return new IvsChatArgumentException(request.Message, request.MemberName, request);
            case Client.IvsChatConfigurationException config:
                return new IvsChatConfigurationException(config.Message, config);
            case HttpRequestException http:
                return new IvsChatNetworkException("Could not reach the service: " + http.Message, http);
            case TimeoutException timeout:
                return new IvsChatNetworkException("The service did not answer in time: " + timeout.Message, timeout);
            case OperationCanceledException canceled:
                // Ctrl+C is turned into PipelineStoppedException before this; any other cancellation is the
                // client giving up on a call that took too long.
                return new IvsChatNetworkException("The service did not answer in time.", canceled);
            case Messaging.ChatRequestException chat:
                return new ChatRequestException(chat.Error.ErrorCode, chat.Error.ErrorMessage, chat.Error.RequestId, chat);
            case Messaging.ChatConnectionException connection:
                return new ChatConnectionException(connection.Message, connection.HttpStatusCode, connection);
            default:
                return ex;
        }
    }

    private static IvsChatServiceException FromService(Client.IvsChatServiceException e)
    {
        switch (e)
        {
            case Client.ResourceNotFoundException r:
                return new ResourceNotFoundException(r.Message, r.StatusCode, r.RequestId, r.ResourceId, r.ResourceType, r);
            case Client.ValidationException v:
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var f in v.FieldList) fields[f.Name] = fields.TryGetValue(f.Name, out var before) ? before + "; " + f.Message : f.Message;
                return new ValidationException(v.Message, v.StatusCode, v.RequestId, v.Reason, fields, v);
            case Client.ThrottlingException t:
                return new ThrottlingException(t.Message, t.StatusCode, t.RequestId, t.Limit, t);
            case Client.ServiceQuotaExceededException q:
                return new ServiceQuotaExceededException(q.Message, q.StatusCode, q.RequestId, q.Limit, q);
            case Client.AccessDeniedException a:
                return new AccessDeniedException(a.Message, a.StatusCode, a.RequestId, a);
            case Client.ConflictException c:
                return new ConflictException(c.Message, c.StatusCode, c.RequestId, c);
            case Client.PendingVerificationException p:
                return new PendingVerificationException(p.Message, p.StatusCode, p.RequestId, p);
            case Client.InternalServerException i:
                return new InternalServerException(i.Message, i.StatusCode, i.RequestId, i);
            default:
                return new IvsChatServiceException(e.ErrorCode, e.Message, e.StatusCode, e.RequestId, e);
        }
    }

    /// <summary>A name or id that matched nothing is the same condition as an ARN the service does not know.</summary>
    public static ResourceNotFoundException NotFound(IvsChatResolutionException notFound) =>
        new ResourceNotFoundException(notFound.Message, 404, null, null, null);

    public static bool IsNotFound(IvsChatResolutionException ex) => ex.Category == ErrorCategory.ObjectNotFound;
}
