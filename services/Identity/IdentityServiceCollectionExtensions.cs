using DaprShop.Actors;
using DaprShop.Contracts;
using DaprShop.Identity.Accounts;
using DaprShop.Identity.Api;
using DaprShop.Identity.Domain;
using DaprShop.Identity.Email;
using DaprShop.Identity.Persistence;
using DaprShop.Identity.Sessions;
using DaprShop.Identity.Startup;
using DaprShop.Identity.Tokens;
using DaprShop.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DaprShop.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Identity's services. Call after <c>AddServiceDefaults</c>: it replaces the default JWKS-over-the-sidecar key
    /// source with identity's own signing key. Account events go through the transactional outbox, whose actor the app
    /// hosts (map it with <c>MapActorsHandlers</c>).
    /// </summary>
    public static IServiceCollection AddIdentityService(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AccountLinkOptions>().BindConfiguration(AccountLinkOptions.SectionName);

        services.AddSingleton<SigningKeyProvider>();
        services.Replace(ServiceDescriptor.Singleton<ISigningKeySource, LocalSigningKeySource>());
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();

        services.AddSingleton<UserStore>();
        services.AddSingleton<OneTimeTokenStore>();
        services.AddSingleton<RefreshTokenFamilyStore>();

        services.AddSingleton<AccountMailer>();
        services.AddTransactionalOutbox(ComponentNames.StateStore, AppIds.Identity);
        services.AddSingleton<AccountRegistration>();
        services.AddSingleton<EmailVerification>();
        services.AddSingleton<PasswordManagement>();
        services.AddSingleton<AccountErasure>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<GuestCartMerge>();

        services.AddHostedService<FirstAdminSeeder>();
        services.AddValidatorsFromAssemblyContaining<RegisterRequestValidator>();
        return services;
    }
}
