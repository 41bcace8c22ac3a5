using DaprShop.Gateway.Forwarding;
using Microsoft.Extensions.Primitives;

namespace DaprShop.Gateway.Tests;

public sealed class HeaderRulesTests
{
    [Theory]
    [InlineData("Connection")]
    [InlineData("Keep-Alive")]
    [InlineData("Proxy-Authorization")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Upgrade")]
    [InlineData("Host")]
    [InlineData("Expect")]
    [InlineData("transfer-encoding")]
    public void Hop_by_hop_headers_are_not_forwarded(string name)
    {
        Assert.False(HeaderRules.ForwardsRequestHeader(name, StringValues.Empty));
        Assert.False(HeaderRules.ReturnsResponseHeader(name, StringValues.Empty));
    }

    [Theory]
    [InlineData("keep-alive, X-Session-Hint", "X-Session-Hint")]
    [InlineData("X-A,x-session-hint", "X-Session-Hint")]
    [InlineData(" x-session-hint ", "X-Session-Hint")]
    public void Headers_the_connection_header_names_are_hop_by_hop_too(string connection, string name)
    {
        Assert.False(HeaderRules.ForwardsRequestHeader(name, connection));
        Assert.False(HeaderRules.ReturnsResponseHeader(name, connection));
    }

    [Fact]
    public void Headers_named_in_any_of_several_connection_headers_are_hop_by_hop()
    {
        var connection = new StringValues(["keep-alive", "X-Session-Hint"]);

        Assert.False(HeaderRules.ForwardsRequestHeader("X-Session-Hint", connection));
    }

    [Theory]
    [InlineData("dapr-api-token")]
    [InlineData("dapr-app-id")]
    [InlineData("dapr-caller-app-id")]
    [InlineData("dapr-callee-app-id")]
    [InlineData("Dapr-Caller-Namespace")]
    [InlineData("DAPR-API-TOKEN")]
    public void Callers_cannot_inject_dapr_headers_and_apps_cannot_leak_them(string name)
    {
        Assert.False(HeaderRules.ForwardsRequestHeader(name, StringValues.Empty));
        Assert.False(HeaderRules.ReturnsResponseHeader(name, StringValues.Empty));
    }

    [Theory]
    [InlineData("traceparent")]
    [InlineData("tracestate")]
    public void The_callers_trace_context_is_replaced_by_the_gateways_own(string name) =>
        Assert.False(HeaderRules.ForwardsRequestHeader(name, StringValues.Empty));

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Cookie")]
    [InlineData("Content-Type")]
    [InlineData("Content-Length")]
    [InlineData("Accept")]
    [InlineData("Idempotency-Key")]
    [InlineData("X-Cart-Id")]
    [InlineData("X-Correlation-Id")]
    [InlineData("daprish")]
    public void End_to_end_headers_are_forwarded(string name) =>
        Assert.True(HeaderRules.ForwardsRequestHeader(name, "keep-alive"));

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("Location")]
    [InlineData("ETag")]
    [InlineData("Set-Cookie")]
    [InlineData("X-Cart-Id")]
    public void End_to_end_response_headers_are_returned(string name) =>
        Assert.True(HeaderRules.ReturnsResponseHeader(name, StringValues.Empty));
}
