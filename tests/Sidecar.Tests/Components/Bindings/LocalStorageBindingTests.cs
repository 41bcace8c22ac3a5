using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Components.Bindings;

namespace DaprShop.Sidecar.Tests.Components.Bindings;

public sealed class LocalStorageBindingTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly LocalStorageBinding _binding;
    private readonly string _root;

    public LocalStorageBindingTests()
    {
        // Relative to the working directory, and created when missing.
        _binding = LocalStorageBinding.Create(TestContexts.Create(_directory.Path, ("rootPath", "files/root")));
        _root = Path.Combine(_directory.Path, "files", "root");
    }

    public void Dispose() => _directory.Dispose();

    private Task<BindingResponse> Invoke(string operation, string? fileName = null, string data = "") =>
        _binding.InvokeAsync(new BindingRequest(operation, Encoding.UTF8.GetBytes(data),
            fileName is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["fileName"] = fileName }), default);

    [Fact]
    public void Root_is_created_and_operations_are_daprs()
    {
        Assert.True(Directory.Exists(_root));
        Assert.Equal(["create", "get", "list", "delete"], _binding.Operations);
    }

    [Fact]
    public async Task Create_unquotes_a_json_string_and_answers_with_the_relative_file_name()
    {
        var response = await Invoke("create", "greeting.txt", "\"hello\\nworld\"");

        Assert.Equal("{\"fileName\":\"greeting.txt\"}", Encoding.UTF8.GetString(response.Data!));
        Assert.Empty(response.Metadata);
        Assert.Equal("hello\nworld", File.ReadAllText(Path.Combine(_root, "greeting.txt")));
    }

    [Theory]
    [InlineData("\"aGVsbG8=\"", "hello")]          // a base64 string is decoded
    [InlineData("\"aGVs\\nbG8=\"", "hello")]       // Go's decoder skips newlines
    [InlineData("\"aGVs bG8=\"", "aGVs bG8=")]     // but not spaces
    [InlineData("\"hello\"", "hello")]             // not base64 (5 characters): written unquoted
    [InlineData("{\"a\":1}", "{\"a\":1}")]         // other JSON is written as it is
    [InlineData("\"\"", "")]
    public async Task Create_decodes_base64_after_unquoting(string json, string expected)
    {
        await Invoke("create", "f", json);

        Assert.Equal(expected, File.ReadAllText(Path.Combine(_root, "f")));
    }

    [Fact]
    public async Task Create_decodes_json_that_happens_to_be_base64_as_dapr_does()
    {
        await Invoke("create", "n", "1234");

        Assert.Equal(Convert.FromBase64String("1234"), File.ReadAllBytes(Path.Combine(_root, "n")));
    }

    [Fact]
    public async Task Create_without_file_name_uses_a_uuid_and_makes_directories_for_nested_names()
    {
        var response = await Invoke("create", data: "\"x\"");
        var name = JsonDocument.Parse(response.Data!).RootElement.GetProperty("fileName").GetString();
        Assert.True(Guid.TryParseExact(name, "D", out _));
        Assert.True(File.Exists(Path.Combine(_root, name!)));

        var nested = await Invoke("create", "a/b/c.txt", "\"y\"");
        Assert.Equal("{\"fileName\":\"a/b/c.txt\"}", Encoding.UTF8.GetString(nested.Data!));
        Assert.Equal("y", File.ReadAllText(Path.Combine(_root, "a", "b", "c.txt")));
    }

    [Fact]
    public async Task Get_returns_the_bytes_and_fails_for_a_missing_file()
    {
        await Invoke("create", "doc.json", "{\"k\":[1,2]}");

        var response = await Invoke("get", "doc.json");
        Assert.Equal("{\"k\":[1,2]}", Encoding.UTF8.GetString(response.Data!));

        var missing = await Assert.ThrowsAsync<BindingException>(() => Invoke("get", "nope.json"));
        Assert.StartsWith("file not found: ", missing.Message);
    }

    [Fact]
    public async Task List_returns_absolute_paths_in_walk_order()
    {
        Assert.Equal("null", Encoding.UTF8.GetString((await Invoke("list")).Data!));

        await Invoke("create", "b.txt", "\"1\"");
        await Invoke("create", "a/z.txt", "\"2\"");
        await Invoke("create", "a/y.txt", "\"3\"");
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        var all = JsonSerializer.Deserialize<string[]>((await Invoke("list")).Data!)!;
        Assert.Equal([Path.Combine(_root, "a", "y.txt"), Path.Combine(_root, "a", "z.txt"), Path.Combine(_root, "b.txt")], all);
        var sub = JsonSerializer.Deserialize<string[]>((await Invoke("list", "a")).Data!)!;
        Assert.Equal([Path.Combine(_root, "a", "y.txt"), Path.Combine(_root, "a", "z.txt")], sub);
        await Assert.ThrowsAsync<BindingException>(() => Invoke("list", "b.txt"));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_fails_when_it_is_missing()
    {
        await Invoke("create", "gone.txt", "\"x\"");

        var response = await Invoke("delete", "gone.txt");

        Assert.Null(response.Data);
        Assert.False(File.Exists(Path.Combine(_root, "gone.txt")));
        await Assert.ThrowsAsync<BindingException>(() => Invoke("delete", "gone.txt"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("../root-sibling/escape.txt")]
    public async Task Names_leaving_the_root_are_refused(string fileName)
    {
        await Assert.ThrowsAsync<BindingException>(() => Invoke("create", fileName, "\"x\""));
        await Assert.ThrowsAsync<BindingException>(() => Invoke("get", fileName));
        await Assert.ThrowsAsync<BindingException>(() => Invoke("delete", fileName));

        Assert.False(File.Exists(Path.Combine(_directory.Path, "files", "escape.txt")));
        Assert.False(Directory.Exists(Path.Combine(_directory.Path, "files", "root-sibling")));
    }

    [Fact]
    public async Task A_symlink_out_of_the_root_is_refused()
    {
        var outside = Path.Combine(_directory.Path, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(_root, "link"), outside);

        await Assert.ThrowsAsync<BindingException>(() => Invoke("create", "link/escape.txt", "\"x\""));
        Assert.Empty(Directory.GetFiles(outside));
    }

    [Fact]
    public async Task A_leading_slash_is_relative_to_the_root()
    {
        await Invoke("create", "/etc/conf.txt", "\"x\"");

        Assert.True(File.Exists(Path.Combine(_root, "etc", "conf.txt")));
    }

    [Fact]
    public async Task Unsupported_operation_fails()
    {
        var error = await Assert.ThrowsAsync<BindingException>(() => Invoke("update", "x"));
        Assert.Equal("unsupported operation update", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/proc/self")]
    public void Bad_root_path_fails_init(string rootPath)
    {
        Assert.Throws<ComponentInitException>(() => LocalStorageBinding.Create(TestContexts.Create(_directory.Path, ("rootPath", rootPath))));
    }
}
