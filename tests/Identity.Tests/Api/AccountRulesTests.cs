using DaprShop.Identity.Api;

namespace DaprShop.Identity.Tests.Api;

public sealed class AccountRulesTests
{
    private const string Password = "correct-horse-42-battery";

    private readonly RegisterRequestValidator _validator = new();

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("Ann.Other+shop@mail.example.co.uk")]
    [InlineData(" ann@example.com ")]
    [InlineData("jürgen.o'brien+shop@bücher.example")]
    public void Plausible_addresses_are_accepted(string email) =>
        Assert.True(_validator.Validate(new RegisterRequest(email, Password, "Ann")).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@example")]
    [InlineData("ann @example.com")]
    [InlineData("ann@@example.com")]
    [InlineData("ann\n@example.com")]
    [InlineData("ann||x@example.com")]
    [InlineData("ann/x@example.com")]
    [InlineData("ann@example..com")]
    [InlineData("ann@exa_mple.com")]
    public void Anything_else_is_refused_on_the_email(string? email)
    {
        var result = _validator.Validate(new RegisterRequest(email!, Password, "Ann"));

        Assert.Equal(["Email"], result.Errors.Select(failure => failure.PropertyName).Distinct());
    }

    [Theory]
    [InlineData("A")]
    [InlineData("Zoë O'Brien-Łukasz")]
    public void Names_of_one_to_a_hundred_characters_are_accepted(string name) =>
        Assert.True(_validator.Validate(new RegisterRequest("ann@example.com", Password, name)).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("Ann\r\nBcc: everyone@example.com")]
    [InlineData("Ann\tTab")]
    public void Blank_names_and_names_with_control_characters_are_refused(string? name) =>
        Assert.Equal(["Name"], _validator.Validate(new RegisterRequest("ann@example.com", Password, name!)).Errors.Select(failure => failure.PropertyName).Distinct());

    [Fact]
    public void A_name_is_at_most_a_hundred_characters_after_trimming()
    {
        Assert.True(_validator.Validate(new RegisterRequest("ann@example.com", Password, $"  {new string('n', 100)}  ")).IsValid);
        Assert.False(_validator.Validate(new RegisterRequest("ann@example.com", Password, new string('n', 101))).IsValid);
    }
}
