namespace DaprShop.Catalog.Search;

/// <summary>Keeps products with attribute (or variant option) <paramref name="Key"/> equal to <paramref name="Value"/>, case and accents ignored.</summary>
public readonly record struct AttributeFilter(string Key, string Value);
