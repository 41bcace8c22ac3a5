using DaprShop.Sidecar.Components.Secrets;

namespace DaprShop.Sidecar.Tests.Components.Secrets;

public sealed class EnvSecretStoreTests : IDisposable
{
    private static readonly Dictionary<string, string> NoMetadata = new();
    // Unique names, because the environment is shared by every test in the process.
    private readonly string _prefix = $"DSTEST{Guid.NewGuid():N}_";
    private readonly List<string> _variables = [];

    public void Dispose()
    {
        foreach (var variable in _variables) Environment.SetEnvironmentVariable(variable, null);
    }

    private void SetVariable(string name, string value)
    {
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    private static EnvSecretStore Create(string? prefix = null) =>
        EnvSecretStore.Create(prefix is null ? TestContexts.Create("/") : TestContexts.Create("/", ("prefix", prefix)));

    [Fact]
    public async Task Reads_a_variable_and_returns_empty_for_a_missing_one()
    {
        SetVariable(_prefix + "FOO", "bar");
        var store = Create();

        Assert.Equal(new Dictionary<string, string> { [_prefix + "FOO"] = "bar" },
            await store.GetSecretAsync(_prefix + "FOO", NoMetadata, default));
        Assert.Equal(new Dictionary<string, string> { [_prefix + "MISSING"] = "" },
            await store.GetSecretAsync(_prefix + "MISSING", NoMetadata, default));
    }

    [Fact]
    public async Task Prefix_is_prepended_on_get_and_stripped_in_bulk()
    {
        SetVariable(_prefix + "FOO", "1");
        SetVariable(_prefix + "BAR", "2");
        SetVariable(_prefix, "prefix-only");
        var store = Create(_prefix);

        Assert.Equal("1", (await store.GetSecretAsync("FOO", NoMetadata, default))["FOO"]);
        var bulk = await store.GetBulkSecretAsync(NoMetadata, default);
        Assert.Equal(["BAR", "FOO"], bulk.Keys.Order());
        Assert.Equal("2", bulk["BAR"]["BAR"]);
    }

    [Fact]
    public async Task Dapr_variables_and_the_app_token_are_never_exposed()
    {
        SetVariable("DAPR_" + _prefix + "SECRET", "hidden");
        SetVariable("dapr_" + _prefix + "lower", "hidden");
        var appTokenBefore = Environment.GetEnvironmentVariable("APP_API_TOKEN");
        Environment.SetEnvironmentVariable("APP_API_TOKEN", "token");
        try
        {
            var store = Create();
            Assert.Equal("", (await store.GetSecretAsync("DAPR_" + _prefix + "SECRET", NoMetadata, default))["DAPR_" + _prefix + "SECRET"]);
            Assert.Equal("", (await store.GetSecretAsync("APP_API_TOKEN", NoMetadata, default))["APP_API_TOKEN"]);
            // The check applies to the prefixed name.
            Assert.Equal("", (await Create("APP_").GetSecretAsync("API_TOKEN", NoMetadata, default))["API_TOKEN"]);

            var bulk = await store.GetBulkSecretAsync(NoMetadata, default);
            Assert.DoesNotContain("APP_API_TOKEN", bulk.Keys);
            Assert.DoesNotContain(bulk.Keys, key => key.StartsWith("DAPR_", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Environment.SetEnvironmentVariable("APP_API_TOKEN", appTokenBefore);
        }
    }
}
