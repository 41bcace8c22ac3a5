namespace DaprShop.ServiceDefaults;

/// <summary>Knobs of <c>AddServiceDefaults</c>; bound from the <c>ServiceDefaults</c> configuration section.</summary>
public sealed class ServiceDefaultsOptions
{
    public const string SectionName = "ServiceDefaults";

    /// <summary>Largest request body accepted, in bytes (1 MiB); larger bodies get 413 problem+json.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
