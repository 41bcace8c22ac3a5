namespace DaprShop.Contracts;

/// <summary>The Dapr app id of every DaprShop service (ARCHITECTURE §4); service invocation addresses apps by these.</summary>
public static class AppIds
{
    public const string Gateway = "gateway";
    public const string Identity = "identity";
    public const string Catalog = "catalog";
    public const string Inventory = "inventory";
    public const string Cart = "cart";
    public const string Ordering = "ordering";
    public const string Payment = "payment";
    public const string Notification = "notification";

    public static IReadOnlyList<string> All { get; } = [Gateway, Identity, Catalog, Inventory, Cart, Ordering, Payment, Notification];
}
