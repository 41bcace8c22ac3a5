namespace DaprShop.Benchmarks;

/// <summary>Options of the <c>shop</c> command.</summary>
public sealed record ShopBenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/DaprShop.Benchmarks -- shop [options]

          --duration 10s          length of each measured run
          --connections 16        concurrent callers of the closed-loop runs
          --out FILE              also write the Markdown report to FILE
        """;

    private static readonly string[] Flags = ["--duration", "--connections", "--out"];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int Connections { get; init; } = 16;
    public string? OutputFile { get; init; }

    /// <summary>The arguments after <c>shop</c>, kept verbatim for the report's command line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static ShopBenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        var defaults = new ShopBenchmarkOptions();
        return new ShopBenchmarkOptions
        {
            Duration = flags.Duration("--duration", defaults.Duration),
            Connections = flags.Int("--connections", defaults.Connections, minimum: 1),
            OutputFile = flags.String("--out"),
            Arguments = arguments,
        };
    }
}
