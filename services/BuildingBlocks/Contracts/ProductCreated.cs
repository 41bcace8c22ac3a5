namespace DaprShop.Contracts;

/// <summary>Published by catalog on <see cref="Topics.ProductCreated"/> once a new product is stored.</summary>
public sealed record ProductCreated(Guid ProductId, string Sku, string Name, Money Price, DateTimeOffset CreatedAt);
