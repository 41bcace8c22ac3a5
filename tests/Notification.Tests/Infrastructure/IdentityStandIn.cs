using System.Collections.Concurrent;
using DaprShop.Contracts;
using DaprShop.Contracts.Identity;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Notification.Tests.Infrastructure;

/// <summary>
/// Plays identity's <c>GET /internal/users/{id}/contact</c> from <see cref="Contacts"/> (404 for anyone else, as for
/// an erased account), refusing callers other than notification as identity does. <see cref="Outages"/> makes it
/// answer 503 a number of times for a user, as an unreachable identity would look to notification.
/// </summary>
public sealed class IdentityStandIn : IAsyncDisposable
{
    private IdentityStandIn(LoopbackApp app) => App = app;

    public LoopbackApp App { get; }

    public ConcurrentDictionary<Guid, UserContact> Contacts { get; } = new();

    /// <summary>How many more lookups of a user fail.</summary>
    public ConcurrentDictionary<Guid, int> Outages { get; } = new();

    public ConcurrentDictionary<Guid, int> Lookups { get; } = new();

    public static async Task<IdentityStandIn> StartAsync(string appApiToken)
    {
        IdentityStandIn? standIn = null;
        var app = await LoopbackApp.StartAsync(_ => { }, app =>
        {
            app.UseRouting();
            app.UseDaprAppApiToken(token => token.Token = appApiToken);
            app.MapGet(InternalRoutes.Prefix + "/users/{id:guid}/contact", (Guid id, HttpRequest request) =>
            {
                if (request.Headers[CallerAppIdExtensions.CallerAppIdHeader] != AppIds.Notification)
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden);
                standIn!.Lookups.AddOrUpdate(id, 1, (_, count) => count + 1);
                if (standIn.Outages.TryGetValue(id, out var left) && left > 0 && standIn.Outages.TryUpdate(id, left - 1, left))
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable);
                return standIn.Contacts.TryGetValue(id, out var contact) ? Results.Ok(contact) : Results.Problem(statusCode: StatusCodes.Status404NotFound);
            });
        });
        standIn = new IdentityStandIn(app);
        return standIn;
    }

    public UserContact AddUser(string name = "Ann Shopper")
    {
        var userId = Guid.CreateVersion7();
        var contact = new UserContact(userId, $"shopper-{userId:N}@shop.test", name);
        Contacts[userId] = contact;
        return contact;
    }

    public int LookupsOf(Guid userId) => Lookups.GetValueOrDefault(userId);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
