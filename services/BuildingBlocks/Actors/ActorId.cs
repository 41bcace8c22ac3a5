namespace DaprShop.Actors;

/// <summary>An actor's id (Dapr's ActorId).</summary>
public sealed record ActorId(string Id)
{
    public static ActorId CreateRandom() => new(Guid.NewGuid().ToString("N"));

    public string GetId() => Id;

    public override string ToString() => Id;
}
