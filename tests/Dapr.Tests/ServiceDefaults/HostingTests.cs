using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DaprShop.Dapr.Tests.Infrastructure;
using DaprShop.ServiceDefaults.Logging;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Serilog.Events;
using Serilog.Parsing;

namespace DaprShop.Dapr.Tests.ServiceDefaults;

public sealed class HostingTests
{
    [Fact]
    public async Task Liveness_is_200_without_any_sidecar()
    {
        await using var app = await TestApp.StartAsync(_ => { });

        var response = await app.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_is_503_while_the_sidecar_cannot_be_reached()
    {
        await using var app = await TestApp.StartAsync(_ => { });

        var response = await app.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task The_app_listens_on_app_port_on_loopback_when_no_urls_are_given()
    {
        var appPort = FreePort.Next();
        await using var app = await TestApp.StartAsync(_ => { }, new Dictionary<string, string?> { ["urls"] = null, ["APP_PORT"] = appPort.ToString() });

        Assert.Equal(new Uri($"http://127.0.0.1:{appPort}"), app.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Explicit_urls_win_over_app_port()
    {
        var appPort = FreePort.Next();
        await using var app = await TestApp.StartAsync(_ => { }, new Dictionary<string, string?> { ["APP_PORT"] = appPort.ToString() });

        Assert.NotEqual(appPort, app.BaseAddress.Port);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_apps_endpoints_and_swagger_ui_points_at_it()
    {
        await using var app = await TestApp.StartAsync(app => app.MapGet("/products/{id}", (Guid id) => Results.Ok(id)));

        var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var swaggerUiConfig = await app.Client.GetStringAsync("/swagger/index.js");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/products/{id}", out _));
        Assert.False(document.GetProperty("paths").TryGetProperty("/dapr/subscribe", out _));
        Assert.Contains("../openapi/v1.json", swaggerUiConfig);
    }

    [Theory]
    [InlineData("json")]
    [InlineData(null)]
    public void Log_lines_carry_the_trace_and_span_id_of_the_current_activity(string? logFormat)
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var logEvent = new LogEvent(
            DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse("Order {OrderId} placed"),
            [new LogEventProperty("OrderId", new ScalarValue(42)), new LogEventProperty("AppId", new ScalarValue("ordering"))],
            activity.TraceId, activity.SpanId);
        using var output = new StringWriter();

        SerilogSetup.CreateFormatter(logFormat).Format(logEvent, output);

        var line = output.ToString();
        Assert.Contains(activity.TraceId.ToHexString(), line);
        Assert.Contains(activity.SpanId.ToHexString(), line);
        Assert.Contains("ordering", line);
        Assert.Contains("Order 42 placed", line);
        if (logFormat == "json")
        {
            Assert.Equal(42, JsonDocument.Parse(line).RootElement.GetProperty("Properties").GetProperty("OrderId").GetInt32());
        }
    }
}
