namespace DaprShop.Contracts.Identity;

/// <summary>The roles identity grants, carried in the access token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Customer, Admin];
}
