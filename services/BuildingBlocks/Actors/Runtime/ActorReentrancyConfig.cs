namespace DaprShop.Actors;

public sealed class ActorReentrancyConfig
{
    public bool Enabled { get; set; }

    /// <summary>Null leaves daprd's default (32).</summary>
    public int? MaxStackDepth { get; set; }
}
