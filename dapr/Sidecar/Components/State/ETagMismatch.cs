namespace DaprShop.Sidecar.Components.State;

/// <summary>ETag mismatch errors worded as components-contrib state/errors.go ETagError.Error() words them.</summary>
internal static class ETagMismatch
{
    private const string Prefix = "possible etag mismatch. error from state store";

    /// <param name="reason">The wrapped error's text; null where the Dapr store wraps none.</param>
    public static StateETagMismatchException Error(string? reason = null) => new(reason is null ? Prefix : $"{Prefix}: {reason}");
}
