namespace DaprShop.Sidecar.Components.Bindings;

public interface IOutputBinding
{
    /// <summary>Operation names this binding supports, e.g. create, get, list, delete.</summary>
    IReadOnlyList<string> Operations { get; }

    /// <exception cref="BindingException">Unsupported operation or component failure; the message is shown to the caller.</exception>
    Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken cancellationToken);
}

public interface IInputBinding
{
    /// <summary>Produces events until cancelled, awaiting the handler for each before the next.</summary>
    Task ReadAsync(InputBindingHandler handler, CancellationToken cancellationToken);
}

public delegate Task InputBindingHandler(InputBindingEvent bindingEvent, CancellationToken cancellationToken);

/// <param name="Data">The JSON-serialized <c>data</c> field of the request, as daprd hands it to components.</param>
public sealed record BindingRequest(string Operation, byte[] Data, IReadOnlyDictionary<string, string> Metadata);

/// <param name="Data">Null when the component returns nothing (the API then answers 204).</param>
public sealed record BindingResponse(byte[]? Data, IReadOnlyDictionary<string, string> Metadata)
{
    public static readonly BindingResponse Empty = new(null, new Dictionary<string, string>());
}

/// <param name="Metadata">Event metadata; becomes HTTP headers on delivery to the app.</param>
public sealed record InputBindingEvent(byte[] Data, IReadOnlyDictionary<string, string> Metadata);

public sealed class BindingException(string message, Exception? inner = null) : Exception(message, inner);
