using DaprShop.Contracts;
using DaprShop.Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace DaprShop.Gateway.Tests;

public sealed class GatewayRoutesTests
{
    [Theory]
    [InlineData(AppIds.Identity)]
    [InlineData(AppIds.Catalog)]
    [InlineData(AppIds.Inventory)]
    [InlineData(AppIds.Cart)]
    [InlineData(AppIds.Ordering)]
    [InlineData(AppIds.Payment)]
    [InlineData(AppIds.Notification)]
    public void Every_app_but_the_gateway_is_routable(string appId)
    {
        var decision = GatewayRoutes.Decide(appId, "swagger/index.html");

        var forward = Assert.IsType<RouteDecision.Forward>(decision);
        Assert.Equal(appId, forward.AppId);
        Assert.Equal(new PathString("/swagger/index.html"), forward.MethodPath);
    }

    [Theory]
    [InlineData("orders", AppIds.Ordering)]
    [InlineData("payments", AppIds.Payment)]
    public void The_public_area_names_of_the_architecture_reach_their_apps(string alias, string appId)
    {
        var forward = Assert.IsType<RouteDecision.Forward>(GatewayRoutes.Decide(alias, "checkout"));

        Assert.Equal(appId, forward.AppId);
        Assert.Equal("/checkout", forward.MethodPath.Value);
    }

    [Theory]
    [InlineData("Orders")]
    [InlineData("order")]
    public void Aliases_are_matched_exactly_like_app_ids(string app) =>
        AssertRefused(GatewayRoutes.Decide(app, "checkout"), StatusCodes.Status404NotFound);

    [Fact]
    public void An_alias_leads_to_the_same_refusals_as_the_app_id() =>
        AssertRefused(GatewayRoutes.Decide("payments", "events/payment-succeeded"), StatusCodes.Status404NotFound);

    [Fact]
    public void The_rest_of_the_path_becomes_the_method_path_unchanged()
    {
        var forward = Assert.IsType<RouteDecision.Forward>(GatewayRoutes.Decide(AppIds.Catalog, "products/0192f0c4/variants/a b"));

        Assert.Equal("/products/0192f0c4/variants/a b", forward.MethodPath.Value);
        Assert.Equal("/products/0192f0c4/variants/a%20b", forward.MethodPath.ToUriComponent());
    }

    [Theory]
    [InlineData(AppIds.Gateway)]
    [InlineData("unknown")]
    [InlineData("Catalog")]
    [InlineData("CATALOG")]
    [InlineData("catalog.default")]
    [InlineData("http:")]
    [InlineData("")]
    public void The_gateway_itself_and_anything_but_an_exact_app_id_is_not_found(string app) =>
        AssertRefused(GatewayRoutes.Decide(app, "products"), StatusCodes.Status404NotFound);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_apps_root_is_not_found_because_dapr_cannot_invoke_an_empty_method(string? rest) =>
        AssertRefused(GatewayRoutes.Decide(AppIds.Catalog, rest), StatusCodes.Status404NotFound);

    [Theory]
    [InlineData("events/product-created")]
    [InlineData("events")]
    [InlineData("EVENTS/product-created")]
    [InlineData("Events/Product-Created")]
    [InlineData("dapr/subscribe")]
    [InlineData("dapr/config")]
    [InlineData("DAPR/SUBSCRIBE")]
    public void Sidecar_only_routes_are_not_reachable_from_outside(string rest) =>
        AssertRefused(GatewayRoutes.Decide(AppIds.Notification, rest), StatusCodes.Status404NotFound);

    [Theory]
    [InlineData("eventsource")]
    [InlineData("products/events")]
    [InlineData("daprshop")]
    public void Paths_that_merely_resemble_sidecar_only_routes_are_forwarded(string rest) =>
        Assert.IsType<RouteDecision.Forward>(GatewayRoutes.Decide(AppIds.Catalog, rest));

    [Theory]
    [InlineData("events%2Fproduct-created")]
    [InlineData("products%2f1")]
    [InlineData("events\\product-created")]
    [InlineData("/events/product-created")]
    [InlineData("products//1")]
    public void Encoded_slashes_backslashes_and_empty_segments_are_bad_requests(string rest) =>
        AssertRefused(GatewayRoutes.Decide(AppIds.Notification, rest), StatusCodes.Status400BadRequest);

    private static void AssertRefused(RouteDecision decision, int expectedStatus)
    {
        var refusal = Assert.IsType<RouteDecision.Refuse>(decision);
        Assert.Equal(expectedStatus, refusal.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Detail));
    }
}
