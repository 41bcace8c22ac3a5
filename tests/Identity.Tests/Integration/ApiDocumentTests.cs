using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

[Collection(IdentityAppCollection.Name)]
public sealed class ApiDocumentTests(IdentityAppFixture identity)
{
    [Fact]
    public async Task The_openapi_document_lists_every_public_endpoint()
    {
        var response = await identity.Identity.GetAsync("openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paths").EnumerateObject().Select(path => path.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "/register", "/verify-email", "/verify-email/resend", "/login", "/refresh", "/logout", "/password/forgot", "/password/reset",
                "/me", "/me/password", "/users", "/users/{id}/roles", "/users/{id}/disable", "/users/{id}/enable", "/.well-known/jwks.json",
            },
            paths);
    }
}
