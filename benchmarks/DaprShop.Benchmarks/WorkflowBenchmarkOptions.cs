namespace DaprShop.Benchmarks;

/// <summary>Options of the <c>workflows</c> command.</summary>
public sealed record WorkflowBenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/DaprShop.Benchmarks -- workflows [options]

          --instances 100         workflow instances kept in flight
          --total 2000            instances of the measured run (a warm-up of --instances runs first)
          --out FILE              also write the Markdown report to FILE
        """;

    private static readonly string[] Flags = ["--instances", "--total", "--out"];

    /// <summary>The smallest measured run whose figures may be compared with the target.</summary>
    public const int MinimumValidTotal = 2000;

    public int InFlight { get; init; } = 100;
    public int Total { get; init; } = MinimumValidTotal;
    public string? OutputFile { get; init; }

    /// <summary>The arguments after <c>workflows</c>, kept verbatim for the report's command line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static WorkflowBenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        var defaults = new WorkflowBenchmarkOptions();
        return new WorkflowBenchmarkOptions
        {
            InFlight = flags.Int("--instances", defaults.InFlight, minimum: 1),
            Total = flags.Int("--total", defaults.Total, minimum: 1),
            OutputFile = flags.String("--out"),
            Arguments = arguments,
        };
    }
}
