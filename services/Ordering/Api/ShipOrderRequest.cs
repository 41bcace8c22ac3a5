using FluentValidation;

namespace DaprShop.Ordering.Api;

/// <summary>Body of the admin's <c>POST /orders/{id}/ship</c>.</summary>
public sealed record ShipOrderRequest(string? TrackingNumber);

public sealed class ShipOrderRequestValidator : AbstractValidator<ShipOrderRequest>
{
    public ShipOrderRequestValidator()
    {
        RuleFor(request => request.TrackingNumber).NotEmpty().MaximumLength(100);
    }
}
