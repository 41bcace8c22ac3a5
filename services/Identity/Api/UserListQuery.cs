namespace DaprShop.Identity.Api;

/// <summary>Query of <c>GET /users</c>: <c>q</c> matches email or name (case-insensitive substring).</summary>
public sealed record UserListQuery(string? Q, int? Page, int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int QueryMaxLength = 100;
}
