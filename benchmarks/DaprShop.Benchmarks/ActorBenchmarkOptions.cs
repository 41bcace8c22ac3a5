namespace DaprShop.Benchmarks;

/// <summary>Options of the <c>actors</c> command.</summary>
public sealed record ActorBenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/DaprShop.Benchmarks -- actors [options]

          --duration 10s          each measured run (one hot actor; random actors)
          --connections 32        concurrent connections of the closed-loop runs
          --actors 10000          distinct actor ids the random-actor run spreads over
          --warmup 5s             the warm-up on the hot actor before the measured runs
          --out FILE              also write the Markdown report to FILE
        """;

    private static readonly string[] Flags = ["--duration", "--connections", "--actors", "--warmup", "--out"];

    /// <summary>The shortest measured run whose figures may be compared with the targets.</summary>
    public static readonly TimeSpan MinimumValidDuration = TimeSpan.FromSeconds(10);

    public TimeSpan Duration { get; init; } = MinimumValidDuration;
    public int Connections { get; init; } = 32;
    public int Actors { get; init; } = 10_000;
    public TimeSpan WarmupDuration { get; init; } = TimeSpan.FromSeconds(5);
    public string? OutputFile { get; init; }

    /// <summary>The arguments after <c>actors</c>, kept verbatim for the report's command line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static ActorBenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        var defaults = new ActorBenchmarkOptions();
        return new ActorBenchmarkOptions
        {
            Duration = flags.Duration("--duration", defaults.Duration),
            Connections = flags.Int("--connections", defaults.Connections, minimum: 1),
            Actors = flags.Int("--actors", defaults.Actors, minimum: 1),
            WarmupDuration = flags.Duration("--warmup", defaults.WarmupDuration),
            OutputFile = flags.String("--out"),
            Arguments = arguments,
        };
    }
}
