using DaprShop.Contracts;

namespace DaprShop.Catalog.Domain;

/// <summary>A product as catalog stores it (state key <c>product:{id}</c>) and returns it.</summary>
public sealed record Product(Guid Id, string Sku, string Name, Money Price, DateTimeOffset CreatedAt);
