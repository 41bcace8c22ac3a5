namespace DaprShop.Contracts.Identity;

/// <summary>Published by identity on <see cref="Topics.AccountDeleted"/> once the account's personal data is erased.</summary>
public sealed record AccountDeleted(Guid UserId, DateTimeOffset DeletedAt);
