using DaprShop.Identity.Domain;

namespace DaprShop.Identity.Persistence;

/// <summary>The result of <see cref="UserStore.UpdateAsync{TOutcome}"/>: the account as stored now and what the decision said.</summary>
internal sealed record UserUpdate<TOutcome>(UserAccount User, TOutcome Outcome);
