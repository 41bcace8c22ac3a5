using DaprShop.Payment.Stripe;

namespace DaprShop.Payment.Tests.Stripe;

public sealed class FormEncoderTests
{
    [Fact]
    public void Encodes_a_confirmed_create_with_nested_objects_and_metadata_as_bracket_keys()
    {
        var form = FormEncoder.Encode(new PaymentIntentCreateOptions
        {
            Amount = 4999,
            Currency = "usd",
            PaymentMethod = "pm_card_visa",
            Confirm = true,
            AutomaticPaymentMethods = new AutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Metadata = new() { ["order_id"] = "A-1001" },
            Expand = ["latest_charge", "customer"],
        });

        Assert.Equal(
            "amount=4999&currency=usd&payment_method=pm_card_visa&confirm=true"
            + "&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never"
            + "&metadata[order_id]=A-1001&expand[0]=latest_charge&expand[1]=customer",
            form);
    }

    [Fact]
    public void Leaves_null_members_out()
    {
        Assert.Equal("amount=100", FormEncoder.Encode(new RefundCreateOptions { Amount = 100 }));
        Assert.Equal("", FormEncoder.Encode(new PaymentIntentCancelOptions()));
    }

    [Fact]
    public void Percent_encodes_keys_and_values_but_keeps_brackets()
    {
        var form = FormEncoder.Encode(new RefundCreateOptions { Metadata = new() { ["note & more"] = "a=b c/é" } });

        Assert.Equal("metadata[note%20%26%20more]=a%3Db%20c%2F%C3%A9", form);
    }

    [Fact]
    public void Sends_an_empty_list_as_the_bare_key()
    {
        Assert.Equal("expand=", FormEncoder.Encode(new PaymentIntentCreateOptions { Expand = [] }));
    }

    [Fact]
    public void Sends_false_in_lower_case()
    {
        Assert.Equal("confirm=false", FormEncoder.Encode(new PaymentIntentCreateOptions { Confirm = false }));
    }
}
