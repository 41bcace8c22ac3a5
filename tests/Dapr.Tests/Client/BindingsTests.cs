using System.Text;
using DaprShop.Dapr.Tests.Infrastructure;

namespace DaprShop.Dapr.Tests.Client;

[Collection(SidecarCollection.Name)]
public sealed class BindingsTests(SidecarFixture sidecar)
{
    private const string Binding = "files";

    private readonly DaprClient _client = sidecar.Client;

    [Fact]
    public async Task Typed_data_is_handed_to_the_binding_as_json()
    {
        var fileName = $"{Guid.NewGuid()}.json";

        await _client.InvokeBindingAsync(Binding, "create", new { subject = "Order shipped" }, new Dictionary<string, string> { ["fileName"] = fileName });

        Assert.Equal("""{"subject":"Order shipped"}""", await File.ReadAllTextAsync(Path.Combine(sidecar.BindingRootPath, fileName)));
    }

    [Fact]
    public async Task A_raw_binding_request_returns_the_bindings_bytes()
    {
        var fileName = $"{Guid.NewGuid()}.json";
        var create = new BindingRequest(Binding, "create") { Data = Encoding.UTF8.GetBytes("""{"n":1}""") };
        create.Metadata["fileName"] = fileName;
        await _client.InvokeBindingAsync(create);

        var get = new BindingRequest(Binding, "get");
        get.Metadata["fileName"] = fileName;
        var response = await _client.InvokeBindingAsync(get);

        Assert.Equal("""{"n":1}""", Encoding.UTF8.GetString(response.Data.Span));
        Assert.Same(get, response.Request);
    }

    [Fact]
    public async Task An_unknown_binding_is_err_invoke_output_binding()
    {
        var failure = await Assert.ThrowsAsync<DaprApiException>(() => _client.InvokeBindingAsync("no-such-binding", "create", 1));

        Assert.Equal("ERR_INVOKE_OUTPUT_BINDING", failure.ErrorCode);
    }
}
