using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Tests.Domain;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("abcdefghijk1")]
    [InlineData("correct horse 42 battery")]
    [InlineData("Admin!Passw0rd-dev")]
    [InlineData("ünïcödé-pässwörd-9")]
    public void Twelve_or_more_characters_with_a_letter_and_a_digit_are_accepted(string password) =>
        Assert.True(PasswordPolicy.IsSatisfiedBy(password));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abcdefghij1")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("123456789012345")]
    [InlineData("!!!!!!!!!!!!!!!!")]
    public void Short_passwords_and_passwords_without_a_letter_or_a_digit_are_refused(string? password) =>
        Assert.False(PasswordPolicy.IsSatisfiedBy(password));

    [Fact]
    public void The_length_is_bounded_so_hashing_cost_is_too()
    {
        Assert.True(PasswordPolicy.IsSatisfiedBy("a1" + new string('x', PasswordPolicy.MaxLength - 2)));
        Assert.False(PasswordPolicy.IsSatisfiedBy("a1" + new string('x', PasswordPolicy.MaxLength - 1)));
    }
}
