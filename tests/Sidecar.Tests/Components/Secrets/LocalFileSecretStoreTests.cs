using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.Secrets;

namespace DaprShop.Sidecar.Tests.Components.Secrets;

public sealed class LocalFileSecretStoreTests : IDisposable
{
    private const string ReferenceJson = """{"redisPassword":"pw","db":{"user":"u","pass":"p"}}""";
    private static readonly Dictionary<string, string> NoMetadata = new();
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private LocalFileSecretStore Load(string json, params (string, string)[] metadata)
    {
        Directory.CreateDirectory(Path.Combine(_directory.Path, "config"));
        File.WriteAllText(Path.Combine(_directory.Path, "config", "secrets.json"), json);
        // Relative to the working directory, as daprd opens it relative to its cwd.
        return LocalFileSecretStore.Create(TestContexts.Create(_directory.Path, [("secretsFile", "config/secrets.json"), .. metadata]));
    }

    private static async Task<Dictionary<string, string>> Get(LocalFileSecretStore store, string name) =>
        new(await store.GetSecretAsync(name, NoMetadata, default));

    [Fact]
    public async Task Single_valued_flattens_nested_keys_with_the_separator()
    {
        var store = Load(ReferenceJson);

        Assert.Equal(new Dictionary<string, string> { ["db:user"] = "u" }, await Get(store, "db:user"));
        Assert.Equal(new Dictionary<string, string> { ["redisPassword"] = "pw" }, await Get(store, "redisPassword"));
        var notFound = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(store, "db"));
        Assert.Equal("secret db not found", notFound.Message);

        var bulk = await store.GetBulkSecretAsync(NoMetadata, default);
        Assert.Equal(
            new Dictionary<string, Dictionary<string, string>>
            {
                ["redisPassword"] = new() { ["redisPassword"] = "pw" },
                ["db:user"] = new() { ["db:user"] = "u" },
                ["db:pass"] = new() { ["db:pass"] = "p" },
            },
            bulk.ToDictionary(pair => pair.Key, pair => new Dictionary<string, string>(pair.Value)));
    }

    [Fact]
    public async Task Multi_valued_makes_top_level_objects_into_multi_key_secrets()
    {
        var store = Load("""{"redisPassword":"pw","db":{"user":"u","pass":"p","mysql":{"username":"m"}},"port":5}""", ("multiValued", "true"));

        Assert.Equal(new Dictionary<string, string> { ["user"] = "u", ["pass"] = "p", ["mysql:username"] = "m" }, await Get(store, "db"));
        Assert.Equal(new Dictionary<string, string> { ["redisPassword"] = "pw" }, await Get(store, "redisPassword"));
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(store, "db:user"));
        // Top-level values that are neither strings nor objects are dropped, as filestore.go's type switch drops them.
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(store, "port"));
        Assert.Equal(["redisPassword", "db"], (await store.GetBulkSecretAsync(NoMetadata, default)).Keys);
    }

    [Fact]
    public async Task Arrays_are_flattened_with_numeric_indices_and_custom_separator()
    {
        var store = Load("""{"list":["a",{"b":"c"}]}""", ("nestedSeparator", "."));

        Assert.Equal("a", (await Get(store, "list.0"))["list.0"]);
        Assert.Equal("c", (await Get(store, "list.1.b"))["list.1.b"]);
    }

    [Fact]
    public async Task Non_string_leaves_are_formatted_as_gos_percent_s_formats_them()
    {
        var store = Load("""{"n":6379,"big":1000000,"f":1.5,"tiny":0.00001,"t":true,"f2":false,"z":null}""");

        Assert.Equal("%!s(float64=6379)", (await Get(store, "n"))["n"]);
        Assert.Equal("%!s(float64=1e+06)", (await Get(store, "big"))["big"]);
        Assert.Equal("%!s(float64=1.5)", (await Get(store, "f"))["f"]);
        Assert.Equal("%!s(float64=1e-05)", (await Get(store, "tiny"))["tiny"]);
        Assert.Equal("%!s(bool=true)", (await Get(store, "t"))["t"]);
        Assert.Equal("%!s(bool=false)", (await Get(store, "f2"))["f2"]);
        Assert.Equal("%!s(<nil>)", (await Get(store, "z"))["z"]);
    }

    [Fact]
    public async Task A_duplicate_flattened_key_stops_the_flattening()
    {
        var store = Load("""{"a":{"b":"nested"},"a:b":"flat","later":"x"}""");

        Assert.Equal("nested", (await Get(store, "a:b"))["a:b"]);
        await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(store, "later"));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{not json")]
    public void Unusable_file_fails_init(string json)
    {
        Assert.Throws<ComponentInitException>(() => Load(json));
    }

    [Fact]
    public void Missing_metadata_or_file_fails_init()
    {
        Assert.Throws<ComponentInitException>(() => LocalFileSecretStore.Create(TestContexts.Create(_directory.Path)));
        Assert.Throws<ComponentInitException>(() => LocalFileSecretStore.Create(
            TestContexts.Create(_directory.Path, ("secretsFile", "nope.json"))));
    }
}
