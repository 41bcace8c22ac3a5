using DaprShop.Payment.Stripe.Webhooks;

namespace DaprShop.Payment.Tests.Stripe;

/// <summary>Stripe's offline test vector (stripe.md §8) and the negative cases around it.</summary>
public sealed class EventUtilityTests
{
    private const string Secret = "whsec_test_secret";
    private const string Payload = """{"id":"evt_test_webhook","object":"event","type":"payment_intent.succeeded"}""";
    private const string GoodSignature = "130dc37d5a27b1b232a61e4f2ff00ed245f498112c11e8b747aff3d0fb754056";
    private const string Header = "t=1700000000,v1=" + GoodSignature;

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    [Fact]
    public void Accepts_the_published_vector_within_the_tolerance()
    {
        var stripeEvent = EventUtility.ConstructEvent(Payload, Header, Secret, SignedAt.AddSeconds(100));

        Assert.Equal("evt_test_webhook", stripeEvent.Id);
        Assert.Equal("payment_intent.succeeded", stripeEvent.Type);
    }

    [Fact]
    public void Signs_exactly_as_the_published_vector()
    {
        Assert.Equal(Header, EventUtility.GenerateSignatureHeader(Payload, Secret, SignedAt));
    }

    [Fact]
    public void Refuses_a_stale_timestamp()
    {
        var exception = Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, Header, Secret, SignedAt.AddSeconds(301)));
        Assert.Contains("tolerance", exception.Message);
    }

    [Fact]
    public void Refuses_a_timestamp_too_far_in_the_future()
    {
        Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, Header, Secret, SignedAt.AddSeconds(-301)));
    }

    [Fact]
    public void Honours_a_custom_tolerance()
    {
        EventUtility.ValidateSignature(Payload, Header, Secret, SignedAt.AddSeconds(1000), toleranceSeconds: 1000);
        Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, Header, Secret, SignedAt.AddSeconds(11), toleranceSeconds: 10));
    }

    [Fact]
    public void Refuses_a_body_with_one_extra_trailing_space()
    {
        var exception = Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload + " ", Header, Secret, SignedAt));
        Assert.Contains("No v1 signature matches", exception.Message);
    }

    [Fact]
    public void Refuses_a_signature_made_with_another_secret()
    {
        Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, Header, "whsec_other_secret", SignedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Refuses_a_missing_header(string? header)
    {
        var exception = Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, header, Secret, SignedAt));
        Assert.Contains("missing", exception.Message);
    }

    [Fact]
    public void Refuses_a_header_without_v1()
    {
        var exception = Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, "t=1700000000,v0=" + GoodSignature, Secret, SignedAt));
        Assert.Contains("no v1", exception.Message);
    }

    [Fact]
    public void Refuses_a_header_without_timestamp()
    {
        Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, "v1=" + GoodSignature, Secret, SignedAt));
    }

    [Fact]
    public void Accepts_when_any_of_several_v1_signatures_matches_and_ignores_v0()
    {
        EventUtility.ValidateSignature(Payload, $"t=1700000000,v0=abc,v1=deadbeef,v1={GoodSignature}", Secret, SignedAt.AddSeconds(100));
    }

    [Fact]
    public void Refuses_when_the_timestamp_was_altered()
    {
        Assert.Throws<StripeSignatureException>(() => EventUtility.ValidateSignature(Payload, "t=1700000001,v1=" + GoodSignature, Secret, SignedAt));
    }

    [Fact]
    public void Refuses_a_signed_payload_that_is_not_an_event()
    {
        const string notAnEvent = "[1,2]";
        var header = EventUtility.GenerateSignatureHeader(notAnEvent, Secret, SignedAt);

        Assert.Throws<StripeSignatureException>(() => EventUtility.ConstructEvent(notAnEvent, header, Secret, SignedAt));
    }
}
