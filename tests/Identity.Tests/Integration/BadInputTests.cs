using System.Net;
using System.Text;
using DaprShop.Identity.Tests.Infrastructure;

namespace DaprShop.Identity.Tests.Integration;

/// <summary>Every write endpoint answers bad input with 400 application/problem+json naming the field, never with a 5xx.</summary>
[Collection(IdentityAppCollection.Name)]
public sealed class BadInputTests(IdentityAppFixture identity)
{
    private readonly IdentityClient _client = new(identity);

    public enum Caller { Anonymous, Customer, Admin }

    public static TheoryData<Caller, string, string, string, string> InvalidFields => new()
    {
        { Caller.Anonymous, "POST", "register", """{"email":"not-an-email","password":"correct-horse-42-battery","name":"Ann"}""", "email" },
        { Caller.Anonymous, "POST", "register", """{"email":"ann@shop.test","password":"short1","name":"Ann"}""", "password" },
        { Caller.Anonymous, "POST", "register", """{"email":"ann@shop.test","password":"onlyletterslongenough","name":"Ann"}""", "password" },
        { Caller.Anonymous, "POST", "register", """{"email":"ann@shop.test","password":"correct-horse-42-battery","name":"   "}""", "name" },
        { Caller.Anonymous, "POST", "register", $$"""{"email":"ann@shop.test","password":"correct-horse-42-battery","name":"{{new string('n', 101)}}"}""", "name" },
        { Caller.Anonymous, "POST", "register", """{"email":"ann@shop.test","password":"correct-horse-42-battery","name":"Ann\nBcc: x@y.z"}""", "name" },
        { Caller.Anonymous, "POST", "register", """{"password":"correct-horse-42-battery","name":"Ann"}""", "email" },
        { Caller.Anonymous, "POST", "verify-email", """{"token":""}""", "token" },
        { Caller.Anonymous, "POST", "verify-email/resend", """{"email":"nope"}""", "email" },
        { Caller.Anonymous, "POST", "login", """{"email":"ann@shop.test","password":""}""", "password" },
        { Caller.Anonymous, "POST", "login", """{"email":"","password":"x"}""", "email" },
        { Caller.Anonymous, "POST", "refresh", """{}""", "refreshToken" },
        { Caller.Anonymous, "POST", "logout", """{"refreshToken":""}""", "refreshToken" },
        { Caller.Anonymous, "POST", "password/forgot", """{"email":"a@b"}""", "email" },
        { Caller.Anonymous, "POST", "password/reset", """{"token":"abc","newPassword":"short"}""", "newPassword" },
        { Caller.Anonymous, "POST", "password/reset", """{"newPassword":"correct-horse-42-battery"}""", "token" },
        { Caller.Customer, "PUT", "me", """{"name":""}""", "name" },
        { Caller.Customer, "POST", "me/password", """{"currentPassword":"correct-horse-42-battery","newPassword":"tooshort1"}""", "newPassword" },
        { Caller.Customer, "POST", "me/password", """{"currentPassword":"correct-horse-42-battery","newPassword":"correct-horse-42-battery"}""", "newPassword" },
        { Caller.Admin, "PUT", $"users/{Guid.NewGuid()}/roles", """{"roles":[]}""", "roles" },
        { Caller.Admin, "PUT", $"users/{Guid.NewGuid()}/roles", """{"roles":["superuser"]}""", "roles" },
        { Caller.Admin, "PUT", $"users/{Guid.NewGuid()}/roles", """{"roles":["admin","admin"]}""", "roles" },
        { Caller.Admin, "GET", "users?pageSize=1000", "", "pageSize" },
        { Caller.Admin, "GET", "users?page=0", "", "page" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_400_validation_problem_naming_it(Caller caller, string method, string path, string body, string field)
    {
        var response = await SendAsync(caller, method, path, body);

        var problem = await IdentityClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
    }

    public static TheoryData<Caller, string, string, string> UnreadableBodies => new()
    {
        { Caller.Anonymous, "POST", "register", "{not json" },
        { Caller.Anonymous, "POST", "register", "" },
        { Caller.Anonymous, "POST", "register", """{"email":42,"password":"correct-horse-42-battery","name":"Ann"}""" },
        { Caller.Anonymous, "POST", "verify-email", "null" },
        { Caller.Anonymous, "POST", "verify-email/resend", "[]" },
        { Caller.Anonymous, "POST", "login", "{not json" },
        { Caller.Anonymous, "POST", "refresh", "" },
        { Caller.Anonymous, "POST", "logout", "{not json" },
        { Caller.Anonymous, "POST", "password/forgot", "" },
        { Caller.Anonymous, "POST", "password/reset", "{not json" },
        { Caller.Customer, "PUT", "me", "{not json" },
        { Caller.Customer, "POST", "me/password", "" },
        { Caller.Admin, "PUT", $"users/{Guid.NewGuid()}/roles", """{"roles":"admin"}""" },
        { Caller.Admin, "GET", "users?page=first", "" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_request_is_a_400_problem(Caller caller, string method, string path, string body)
    {
        var response = await SendAsync(caller, method, path, body);

        await IdentityClient.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> SendAsync(Caller caller, string method, string path, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var accessToken = caller switch
        {
            Caller.Customer => (await _client.NewCustomerAsync()).Tokens.AccessToken,
            Caller.Admin => (await _client.SignInAsAdminAsync()).AccessToken,
            _ => null,
        };
        return await _client.SendAsync(request, accessToken);
    }
}
