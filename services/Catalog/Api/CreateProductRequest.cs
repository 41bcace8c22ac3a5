using DaprShop.Contracts;

namespace DaprShop.Catalog.Api;

/// <summary>Body of <c>POST /products</c>; <see cref="CreateProductRequestValidator"/> guards every field, nulls included.</summary>
public sealed record CreateProductRequest(string Name, string Sku, Money Price);
