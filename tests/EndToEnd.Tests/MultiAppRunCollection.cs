namespace DaprShop.EndToEnd.Tests;

/// <summary>Multi-app runs use fixed ports, so the classes that start one run one after the other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiAppRunCollection
{
    public const string Name = "multi-app run";
}
