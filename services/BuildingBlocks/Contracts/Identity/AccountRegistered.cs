namespace DaprShop.Contracts.Identity;

/// <summary>Published by identity on <see cref="Topics.AccountRegistered"/> once a new account is stored (not yet verified).</summary>
public sealed record AccountRegistered(Guid UserId, string Email, string Name, DateTimeOffset RegisteredAt);
