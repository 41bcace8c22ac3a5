namespace DaprShop.Actors;

/// <summary>What the end of the turn must do with a cached state entry (Dapr.Actors' StateChangeKind).</summary>
internal enum StateChangeKind
{
    None,
    Add,
    Update,
    Remove,
}
