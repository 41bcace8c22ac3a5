namespace DaprShop.Ordering.Domain;

/// <param name="Country">ISO 3166-1 alpha-2, upper case.</param>
public sealed record ShippingAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);
