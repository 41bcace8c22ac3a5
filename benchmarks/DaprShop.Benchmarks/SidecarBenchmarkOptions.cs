namespace DaprShop.Benchmarks;

/// <summary>Options of the <c>sidecar</c> command.</summary>
public sealed record SidecarBenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/DaprShop.Benchmarks -- sidecar [options]

          --duration 20s          each fixed-rate latency run (direct, through sidecars); targets need ≥ 20s
          --rate 1000             requests/s of the fixed-rate runs
          --connections 32        concurrent connections of the closed-loop runs (throughput, state)
          --closed-duration 10s   each closed-loop run
          --warmup 5s             each warm-up run before the measured ones
          --keys 10000            state keys the state runs spread over
          --topology run          run: both sidecars in one process, as `run -f` hosts them;
                                  standalone: each sidecar in its own process, calling each other over HTTP
          --out FILE              also write the Markdown report to FILE
        """;

    private static readonly string[] Flags =
        ["--duration", "--rate", "--connections", "--closed-duration", "--warmup", "--keys", "--topology", "--out"];

    /// <summary>The shortest fixed-rate run whose figures may be compared with the targets.</summary>
    public static readonly TimeSpan MinimumValidDuration = TimeSpan.FromSeconds(20);

    public TimeSpan FixedRateDuration { get; init; } = MinimumValidDuration;
    public int RequestsPerSecond { get; init; } = 1000;
    public int Connections { get; init; } = 32;
    public TimeSpan ClosedLoopDuration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan WarmupDuration { get; init; } = TimeSpan.FromSeconds(5);
    public int StateKeys { get; init; } = 10_000;
    public string? OutputFile { get; init; }
    public SidecarTopology Topology { get; init; } = SidecarTopology.Run;

    /// <summary>The arguments after <c>sidecar</c>, kept verbatim for the report's command line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static SidecarBenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        var defaults = new SidecarBenchmarkOptions();
        return new SidecarBenchmarkOptions
        {
            FixedRateDuration = flags.Duration("--duration", defaults.FixedRateDuration),
            RequestsPerSecond = flags.Int("--rate", defaults.RequestsPerSecond, minimum: 1),
            Connections = flags.Int("--connections", defaults.Connections, minimum: 1),
            ClosedLoopDuration = flags.Duration("--closed-duration", defaults.ClosedLoopDuration),
            WarmupDuration = flags.Duration("--warmup", defaults.WarmupDuration),
            StateKeys = flags.Int("--keys", defaults.StateKeys, minimum: 1),
            OutputFile = flags.String("--out"),
            Topology = flags.String("--topology") switch
            {
                null or "run" => SidecarTopology.Run,
                "standalone" => SidecarTopology.Standalone,
                var other => throw new UsageException($"--topology must be run or standalone, not '{other}'"),
            },
            Arguments = arguments,
        };
    }
}

/// <summary>How the two sidecars are hosted.</summary>
public enum SidecarTopology
{
    /// <summary>Both in one process, as the multi-app runner hosts them: the hop between them is an in-process call.</summary>
    Run,

    /// <summary>Each in its own process, as sidecars started by hand: the hop between them is loopback HTTP.</summary>
    Standalone,
}
