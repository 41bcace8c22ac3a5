namespace DaprShop.Gateway.Cors;

/// <summary>Which browser origins may call the public API, from the <c>Gateway:Cors</c> configuration section.</summary>
public sealed class GatewayCorsOptions
{
    public const string SectionName = "Gateway:Cors";

    /// <summary>
    /// Origins separated by semicolons, like ASP.NET Core's <c>AllowedHosts</c>, so one environment variable
    /// (<c>Gateway__Cors__AllowedOrigins</c>) replaces the whole list. Defaults to the shop's own origin and a dev server's.
    /// </summary>
    public string AllowedOrigins { get; set; } = "http://localhost:8080;http://localhost:5173";

    public string[] Origins => AllowedOrigins.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
