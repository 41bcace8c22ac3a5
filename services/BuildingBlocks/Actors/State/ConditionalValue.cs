namespace DaprShop.Actors;

public readonly record struct ConditionalValue<T>(bool HasValue, T Value);
