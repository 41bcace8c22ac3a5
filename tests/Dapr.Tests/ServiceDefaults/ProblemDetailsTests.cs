using System.Net;
using System.Net.Http.Json;
using System.Text;
using DaprShop.Dapr.Tests.Infrastructure;
using DaprShop.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DaprShop.Dapr.Tests.ServiceDefaults;

public sealed class ProblemDetailsTests
{
    public sealed record Address(string Street);

    public sealed record RegisterUser(string Email, string Password, Address? Address);

    public sealed class RegisterUserValidator : AbstractValidator<RegisterUser>
    {
        public RegisterUserValidator()
        {
            RuleFor(user => user.Email).NotEmpty().EmailAddress();
            RuleFor(user => user.Password).MinimumLength(12);
            RuleFor(user => user.Address!.Street).NotEmpty().When(user => user.Address is not null);
        }
    }

    public sealed record Coupon(string Code);

    // Internal on purpose: services keep validators internal, and registration must still find them.
    internal sealed class CouponValidator : AbstractValidator<Coupon>
    {
        public CouponValidator() => RuleFor(coupon => coupon.Code).Length(6);
    }

    private static Task<LoopbackApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => TestApp.StartAsync(
        app =>
        {
            app.MapPost("/users", (RegisterUser user) => Results.Ok(new { user.Email })).WithValidation<RegisterUser>();
            app.MapPost("/echo-length", async (HttpRequest request) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                return Results.Ok(buffer.Length);
            });
            app.MapGet("/boom", IResult () => throw new InvalidOperationException("secret connection string Password=hunter2"));
            app.MapPost("/coupons", (Coupon coupon) => Results.Ok(coupon)).WithValidation<Coupon>();
            app.MapGet("/stock", async (DaprShop.Dapr.DaprClient dapr) => Results.Ok(await dapr.GetStateAsync<int>("statestore", "stock")));
        },
        settings,
        builder => builder.Services.AddValidatorsFromAssemblyContaining<RegisterUserValidator>());

    [Fact]
    public async Task An_invalid_body_is_a_400_validation_problem_listing_the_json_fields()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsJsonAsync("/users", new { email = "not-an-email", password = "short", address = new { street = "" } });

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["address.street", "email", "password"], errors.EnumerateObject().Select(field => field.Name).Order());
        Assert.NotEmpty(errors.GetProperty("password").EnumerateArray());
    }

    [Fact]
    public async Task A_valid_body_reaches_the_handler()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsJsonAsync("/users", new { email = "ada@example.com", password = "correct horse battery", address = (object?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{ \"email\": ")]
    [InlineData("not json at all")]
    [InlineData("{ \"email\": 42, \"password\": [] }")]
    public async Task A_malformed_json_body_is_a_400_problem_not_a_500(string body)
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/users", new StringContent(body, Encoding.UTF8, "application/json"));

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_that_reveals_nothing_of_the_exception()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/boom");

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = problem.GetRawText();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/no-such-thing");

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_over_the_default_one_mebibyte_limit_is_a_413_problem()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/echo-length", new ByteArrayContent(new byte[1024 * 1024 + 1]));

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_over_the_limit_is_a_413_problem()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["ServiceDefaults:MaxRequestBodySize"] = "1000" });
        var content = new StreamContent(new MemoryStream(new byte[1001]));
        var request = new HttpRequestMessage(HttpMethod.Post, "/echo-length") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await app.Client.SendAsync(request);

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_a_413_problem_too()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["ServiceDefaults:MaxRequestBodySize"] = "100" });

        var response = await app.Client.PostAsJsonAsync("/users", new { email = new string('a', 200) + "@example.com", password = "correct horse battery" });

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_within_a_configured_limit_is_accepted()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["ServiceDefaults:MaxRequestBodySize"] = "1000" });

        var response = await app.Client.PostAsync("/echo-length", new ByteArrayContent(new byte[1000]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Internal_validators_are_registered_and_applied()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsJsonAsync("/coupons", new { code = "X" });

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task An_unreachable_sidecar_is_a_503_problem_with_retry_after_not_a_500()
    {
        // TestApp points DAPR_HTTP_ENDPOINT at port 1, where nothing listens.
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/stock");

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
    }
}
