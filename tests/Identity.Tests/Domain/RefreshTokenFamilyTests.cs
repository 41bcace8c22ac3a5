using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Tests.Domain;

public sealed class RefreshTokenFamilyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_family_accepts_its_first_token_and_stores_only_its_hash()
    {
        var (family, token) = RefreshTokenFamily.Start(Guid.NewGuid(), Now);

        Assert.Equal(RefreshTokenUse.Current, family.Check(token, Now));
        Assert.DoesNotContain(token.Secret, family.CurrentSecretHash);
        Assert.Equal(Now + RefreshTokenFamily.Lifetime, family.ExpiresAt);
    }

    [Fact]
    public void After_a_rotation_only_the_new_token_is_current_and_every_older_one_counts_as_reused()
    {
        var (family, first) = RefreshTokenFamily.Start(Guid.NewGuid(), Now);
        var (afterSecond, second) = family.Rotate();
        var (afterThird, third) = afterSecond.Rotate();

        Assert.Equal(RefreshTokenUse.Current, afterThird.Check(third, Now));
        Assert.Equal(RefreshTokenUse.Reused, afterThird.Check(second, Now));
        Assert.Equal(RefreshTokenUse.Reused, afterThird.Check(first, Now));
        Assert.Equal(family.Id, third.FamilyId);
    }

    [Fact]
    public void Rotation_does_not_extend_the_family_which_expires_with_its_sign_in()
    {
        var (family, _) = RefreshTokenFamily.Start(Guid.NewGuid(), Now);
        var (rotated, token) = family.Rotate();

        Assert.Equal(family.ExpiresAt, rotated.ExpiresAt);
        Assert.Equal(RefreshTokenUse.Expired, rotated.Check(token, family.ExpiresAt));
    }

    [Fact]
    public void A_token_round_trips_through_its_text_form_and_garbage_does_not_parse()
    {
        var (_, token) = RefreshTokenFamily.Start(Guid.NewGuid(), Now);

        Assert.True(RefreshToken.TryParse(token.ToString(), out var parsed));
        Assert.Equal(token, parsed);
        Assert.False(RefreshToken.TryParse(null, out _));
        Assert.False(RefreshToken.TryParse("", out _));
        Assert.False(RefreshToken.TryParse($"{token.FamilyId:N}", out _));
        Assert.False(RefreshToken.TryParse($"not-a-guid.{token.Secret}", out _));
        Assert.False(RefreshToken.TryParse($"{token.FamilyId:N}.short", out _));
        Assert.False(RefreshToken.TryParse($"{token.FamilyId:N}.{token.Secret[..^1]}!", out _));
    }
}
