using System.Globalization;
using System.Text;
using DaprShop.Sidecar.Tests.Conformance.Infrastructure;

namespace DaprShop.Sidecar.Tests.Conformance;

/// <summary>
/// Subscriptions and delivery, reference §3.4–§3.8: programmatic and declarative subscriptions with routing rules,
/// the app response contract (SUCCESS / RETRY / DROP / 404 / other), resiliency retries, dead-letter topics,
/// fan-out across app ids, competing consumers within one app id, isolation of slow subscribers and message TTL.
/// </summary>
[Collection(ConformanceCollection.Name)]
public sealed class SubscriptionConformanceTests(ConformanceFixture fixture)
{
    // How long "nothing more happens" is watched after the expected deliveries: several times the 50 ms inbound retry
    // interval and the in-memory component's 100 ms redelivery pause.
    private static readonly TimeSpan SettleWindow = TimeSpan.FromMilliseconds(700);

    private readonly RecordingApp _app = fixture.AppOfA;

    private static string Marker() => Guid.NewGuid().ToString("N");

    private async Task PublishAsync(string topic, string marker, string query = "")
    {
        var response = await fixture.B.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/{topic}{query}", SidecarUnderTest.Content($$"""{"marker":"{{marker}}"}""", "application/json"));
        DaprAssert.NoContent(response);
    }

    private static Func<RecordedRequest, bool> On(string path, string marker) => r => r.Path == path && r.BodyContains(marker);

    private int Count(RecordingApp app, string path, string marker) => app.Matching(On(path, marker)).Count;

    private string AnswerCounts(string marker) =>
        $"{Count(_app, Topics.Route(Topics.Answers), marker)} deliveries, {Count(_app, Topics.Route(Topics.AnswersDeadLetter), marker)} dead-letter deliveries";

    // ---- routing ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task ProgrammaticRoutes_MatchingRule_DeliversToTheRulePath()
    {
        // §3.4 routes.rules: CEL over the CloudEvent, first match wins.
        var marker = Marker();
        await PublishAsync(Topics.Routed, marker, "?metadata.cloudevent.type=com.example.priority");

        await _app.WaitForAsync(On(Topics.Route(Topics.Routed) + "/priority", marker), "rule-routed delivery");
        Assert.Equal(0, Count(_app, Topics.Route(Topics.Routed) + "/default", marker));
    }

    [Fact]
    public async Task ProgrammaticRoutes_NoMatchingRule_DeliversToTheDefaultPath()
    {
        var marker = Marker();
        await PublishAsync(Topics.Routed, marker);

        await _app.WaitForAsync(On(Topics.Route(Topics.Routed) + "/default", marker), "default-routed delivery");
        Assert.Equal(0, Count(_app, Topics.Route(Topics.Routed) + "/priority", marker));
    }

    [Fact]
    public async Task DeclarativeSubscription_MatchingRule_DeliversToTheRulePath()
    {
        // §3.5: v2alpha1 Subscription resource with routes.rules and routes.default.
        var marker = Marker();
        await PublishAsync(Topics.Declarative, marker, "?metadata.cloudevent.type=com.example.special");

        await _app.WaitForAsync(On("/declarative/special", marker), "declarative rule delivery");
        Assert.Equal(0, Count(_app, "/declarative/default", marker));
    }

    [Fact]
    public async Task DeclarativeSubscription_NoMatchingRule_DeliversToTheDefaultPath()
    {
        var marker = Marker();
        await PublishAsync(Topics.Declarative, marker);

        await _app.WaitForAsync(On("/declarative/default", marker), "declarative default delivery");
    }

    [Fact]
    public async Task DeclarativeSubscription_DroppedMessage_GoesToItsDeadLetterTopic()
    {
        // §3.5 deadLetterTopic + §3.6 DROP → dead-letter topic.
        var marker = Marker();
        using var _ = _app.Respond(On("/declarative/default", marker), AppReply.Json("""{"status":"DROP"}"""));
        await PublishAsync(Topics.Declarative, marker);

        var dead = await _app.WaitForAsync(On(Topics.Route(Topics.DeclarativeDeadLetter), marker), "dead-lettered message");
        Assert.Contains(marker, dead.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesWithoutDefault_NonMatchingEvent_IsNotDeliveredAndGoesToTheDeadLetterTopic()
    {
        // §3.4: "An event that matches no rule and there is no default is dropped (sent to the dead-letter topic if
        // configured)".
        var marker = Marker();
        await PublishAsync(Topics.RulesOnly, marker);

        var dead = await _app.WaitForAsync(On(Topics.Route(Topics.AnswersDeadLetter), marker), "dead-lettered unmatched event");
        Assert.Equal(Topics.RulesOnly, DaprAssert.String(dead.Json(), "topic"));
        Assert.Empty(_app.Matching(r => r.Path.StartsWith(Topics.Route(Topics.RulesOnly), StringComparison.Ordinal) && r.BodyContains(marker)));
    }

    [Fact]
    public async Task RulesWithoutDefault_MatchingEvent_IsDeliveredToTheRulePath()
    {
        var marker = Marker();
        await PublishAsync(Topics.RulesOnly, marker, "?metadata.cloudevent.type=com.example.only");

        await _app.WaitForAsync(On(Topics.Route(Topics.RulesOnly) + "/matched", marker), "rule-matched delivery");
    }

    [Fact]
    public async Task NonJsonMessage_OnACloudEventSubscription_IsDeadLetteredWithoutReachingTheApp()
    {
        // §3.6: without subscription rawPayload, payloads that are not a JSON object fail to parse → dead letter if set.
        // Published raw (rawPayload=true) so the broker holds plain text; the dead-letter topic is subscribed with
        // rawPayload=true, which delivers any bytes wrapped in data_base64.
        var marker = Marker();
        var response = await fixture.B.SendAsync(
            HttpMethod.Post, $"/v1.0/publish/{Names.PubSub}/{Topics.NonJson}?metadata.rawPayload=true", SidecarUnderTest.Content($"plain text {marker}", "text/plain"));
        DaprAssert.NoContent(response);

        var dead = await _app.WaitForAsync(
            r => r.Path == Topics.Route(Topics.NonJsonDeadLetter) && DecodedData(r) == $"plain text {marker}", "dead-lettered plain text");
        Assert.Equal(Topics.NonJsonDeadLetter, DaprAssert.String(dead.Json(), "topic"));
        Assert.Empty(_app.Matching(r => r.Path == Topics.Route(Topics.NonJson)));
    }

    [Fact]
    public async Task SubscriptionRawPayload_DeliversSyntheticCloudEventWithTheRawBytesInDataBase64()
    {
        // §3.6: subscription metadata rawPayload=true → {id, specversion, source "Dapr", type, topic, pubsubname,
        // datacontenttype application/octet-stream, data_base64 = raw message bytes}.
        var marker = Marker();
        await PublishAsync(Topics.RawSubscription, marker);

        var delivery = await _app.WaitForAsync(
            r => r.Path == Topics.Route(Topics.RawSubscription) && DecodedData(r).Contains(marker, StringComparison.Ordinal), "raw-payload delivery");
        var ce = delivery.Json();
        Assert.False(string.IsNullOrEmpty(DaprAssert.String(ce, "id")));
        Assert.Equal("1.0", DaprAssert.String(ce, "specversion"));
        Assert.Equal("Dapr", DaprAssert.String(ce, "source"));
        Assert.Equal("com.dapr.event.sent", DaprAssert.String(ce, "type"));
        Assert.Equal(Topics.RawSubscription, DaprAssert.String(ce, "topic"));
        Assert.Equal(Names.PubSub, DaprAssert.String(ce, "pubsubname"));
        Assert.Equal("application/octet-stream", DaprAssert.String(ce, "datacontenttype"));
        // The raw bytes are what the broker holds: the CloudEvent built at publish time.
        var inner = System.Text.Json.JsonDocument.Parse(DecodedData(delivery)).RootElement;
        Assert.Equal(Topics.RawSubscription, DaprAssert.String(inner, "topic"));
        Assert.Equal(marker, inner.GetProperty("data").GetProperty("marker").GetString());
    }

    private static string DecodedData(RecordedRequest request)
    {
        try
        {
            return request.Json().TryGetProperty("data_base64", out var data) && data.GetString() is { } base64
                ? Encoding.UTF8.GetString(Convert.FromBase64String(base64))
                : "";
        }
        catch (Exception error) when (error is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return "";
        }
    }

    // ---- the app response contract (§3.6 table) ---------------------------------------------------------------

    public static TheoryData<int, string?> SuccessAnswers => new()
    {
        { 200, """{"status":"SUCCESS"}""" },
        { 200, null },                      // empty body
        { 200, "{}" },
        { 200, """{"status":""}""" },
        { 200, "ok, not json" },            // non-JSON body
        { 201, """{"status":"SUCCESS"}""" }, // any 2xx
    };

    [Theory]
    [MemberData(nameof(SuccessAnswers))]
    public async Task AppAnswer_Success_IsDeliveredOnceAndNotDeadLettered(int status, string? body)
    {
        var marker = Marker();
        using var _ = _app.Respond(On(Topics.Route(Topics.Answers), marker), new AppReply(status, body, body is null ? null : "application/json"));
        await PublishAsync(Topics.Answers, marker);

        await _app.WaitForAsync(On(Topics.Route(Topics.Answers), marker), "delivery");
        await Poll.StaysTrueAsync(
            () => Count(_app, Topics.Route(Topics.Answers), marker) == 1 && Count(_app, Topics.Route(Topics.AnswersDeadLetter), marker) == 0,
            SettleWindow,
            "an acknowledged message must be delivered exactly once and never dead-lettered",
            () => AnswerCounts(marker));
    }

    public static TheoryData<int, string?> RetryAnswers => new()
    {
        { 200, """{"status":"RETRY"}""" },
        { 200, """{"status":"success"}""" }, // status values are case-sensitive: unknown → retry
        { 200, """{"status":"LATER"}""" },
        { 500, null },
        { 503, "busy" },
    };

    [Theory]
    [MemberData(nameof(RetryAnswers))]
    public async Task AppAnswer_Retry_IsRetriedByTheInboundPolicyThenDeadLettered(int status, string? body)
    {
        // §3.6: "retry" = the component's inbound resiliency policy (1 + 2 retries here); when exhausted the message is
        // published to the deadLetterTopic (original bytes), and not delivered again.
        var marker = Marker();
        using var _ = _app.Respond(On(Topics.Route(Topics.Answers), marker), new AppReply(status, body, body is null ? null : "application/json"));
        await PublishAsync(Topics.Answers, marker);

        var dead = await _app.WaitForAsync(On(Topics.Route(Topics.AnswersDeadLetter), marker), "dead-lettered message");
        await Poll.StaysTrueAsync(
            () => Count(_app, Topics.Route(Topics.Answers), marker) == ConformanceFixture.InboundAttempts
                  && Count(_app, Topics.Route(Topics.AnswersDeadLetter), marker) == 1,
            SettleWindow,
            $"expected exactly {ConformanceFixture.InboundAttempts} attempts then one dead-letter delivery",
            () => AnswerCounts(marker));
        var original = _app.Matching(On(Topics.Route(Topics.Answers), marker))[0].Json();
        var deadLettered = dead.Json();
        Assert.Equal(DaprAssert.String(original, "id"), DaprAssert.String(deadLettered, "id"));
        Assert.Equal(Topics.Answers, DaprAssert.String(deadLettered, "topic"));
    }

    [Fact]
    public async Task AppAnswer_404_IsDroppedWithoutRetryOrDeadLetter()
    {
        var marker = Marker();
        using var _ = _app.Respond(On(Topics.Route(Topics.Answers), marker), AppReply.Text("no handler", 404));
        await PublishAsync(Topics.Answers, marker);

        await _app.WaitForAsync(On(Topics.Route(Topics.Answers), marker), "delivery");
        await Poll.StaysTrueAsync(
            () => Count(_app, Topics.Route(Topics.Answers), marker) == 1 && Count(_app, Topics.Route(Topics.AnswersDeadLetter), marker) == 0,
            SettleWindow,
            "a 404 answer drops the message: one delivery, no retry, no dead letter",
            () => AnswerCounts(marker));
    }

    [Fact]
    public async Task AppAnswer_Drop_IsNotRetriedAndGoesToTheDeadLetterTopic()
    {
        var marker = Marker();
        using var _ = _app.Respond(On(Topics.Route(Topics.Answers), marker), AppReply.Json("""{"status":"DROP"}"""));
        await PublishAsync(Topics.Answers, marker);

        await _app.WaitForAsync(On(Topics.Route(Topics.AnswersDeadLetter), marker), "dead-lettered message");
        await Poll.StaysTrueAsync(
            () => Count(_app, Topics.Route(Topics.Answers), marker) == 1 && Count(_app, Topics.Route(Topics.AnswersDeadLetter), marker) == 1,
            SettleWindow,
            "DROP: exactly one delivery and exactly one dead-letter delivery",
            () => AnswerCounts(marker));
    }

    [Fact]
    public async Task AppAnswer_RetryWithoutDeadLetterTopic_ComponentRedeliversUntilSuccess()
    {
        // §3.6: policy exhausted and no deadLetterTopic → the error goes back to the component, which redelivers
        // (in-memory: again after 100 ms). Fail 4 times, then succeed: 3 policy attempts + 2 in the next round.
        var marker = Marker();
        var attempts = 0;
        using var _ = _app.Respond(request =>
            On(Topics.Route(Topics.RetryWithoutDeadLetter), marker)(request)
                ? Interlocked.Increment(ref attempts) <= 4 ? AppReply.Empty(500) : AppReply.Empty()
                : null);
        await PublishAsync(Topics.RetryWithoutDeadLetter, marker);

        await _app.WaitForCountAsync(On(Topics.Route(Topics.RetryWithoutDeadLetter), marker), 5, "redeliveries until success");
        await Poll.StaysTrueAsync(
            () => Count(_app, Topics.Route(Topics.RetryWithoutDeadLetter), marker) == 5,
            SettleWindow,
            "after the successful fifth attempt the message must not be delivered again",
            () => $"{Count(_app, Topics.Route(Topics.RetryWithoutDeadLetter), marker)} deliveries");
    }

    // ---- consumers --------------------------------------------------------------------------------------------

    [Fact]
    public async Task FanOut_EachAppIdGetsItsOwnCopy()
    {
        // §3.8: different app ids each get a copy; instances of one app id share one.
        var marker = Marker();
        await PublishAsync(Topics.FanOut, marker);

        var route = Topics.Route(Topics.FanOut);
        await _app.WaitForAsync(On(route, marker), "copy for conf-a");
        await Poll.UntilAsync(() => Count(fixture.AppOfC1, route, marker) + Count(fixture.AppOfC2, route, marker) == 1, "copy for conf-c");
        await Poll.StaysTrueAsync(
            () => Count(_app, route, marker) == 1 && Count(fixture.AppOfC1, route, marker) + Count(fixture.AppOfC2, route, marker) == 1,
            SettleWindow,
            "exactly one copy per app id");
    }

    [Fact]
    public async Task CompetingConsumers_InstancesOfOneAppIdShareTheMessages()
    {
        var markers = Enumerable.Range(0, 6).Select(_ => Marker()).ToList();
        foreach (var marker in markers) await PublishAsync(Topics.FanOut, marker);

        var route = Topics.Route(Topics.FanOut);
        int GroupCount(string marker) => Count(fixture.AppOfC1, route, marker) + Count(fixture.AppOfC2, route, marker);
        await Poll.UntilAsync(() => markers.All(m => GroupCount(m) >= 1) && markers.All(m => Count(_app, route, m) >= 1), "all messages delivered");
        await Poll.StaysTrueAsync(
            () => markers.All(m => GroupCount(m) == 1 && Count(_app, route, m) == 1),
            SettleWindow,
            "each message exactly once within the conf-c group and once to conf-a");
    }

    [Fact]
    public async Task SlowSubscriber_DoesNotBlockAnotherAppId()
    {
        // conf-c's apps hold every message of this test for 3 s; conf-a must still get its copies at once.
        var blocker = Marker();
        var probe = Marker();
        var route = Topics.Route(Topics.Slow);
        var slow = new AppReply(Delay: TimeSpan.FromSeconds(3));
        using var c1 = fixture.AppOfC1.Respond(r => r.Path == route && (r.BodyContains(blocker) || r.BodyContains(probe)), slow);
        using var c2 = fixture.AppOfC2.Respond(r => r.Path == route && (r.BodyContains(blocker) || r.BodyContains(probe)), slow);

        await PublishAsync(Topics.Slow, blocker);
        await Poll.UntilAsync(() => Count(fixture.AppOfC1, route, blocker) + Count(fixture.AppOfC2, route, blocker) == 1, "conf-c busy with the first message");
        await PublishAsync(Topics.Slow, probe);

        await _app.WaitForAsync(On(route, probe), "conf-a's copy while conf-c is busy", TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task SlowMessage_DoesNotBlockAnotherTopicOfTheSameApp()
    {
        var slowMarker = Marker();
        var fastMarker = Marker();
        using var _ = _app.Respond(On(Topics.Route(Topics.Slow), slowMarker), new AppReply(Delay: TimeSpan.FromSeconds(3)));

        await PublishAsync(Topics.Slow, slowMarker);
        await _app.WaitForAsync(On(Topics.Route(Topics.Slow), slowMarker), "the slow message in progress");
        await PublishAsync(Topics.Fast, fastMarker);

        await _app.WaitForAsync(On(Topics.Route(Topics.Fast), fastMarker), "the other topic's message", TimeSpan.FromSeconds(1.5));
    }

    // ---- TTL ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Ttl_MessageCarriesExpirationAndIsNotDeliveredAfterIt()
    {
        // §3.1: metadata.ttlInSeconds; the in-memory broker has no native TTL, so daprd writes "expiration" (RFC3339)
        // into the CloudEvent and drops the message once expired (§3.6). The app keeps failing, so redeliveries would go
        // on for seconds if expiry were ignored.
        var marker = Marker();
        var route = Topics.Route(Topics.Ttl);
        using var _ = _app.Respond(On(route, marker), AppReply.Empty(500));
        var published = DateTimeOffset.UtcNow;
        await PublishAsync(Topics.Ttl, marker, "?metadata.ttlInSeconds=2");

        var first = await _app.WaitForAsync(On(route, marker), "first delivery");
        var expirationText = DaprAssert.String(first.Json(), "expiration");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", expirationText);
        var expiration = DateTimeOffset.Parse(expirationText, CultureInfo.InvariantCulture);
        Assert.InRange(expiration, published + TimeSpan.FromSeconds(1), published + TimeSpan.FromSeconds(3.5));

        // Watch until well past the expiration; an in-flight policy round may finish shortly after it.
        var tolerance = TimeSpan.FromMilliseconds(500);
        var watch = expiration + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        await Poll.StaysTrueAsync(
            () => _app.Matching(On(route, marker)).All(r => r.ReceivedAt <= expiration + tolerance),
            watch > TimeSpan.Zero ? watch : TimeSpan.Zero,
            "no delivery of an expired message");
    }
}
