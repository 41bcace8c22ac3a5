using System.Text;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>Service invocation, reference §1: <c>/v1.0/invoke/{appId}/method/{method}</c>, header and basic-auth forms.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class InvocationConformanceTests(ConformanceFixture fixture)
{
    private readonly RecordingApp _app = fixture.AppOfA;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Invoke_AnyVerb_ReachesTheAppWithTheSameVerb(string verb)
    {
        // §1.1: the route is a catch-all, any HTTP verb is accepted and forwarded as-is.
        var method = Unique("verb");
        var response = await fixture.B.SendAsync(new HttpMethod(verb), $"/v1.0/invoke/{Names.AppA}/method/{method}");

        DaprAssert.Status(response, 200);
        var received = await _app.WaitForAsync(r => r.Path == "/" + method, "invocation");
        Assert.Equal(verb, received.Method);
    }

    [Fact]
    public async Task Invoke_NestedMethodPath_ReachesTheAppVerbatim()
    {
        // §1.1: everything after the first /method/ is the method, slashes included.
        var id = Unique("order");
        await fixture.B.GetAsync($"/v1.0/invoke/{Names.AppA}/method/api/v1/orders/{id}/lines");

        var received = await _app.WaitForAsync(r => r.Path.Contains(id, StringComparison.Ordinal), "nested path");
        Assert.Equal($"/api/v1/orders/{id}/lines", received.Path);
    }

    [Fact]
    public async Task Invoke_RawQueryString_IsForwardedUnchanged()
    {
        // §1.1: "The raw query string is forwarded unchanged" — order, repeats and escapes preserved.
        var method = Unique("query");
        const string query = "?b=2&a=1&a=3&enc=%2F%20x&empty=&flag";
        await fixture.B.GetAsync($"/v1.0/invoke/{Names.AppA}/method/{method}{query}");

        var received = await _app.WaitForAsync(r => r.Path == "/" + method, "query");
        Assert.Equal(query, received.QueryString);
    }

    [Fact]
    public async Task Invoke_BodyAndContentType_ArePassedThrough()
    {
        // §1.1: body streamed as-is, Content-Type forwarded; §1.2: other caller headers forwarded too.
        var method = Unique("body");
        var body = new byte[] { 0x7B, 0x00, 0xFF, 0x10, 0x22, 0x7D, 0xC3, 0x28 };
        var response = await fixture.B.SendAsync(
            HttpMethod.Post,
            $"/v1.0/invoke/{Names.AppA}/method/{method}",
            SidecarUnderTest.Content(body, "application/vnd.conformance+json; charset=utf-8"),
            new Dictionary<string, string> { ["X-Conformance-Caller"] = "kept" });

        DaprAssert.Status(response, 200);
        var received = await _app.WaitForAsync(r => r.Path == "/" + method, "body");
        Assert.Equal(body, received.Body);
        Assert.Equal("application/vnd.conformance+json; charset=utf-8", received.ContentType);
        Assert.Equal("kept", received.Header("X-Conformance-Caller"));
    }

    [Theory]
    [InlineData(201)]
    [InlineData(302)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task Invoke_AppStatusHeadersAndBody_ArePassedBackVerbatim(int status)
    {
        // §1.3: 2xx/3xx and also <200 / >399 answers are passed back verbatim: status, headers, Content-Type, body.
        var method = Unique("status");
        var body = $"{{\"status\":{status},\"from\":\"app\"}}";
        using var _ = _app.Respond(r => r.Path == "/" + method, new AppReply(
            status,
            body,
            "application/problem+json",
            new Dictionary<string, string> { ["X-App-Header"] = "app-value", ["Location"] = "/elsewhere" }));

        var response = await fixture.B.SendAsync(HttpMethod.Put, $"/v1.0/invoke/{Names.AppA}/method/{method}", SidecarUnderTest.Content("x", "text/plain"));

        DaprAssert.Status(response, status);
        Assert.Equal(body, response.Text);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("app-value", response.Header("X-App-Header"));
        Assert.Equal("/elsewhere", response.Header("Location"));
    }

    /// <summary>
    /// §1.3: callee status >399 counts as a failure for resiliency retries; §9.4 targets.apps.conf-c has a retry policy
    /// of 1 + 2 retries. The caller gets the final answer. (conf-c has two instances; retries may reach either.)
    /// </summary>
    private async Task<(ApiResponse Response, IReadOnlyList<RecordedRequest> Calls)> InvokeFlakyAsync(HttpMethod verb, HttpContent? body)
    {
        var method = Unique("flaky");
        var calls = 0;
        AppReply? Flaky(RecordedRequest request) => request.Path == "/" + method
            ? Interlocked.Increment(ref calls) < ConformanceFixture.InvocationAttempts ? AppReply.Text("try again", 503) : AppReply.Text("finally")
            : null;
        using var c1 = fixture.AppOfC1.Respond(Flaky);
        using var c2 = fixture.AppOfC2.Respond(Flaky);

        var response = await fixture.B.SendAsync(verb, $"/v1.0/invoke/{Names.AppC}/method/{method}", body);

        var received = fixture.AppOfC1.Matching(r => r.Path == "/" + method).Concat(fixture.AppOfC2.Matching(r => r.Path == "/" + method)).ToList();
        return (response, received);
    }

    [Fact]
    public async Task Invoke_AppFailingThenSucceeding_IsRetriedByTheAppsResiliencyPolicy()
    {
        var (response, calls) = await InvokeFlakyAsync(HttpMethod.Get, null);

        DaprAssert.Status(response, 200);
        Assert.Equal("finally", response.Text);
        Assert.Equal(ConformanceFixture.InvocationAttempts, calls.Count);
    }

    [Fact]
    public async Task Invoke_RetriedRequestWithBody_ReplaysTheBodyOnEveryAttempt()
    {
        // daprd marks the request replayable when the policy has retries (WithReplay), so each attempt carries the body.
        var (response, calls) = await InvokeFlakyAsync(HttpMethod.Post, SidecarUnderTest.Content("payload", "text/plain"));

        DaprAssert.Status(response, 200);
        Assert.Equal("finally", response.Text);
        Assert.Equal(ConformanceFixture.InvocationAttempts, calls.Count);
        Assert.All(calls, call => Assert.Equal("payload", call.BodyText));
    }

    [Fact]
    public async Task Invoke_RetriesExhausted_TheLastAppAnswerIsPassedBackVerbatim()
    {
        var method = Unique("down");
        using var c1 = fixture.AppOfC1.Respond(r => r.Path == "/" + method, AppReply.Text("still down", 503));
        using var c2 = fixture.AppOfC2.Respond(r => r.Path == "/" + method, AppReply.Text("still down", 503));

        var response = await fixture.B.GetAsync($"/v1.0/invoke/{Names.AppC}/method/{method}");

        DaprAssert.Status(response, 503);
        Assert.Equal("still down", response.Text);
        var calls = fixture.AppOfC1.Matching(r => r.Path == "/" + method).Count + fixture.AppOfC2.Matching(r => r.Path == "/" + method).Count;
        Assert.Equal(ConformanceFixture.InvocationAttempts, calls);
    }

    [Fact]
    public async Task Invoke_FromAnotherApp_CalleeSeesCallerAndCalleeAppIds()
    {
        // §1.2: daprd adds dapr-caller-app-id and (1.14+) dapr-callee-app-id.
        var method = Unique("ids");
        await fixture.B.PostJsonAsync($"/v1.0/invoke/{Names.AppA}/method/{method}", "{}");

        var received = await _app.WaitForAsync(r => r.Path == "/" + method, "caller ids");
        Assert.Equal(Names.AppB, received.Header("dapr-caller-app-id"));
        Assert.Equal(Names.AppA, received.Header("dapr-callee-app-id"));
    }

    [Fact]
    public async Task Invoke_DaprAppIdHeader_PathIsTheMethodAndHeaderIsNotForwarded()
    {
        // §1.1 form 1: header dapr-app-id + the request path itself is the method; the header is removed.
        var id = Unique("hdr");
        var response = await fixture.B.SendAsync(
            HttpMethod.Post,
            $"/orders/{id}?expand=lines",
            SidecarUnderTest.Content("{\"qty\":1}", "application/json"),
            new Dictionary<string, string> { ["dapr-app-id"] = Names.AppA });

        DaprAssert.Status(response, 200);
        var received = await _app.WaitForAsync(r => r.Path == $"/orders/{id}", "header-addressed invocation");
        Assert.Equal("POST", received.Method);
        Assert.Equal("?expand=lines", received.QueryString);
        Assert.Equal("{\"qty\":1}", received.BodyText);
        Assert.False(received.HasHeader("dapr-app-id"), "dapr-app-id must be consumed by daprd, not forwarded");
    }

    [Fact]
    public async Task DaprAppIdHeader_OnADaprApiPath_TheApiWins()
    {
        // §1.1: the header form only triggers when the path matches no other Dapr API route.
        var response = await fixture.B.GetAsync("/v1.0/metadata", new Dictionary<string, string> { ["dapr-app-id"] = Names.AppA });

        Assert.Equal(Names.AppB, DaprAssert.String(DaprAssert.Json(response), "id"));
    }

    [Fact]
    public async Task Invoke_BasicAuthAppId_PathIsTheMethod()
    {
        // §1.1 form 2: HTTP basic auth with user "dapr-app-id" and the app id as password.
        var id = Unique("basic");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"dapr-app-id:{Names.AppA}"));
        var response = await fixture.B.SendAsync(
            HttpMethod.Get, $"/carts/{id}", null, new Dictionary<string, string> { ["Authorization"] = "Basic " + credentials });

        DaprAssert.Status(response, 200);
        var received = await _app.WaitForAsync(r => r.Path == $"/carts/{id}", "basic-auth-addressed invocation");
        Assert.Equal("GET", received.Method);
    }

    [Fact]
    public async Task Invoke_CalleeSeesForwardedHeaders()
    {
        // §1.2: daprd adds X-Forwarded-For, X-Forwarded-Host and Forwarded to what the callee receives.
        var method = Unique("fwd");
        await fixture.B.GetAsync($"/v1.0/invoke/{Names.AppA}/method/{method}");

        var received = await _app.WaitForAsync(r => r.Path == "/" + method, "invocation");
        Assert.False(string.IsNullOrEmpty(received.Header("X-Forwarded-For")), "X-Forwarded-For missing");
        Assert.False(string.IsNullOrEmpty(received.Header("X-Forwarded-Host")), "X-Forwarded-Host missing");
        Assert.False(string.IsNullOrEmpty(received.Header("Forwarded")), "Forwarded missing");
    }

    [Fact]
    public async Task Invoke_DaprAppIdHeaderNamingAnUnknownApp_Returns500DirectInvoke()
    {
        var response = await fixture.B.SendAsync(
            HttpMethod.Get, $"/{Unique("path")}", null, new Dictionary<string, string> { ["dapr-app-id"] = "no-such-app" });

        DaprAssert.Error(response, 500, "ERR_DIRECT_INVOKE");
    }

    [Fact]
    public async Task Invoke_UnknownAppId_Returns500DirectInvoke()
    {
        // §1.3: resolution errors → 500 ERR_DIRECT_INVOKE "failed to invoke, id: <appId>, err: ...".
        var response = await fixture.B.GetAsync("/v1.0/invoke/no-such-app/method/anything");

        var error = DaprAssert.Error(response, 500, "ERR_DIRECT_INVOKE");
        Assert.StartsWith("failed to invoke, id: no-such-app, err: ", DaprAssert.String(error, "message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_UnknownPathWithoutAppId_Returns404DirectInvoke()
    {
        // §1.3 / §0.3: unmatched routes fall back to invocation; with no app id in path or header → 404 ERR_DIRECT_INVOKE.
        var response = await fixture.B.GetAsync($"/{Unique("nowhere")}/at/all");

        DaprAssert.Error(response, 404, "ERR_DIRECT_INVOKE");
    }

    [Fact]
    public async Task Invoke_SelfThroughOwnSidecar_CallerIsTheAppItself()
    {
        // An app may invoke itself through its own sidecar; the caller id is then its own id (§1.2).
        var method = Unique("self");
        var response = await fixture.A.GetAsync($"/v1.0/invoke/{Names.AppA}/method/{method}");

        DaprAssert.Status(response, 200);
        var received = await _app.WaitForAsync(r => r.Path == "/" + method, "self invocation");
        Assert.Equal(Names.AppA, received.Header("dapr-caller-app-id"));
    }
}
