namespace DaprShop.Actors;

/// <summary>One operation of a turn's state transaction; <see cref="Value"/> is the serialized JSON of an add or update.</summary>
internal sealed record ActorStateChange(string StateName, StateChangeKind ChangeKind, byte[]? Value);
