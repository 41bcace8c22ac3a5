namespace DaprShop.Benchmarks;

/// <summary>Options of the <c>checkout</c> command.</summary>
public sealed record CheckoutBenchmarkOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/DaprShop.Benchmarks -- checkout [options]

          --shoppers 50           shoppers checking out over and over, each waiting for Paid before the next
          --duration 20s          length of the measured checkout run
          --warmup 60s            checkouts before the measured run, until the JIT has optimized the hot code
          --out FILE              also write the Markdown report to FILE
        """;

    private static readonly string[] Flags = ["--shoppers", "--duration", "--warmup", "--out"];

    public int Shoppers { get; init; } = 50;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Nine processes JIT-compile their hot code again, optimized, in the background for about a minute of this load
    /// (a quarter of the CPU 10 s in); a long-running shop has long finished that.
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(60);
    public string? OutputFile { get; init; }

    /// <summary>The arguments after <c>checkout</c>, kept verbatim for the report's command line.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static CheckoutBenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        var flags = new CommandLine(arguments, Flags);
        var defaults = new CheckoutBenchmarkOptions();
        return new CheckoutBenchmarkOptions
        {
            Shoppers = flags.Int("--shoppers", defaults.Shoppers, minimum: 1),
            Duration = flags.Duration("--duration", defaults.Duration),
            Warmup = flags.Duration("--warmup", defaults.Warmup),
            OutputFile = flags.String("--out"),
            Arguments = arguments,
        };
    }
}
