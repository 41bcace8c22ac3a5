using System.Text.Json;
using DaprShop.Sidecar.Messaging;

namespace DaprShop.Sidecar.Tests.Messaging;

public sealed class RouteExpressionTests
{
    private static readonly JsonElement Event = JsonDocument.Parse("""
        { "type": "refund", "source": "payments", "data": { "amount": 250, "currency": "EUR", "express": true } }
        """).RootElement;

    [Theory]
    [InlineData("event.type == \"refund\"", true)]
    [InlineData("event.type == 'refund'", true)]
    [InlineData("event.type != \"refund\"", false)]
    [InlineData("event.data.amount > 100", true)]
    [InlineData("event.data.amount <= 100", false)]
    [InlineData("event.data.amount >= 250 && event.data.currency == \"EUR\"", true)]
    [InlineData("event.type == \"charge\" || event.data.express == true", true)]
    [InlineData("!(event.type == \"refund\")", false)]
    [InlineData("event.source.startsWith(\"pay\")", true)]
    [InlineData("event.source.endsWith(\"x\")", false)]
    [InlineData("event.source.contains(\"ymen\")", true)]
    [InlineData("event.missing == \"x\"", false)]
    public void Evaluates_rules_against_the_cloud_event(string rule, bool expected) =>
        Assert.Equal(expected, RouteExpression.Parse(rule).Matches(Event));

    [Theory]
    [InlineData("event.type ==")]
    [InlineData("size(event.data) > 1")]
    [InlineData("event.type == \"unterminated")]
    [InlineData("(event.type == \"x\"")]
    public void Rejects_what_it_cannot_evaluate(string rule) =>
        Assert.Throws<FormatException>(() => RouteExpression.Parse(rule));
}
