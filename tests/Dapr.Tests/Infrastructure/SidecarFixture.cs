using System.Net;
using System.Text;
using System.Text.Json;
using DaprShop.Sidecar.Components;
using DaprShop.Sidecar.Runtime;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Dapr.Tests.Infrastructure;

/// <summary>
/// The real local sidecar (<see cref="SidecarHost"/>) in front of a real app built with ServiceDefaults, both on
/// free loopback ports, with API tokens on in both directions, and components written to a temporary folder:
/// <c>statestore</c> (state.in-memory), <c>sqlite-statestore</c> (state.sqlite), <c>pubsub</c> (pubsub.in-memory), <c>secretstore</c> (secretstores.local.file),
/// <c>files</c> (bindings.localstorage).
/// </summary>
public sealed class SidecarFixture : IAsyncLifetime
{
    public const string AppId = "client-tests";
    public const string DaprApiToken = "sidecar-token-for-tests";
    public const string AppApiToken = "app-token-for-tests";
    public const string EventsTopic = "client-tests";
    public const string TextEventsTopic = "client-tests-text";

    private readonly string _directory = Directory.CreateTempSubdirectory("daprshop-client-tests-").FullName;
    private readonly SharedResources _shared = new();
    private LoopbackApp? _app;
    private SidecarHost? _sidecar;

    public EventInbox Inbox { get; } = new();

    public string BindingRootPath => Path.Combine(_directory, "files");

    public SidecarHost Sidecar => _sidecar ?? throw new InvalidOperationException("not started");

    public LoopbackApp App => _app ?? throw new InvalidOperationException("not started");

    public DaprClient Client { get; private set; } = null!;

    public DaprClient CreateClient(string? apiToken = DaprApiToken) =>
        new DaprClientBuilder().UseHttpEndpoint(Sidecar.HttpEndpoint.ToString()).UseDaprApiToken(apiToken).Build();

    public async Task InitializeAsync()
    {
        var resourcesPath = Path.Combine(_directory, "resources");
        WriteComponents(resourcesPath);
        var daprHttpPort = FreePort.Next();

        _app = await TestApp.StartAsync(MapAppEndpoints, new Dictionary<string, string?>
        {
            ["APP_API_TOKEN"] = AppApiToken,
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{daprHttpPort}",
            ["DAPR_API_TOKEN"] = DaprApiToken,
        }, builder => builder.Services.AddSingleton(Inbox));

        _sidecar = await TestSidecar.StartAsync(
            AppId, _app.BaseAddress.Port, daprHttpPort, resourcesPath, _directory, DaprApiToken, AppApiToken, _shared);
        Client = CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
        await _shared.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private void MapAppEndpoints(WebApplication app)
    {
        app.Map("/echo/{**rest}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return Results.Json(new EchoResponse(
                request.Method,
                request.Path.Value ?? "",
                request.QueryString.Value ?? "",
                await reader.ReadToEndAsync(),
                request.ContentType,
                request.Headers["traceparent"].ToArray(),
                request.Headers["x-custom"].ToString()));
        });
        app.MapPost("/orders", (Order order) => Results.Json(order with { Status = "created" }, statusCode: StatusCodes.Status201Created));
        app.MapGet("/status/{code:int}", (int code) => Results.Problem(statusCode: code, title: "the app said no"));
        app.MapGet("/redirect", () => Results.Redirect("/elsewhere"));
        app.MapPost("/events/json", ReceiveEventAsync).WithTopic("pubsub", EventsTopic);
        app.MapPost("/events/text", ReceiveEventAsync).WithTopic("pubsub", TextEventsTopic);
    }

    /// <summary>Keys the event by the <c>marker</c> of a JSON body, else by the body text, else by the CloudEvent id.</summary>
    private static async Task<IResult> ReceiveEventAsync(HttpRequest request, CloudEventAttributes cloudEvent, EventInbox inbox)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var marker = body.Length == 0 ? cloudEvent.Id : body;
        if (request.ContentType?.StartsWith("application/json") == true && body.StartsWith('{'))
        {
            marker = JsonDocument.Parse(body).RootElement.GetProperty("marker").GetString()!;
        }

        inbox.Deliver(marker, new ReceivedEvent(body, request.ContentType, cloudEvent));
        return TopicResults.Success();
    }

    private void WriteComponents(string resourcesPath)
    {
        Directory.CreateDirectory(resourcesPath);
        Directory.CreateDirectory(BindingRootPath);
        var secretsFile = Path.Combine(_directory, "secrets.json");
        File.WriteAllText(secretsFile, """{ "jwt-signing-key": "pem-text", "db": { "user": "u", "pass": "p" } }""");

        WriteComponent(resourcesPath, "statestore", "state.in-memory", []);
        WriteComponent(resourcesPath, "sqlite-statestore", "state.sqlite", [("connectionString", Path.Combine(_directory, "state.db"))]);
        WriteComponent(resourcesPath, "pubsub", "pubsub.in-memory", []);
        WriteComponent(resourcesPath, "secretstore", "secretstores.local.file", [("secretsFile", secretsFile), ("nestedSeparator", ":")]);
        WriteComponent(resourcesPath, "files", "bindings.localstorage", [("rootPath", BindingRootPath)]);
    }

    private static void WriteComponent(string resourcesPath, string name, string type, (string Name, string Value)[] metadata)
    {
        var yaml = new StringBuilder($"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: {type}
              version: v1
              metadata:

            """);
        if (metadata.Length == 0) yaml.AppendLine("    []");
        foreach (var (key, value) in metadata) yaml.AppendLine($"    - name: {key}\n      value: \"{value}\"");
        File.WriteAllText(Path.Combine(resourcesPath, $"{name}.yaml"), yaml.ToString());
    }
}

public sealed record EchoResponse(string Method, string Path, string Query, string Body, string? ContentType, string?[] TraceParent, string CustomHeader);

public sealed record Order(Guid OrderId, string Sku, int Quantity, string? Status = null);

[CollectionDefinition(Name)]
public sealed class SidecarCollection : ICollectionFixture<SidecarFixture>
{
    public const string Name = "local sidecar";
}
