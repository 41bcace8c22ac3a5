using System.Text.Json;
using DaprShop.Dapr;

namespace DaprShop.Actors;

/// <summary>The untyped proxy; typed proxies forward to it.</summary>
internal sealed class HttpActorProxy(ActorSidecarClient sidecar, ActorId actorId, string actorType, JsonSerializerOptions jsonSerializerOptions)
    : ActorProxy
{
    /// <summary>Set by Dapr.Actors' remoting hosts on a 200 that carries an exception; honoured so such callees fail loudly too.</summary>
    private const string ErrorResponseHeader = "X-DaprErrorResponseHeader";

    public override async Task<TResponse> InvokeMethodAsync<TRequest, TResponse>(string method, TRequest data, CancellationToken cancellationToken = default) =>
        Deserialize<TResponse>(method, await InvokeAsync(method, data, typeof(TRequest), cancellationToken));

    public override Task InvokeMethodAsync<TRequest>(string method, TRequest data, CancellationToken cancellationToken = default) =>
        InvokeAsync(method, data, typeof(TRequest), cancellationToken);

    public override async Task<TResponse> InvokeMethodAsync<TResponse>(string method, CancellationToken cancellationToken = default) =>
        Deserialize<TResponse>(method, await InvokeAsync(method, null, null, cancellationToken));

    public override Task InvokeMethodAsync(string method, CancellationToken cancellationToken = default) =>
        InvokeAsync(method, null, null, cancellationToken);

    /// <summary>Sends the call and returns the response body.</summary>
    /// <param name="argumentType">The declared type of <paramref name="argument"/>; null sends no body.</param>
    internal async Task<byte[]> InvokeAsync(string method, object? argument, Type? argumentType, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var body = argumentType is null ? null : JsonSerializer.SerializeToUtf8Bytes(argument, argumentType, jsonSerializerOptions);
        using var response = await sidecar.InvokeActorMethodAsync(actorType, actorId.Id, method, body, ActorReentrancyContext.Current, cancellationToken);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || response.Headers.Contains(ErrorResponseHeader))
        {
            throw ActorMethodInvocationException.FromResponse(actorType, actorId.Id, method, response.StatusCode, responseBody);
        }

        return responseBody;
    }

    internal T Deserialize<T>(string method, byte[] body)
    {
        if (body.Length == 0) return default!;
        try
        {
            return JsonSerializer.Deserialize<T>(body, jsonSerializerOptions)!;
        }
        catch (JsonException exception)
        {
            throw new DaprException($"The result of actor call {actorType}/{actorId}.{method} could not be read as {typeof(T).Name}: {exception.Message}", exception);
        }
    }
}
