using DaprShop.Contracts.Identity;
using DaprShop.Notification.Templates;

namespace DaprShop.Notification.Tests.Templates;

public sealed class WelcomeEmailTests
{
    private static readonly Guid UserId = Guid.Parse("01930000-0000-7000-8000-000000000001");
    private static readonly AccountRegistered Registered = new(UserId, "old@shop.test", "Old Name", new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Greets_the_contact_from_identity_in_both_parts()
    {
        var email = WelcomeEmail.For(Registered, new UserContact(UserId, "ann@shop.test", "Ann"));

        Assert.Equal($"welcome-{UserId}.eml", email.FileName);
        Assert.Equal("Welcome to DaprShop", email.Subject);
        Assert.Equal(Registered.RegisteredAt, email.SentAt);
        Assert.StartsWith("Hello Ann,", email.Text);
        Assert.Contains("Your account for ann@shop.test is ready", email.Text);
        Assert.Contains("<p>Hello Ann,</p>", email.Html.Markup);
        Assert.Contains("Your account for ann@shop.test is ready", email.Html.Markup);
    }

    [Fact]
    public void Escapes_the_name_in_html_but_not_in_text()
    {
        var email = WelcomeEmail.For(Registered, new UserContact(UserId, "ann@shop.test", "<img src=x onerror=alert(1)> O'Neil & Co"));

        Assert.StartsWith("Hello <img src=x onerror=alert(1)> O'Neil & Co,", email.Text);
        Assert.Contains("<p>Hello &lt;img src=x onerror=alert(1)&gt; O&#39;Neil &amp; Co,</p>", email.Html.Markup);
        Assert.DoesNotContain("<img", email.Html.Markup);
    }
}
