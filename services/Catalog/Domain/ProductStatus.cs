using System.Text.Json.Serialization;

namespace DaprShop.Catalog.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ProductStatus>))]
public enum ProductStatus
{
    Active,

    /// <summary>Out of browse and search, read-only, its SKUs still reserved so they are never reused for another product.</summary>
    Archived,
}
